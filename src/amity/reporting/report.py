"""The consolidated report of a period as a Word document, from a docxtpl template.

The template (`docx/consolidated.docx`) is made by `build_template()` with python-docx
(`python scripts/build_report_template.py`) and committed; an office may restyle it in Word as
long as the Jinja tags stay. It receives the period, the consolidated figures of every numeric
indicator (to current boundaries) and, under each narrative heading, what every Union wrote.
"""

from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from amity.core import docx
from amity.core.numbers import local_number
from amity.documents import library
from amity.organizations.letterhead import letterhead_of
from amity.reporting.choices import REPORTED_STATES, SectionKind
from amity.reporting.consolidation import consolidate
from amity.reporting.models import Section, Value
from amity.reporting.services import current_version, entry_sections, version_indicators

TEMPLATE = Path(__file__).parent / "docx" / "consolidated.docx"


def report_context(period, user) -> dict:
    version = current_version(period.form)
    indicators = [i for i in version_indicators(version) if i.is_numeric] if version else []
    pivot = consolidate(user, indicators, [period], by="period")
    totals = dict(zip([i.pk for i in indicators], pivot.totals, strict=True))
    figures = [
        {
            "code": i.code,
            "name": i.display_name,
            "unit": i.unit,
            "value": "—" if totals[i.pk] is None else local_number(totals[i.pk]),
        }
        for i in indicators
    ]
    narratives = []
    sections = (
        Section.objects.filter(form_version=version, kind=SectionKind.NARRATIVE) if version else []
    )
    for section in sections.prefetch_related("items__indicator"):
        for item in section.items.all():
            if item.indicator.is_numeric:
                continue
            texts = (
                Value.objects.visible_to(user)
                .filter(
                    submission__period=period,
                    submission__state__in=REPORTED_STATES,
                    indicator=item.indicator,
                )
                .exclude(text="")
                .select_related("submission__organization")
                .order_by("submission__organization__tree_path")
            )
            narratives.append(
                {
                    "heading": f"{section.display_title} — {item.indicator.display_name}",
                    "entries": [
                        {"organization": str(v.submission.organization), "text": v.text}
                        for v in texts
                    ],
                }
            )
    return {
        "title": str(period.form),
        "period": str(period.label),
        "made_on": timezone.localdate().strftime("%d/%m/%Y"),
        "figures": figures,
        "narratives": narratives,
        "labels": {
            "figures": _("Consolidated figures"),
            "narratives": _("What the Unions report"),
            "indicator": _("Indicator"),
            "value": _("Value"),
            "made_on": _("Made on"),
        },
    }


def consolidated_docx(period, user) -> bytes:
    """The consolidated report, issued by the form's owner to the organizations that fill it."""
    issuer = period.form.organization
    head = letterhead_of(issuer, recipients=[_("The organizations that report on the form")])
    return library.render("consolidated_report", report_context(period, user), head, issuer)


def build_template(path: Path = TEMPLATE) -> Path:
    """Write the Word template with python-docx: a title, a table of figures, the narratives."""
    document = docx.new_document()
    # the issuer, the number and the date are the letterhead's (core.letterhead.stamp_docx)
    _centred(document.add_heading("{{ title }}", level=1))
    _centred(document.add_paragraph("{{ period }}"))
    document.add_heading("{{ labels.figures }}", level=2)
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "{{ labels.indicator }}", "{{ labels.value }}"
    table.cell(1, 0).text = "{%tr for row in figures %}"
    table.cell(2, 0).text = "{{ row.code }} {{ row.name }}"
    table.cell(2, 1).text = "{{ row.value }} {{ row.unit }}"
    extra = table.add_row()
    extra.cells[0].text = "{%tr endfor %}"
    document.add_heading("{{ labels.narratives }}", level=2)
    document.add_paragraph("{%p for block in narratives %}")
    document.add_heading("{{ block.heading }}", level=3)
    document.add_paragraph("{%p for entry in block.entries %}")
    paragraph = document.add_paragraph()
    paragraph.add_run("{{ entry.organization }}: ").bold = True
    paragraph.add_run("{{ entry.text }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    return docx.save(document, path)


# --- one submission as a document ---------------------------------------------------------------

SUBMISSION_TEMPLATE = Path(__file__).parent / "docx" / "submission.docx"


def _when(moment, who) -> str:
    if moment is None:
        return "—"
    shown = timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")
    return f"{shown} — {who}" if who else shown


def submission_context(submission) -> dict:
    """One organization's report for one period, in the order of its form: the figures of each
    section in a table, the narratives as text, the attachments by name. The print page and
    the Word document show the same."""
    sections = []
    for section in entry_sections(submission):
        rows = []
        for item, value in section.rows:
            indicator = item.indicator
            rows.append(
                {
                    "code": indicator.code,
                    "name": indicator.display_name,
                    "unit": indicator.unit,
                    "value": _shown_value(indicator, value),
                    "from_system": bool(value and value.source == "system"),
                    "comment": value.comment if value else "",
                }
            )
        sections.append(
            {
                "title": f"{section.order}. {section.display_title}",
                "narrative": section.is_narrative,
                "rows": rows,
            }
        )
    attachments = [a.original_name for a in submission.attachments.all()]
    return {
        "head": submission_letterhead(submission).as_context(),
        "form": str(submission.form_version.form),
        "version": submission.form_version.number,
        "organization": str(submission.organization),
        "period": str(submission.period.label),
        "state": str(submission.get_state_display()),
        "submitted": _when(submission.submitted_at, submission.submitted_by),
        "approved": _when(submission.approved_at, submission.approved_by),
        "made_on": timezone.localdate().strftime("%d/%m/%Y"),
        "sections": sections,
        "attachments": attachments,
        "labels": {
            "indicator": _("Indicator"),
            "value": _("Value"),
            "state": _("State"),
            "submitted": _("Submitted"),
            "approved": _("Approved"),
            "made_on": _("Made on"),
            "version": _("Form version"),
            "attachments": _("Attachments"),
            "from_system": _("from the system"),
            "explanation": _("Explanation"),
        },
    }


def _shown_value(indicator, value) -> str:
    if value is None or value.is_empty:
        return "—"
    return local_number(value.display)  # a figure grouped in the page's language; text as it is


def submission_letterhead(submission):
    """A report is issued by its organization to the organization that designed the form, on
    the day it was submitted (today while it is a draft)."""
    sent = submission.submitted_at
    return letterhead_of(
        submission.organization,
        on=timezone.localtime(sent).date() if sent else None,
        recipients=[submission.period.form.organization.display_name],
    )


def submission_docx(submission) -> bytes:
    head, context = submission_letterhead(submission), submission_context(submission)
    return library.render("submission_report", context, head, submission.organization)


def _centred(paragraph):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def build_submission_template(path: Path = SUBMISSION_TEMPLATE) -> Path:
    """Write the Word template of one submission with python-docx: the heading of the official
    layout, then each section as a table of figures or as its narratives, then attachments."""
    document = docx.new_document()
    # the issuer, the number, the date and the signature are the letterhead's (stamp_docx)
    _centred(document.add_heading("{{ form }}", level=1))
    _centred(document.add_paragraph("{{ period }} · {{ labels.version }} {{ version }}"))
    document.add_paragraph(
        "{{ labels.state }}: {{ state }} · {{ labels.submitted }}: "
        "{{ submitted }} · {{ labels.approved }}: {{ approved }}"
    )
    document.add_paragraph("{%p for section in sections %}")
    document.add_heading("{{ section.title }}", level=2)
    document.add_paragraph("{%p if section.narrative %}")
    document.add_paragraph("{%p for row in section.rows %}")
    document.add_paragraph().add_run("{{ row.name }}").bold = True
    document.add_paragraph("{{ row.value }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p else %}")
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "{{ labels.indicator }}", "{{ labels.value }}"
    table.cell(1, 0).text = "{%tr for row in section.rows %}"
    table.cell(2, 0).text = "{{ row.code }} {{ row.name }}"
    table.cell(2, 1).text = (
        "{{ row.value }} {{ row.unit }}{% if row.from_system %} ({{ labels.from_system }})"
        "{% endif %}{% if row.comment %} — {{ labels.explanation }}: {{ row.comment }}{% endif %}"
    )
    table.add_row().cells[0].text = "{%tr endfor %}"
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p if attachments %}")
    document.add_heading("{{ labels.attachments }}", level=2)
    document.add_paragraph("{%p for name in attachments %}")
    document.add_paragraph("{{ name }}", style="List Bullet")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endif %}")
    return docx.save(document, path)
