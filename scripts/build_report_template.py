"""Write the Word templates of the reports (consolidated, one submission):
`python scripts/build_report_template.py`."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")

import django  # noqa: E402

django.setup()

from amity.reporting.report import build_submission_template, build_template  # noqa: E402

print(build_template())
print(build_submission_template())
