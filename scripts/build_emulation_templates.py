"""Write the Word templates of the emulation's documents (an award decision, a certificate, a
cluster's results): `python scripts/build_emulation_templates.py`."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")

import django  # noqa: E402

django.setup()

from amity.emulation.documents import build_templates  # noqa: E402

for path in build_templates():
    print(path)
