"""Reporting's kinds of Word document in the template library (`documents.library`): the
consolidated report of a period and one organization's report. Their contexts and built-in
templates are `report.py`'s; an administrator may upload a replacement of either kind that uses
the fields listed here."""

from django.utils.translation import gettext_lazy as _

from amity.documents.library import Kind, register
from amity.reporting import report

CONSOLIDATED_REPORT = register(
    Kind(
        "consolidated_report",
        _("Consolidated report of a period"),
        report.TEMPLATE,
        ("title", "period", "made_on", "figures", "narratives", "labels"),
        required=("figures",),
        build=report.build_template,
    )
)
SUBMISSION_REPORT = register(
    Kind(
        "submission_report",
        _("An organization's report"),
        report.SUBMISSION_TEMPLATE,
        (
            "head",
            "form",
            "version",
            "organization",
            "period",
            "state",
            "submitted",
            "approved",
            "made_on",
            "sections",
            "attachments",
            "labels",
        ),
        required=("sections",),
        build=report.build_submission_template,
    )
)
