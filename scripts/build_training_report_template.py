"""Write the Word template of the yearly training report:
`python scripts/build_training_report_template.py`."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")

import django  # noqa: E402

django.setup()

from amity.training.report import build_report_template  # noqa: E402

print(build_report_template())
