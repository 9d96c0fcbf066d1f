"""Write every built-in Word template of the system where it is committed: the documents app's
kinds and those of reporting, proposals, emulation and training (each kind's `build`):
`python scripts/build_document_templates.py`."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")

import django  # noqa: E402

django.setup()

from amity.documents.library import kinds  # noqa: E402

for kind in kinds():
    if kind.build is not None:
        print(kind.build(kind.builtin))
