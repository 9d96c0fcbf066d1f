"""Write the Word template of the training's documents (a course's certificates):
`python scripts/build_training_templates.py`."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")

import django  # noqa: E402

django.setup()

from amity.training.documents import build_templates  # noqa: E402

for path in build_templates():
    print(path)
