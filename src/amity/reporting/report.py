"""The consolidated report of a period as a Word document, from a docxtpl template.

The template (`docx/consolidated.docx`) is made by `build_template()` with python-docx
(`python scripts/build_report_template.py`) and committed; an office may restyle it in Word as
long as the Jinja tags stay. It receives the period, the consolidated figures of every numeric
indicator (to current boundaries) and, under each narrative heading, what every Union wrote.
"""

import io
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from amity.reporting.choices import REPORTED_STATES, SectionKind
from amity.reporting.consolidation import consolidate
from amity.reporting.models import Section, Value
from amity.reporting.services import current_version, version_indicators

TEMPLATE = Path(__file__).parent / "docx" / "consolidated.docx"


def report_context(period, user) -> dict:
    version = current_version(period.form)
    indicators = [i for i in version_indicators(version) if i.is_numeric] if version else []
    pivot = consolidate(user, indicators, [period], by="period")
    totals = dict(zip([i.pk for i in indicators], pivot.totals, strict=True))
    figures = [
        {"code": i.code, "name": i.display_name, "unit": i.unit,
         "value": "—" if totals[i.pk] is None else f"{totals[i.pk]:,}".replace(",", ".")}
        for i in indicators
    ]  # fmt: skip
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
                .filter(submission__period=period, submission__state__in=REPORTED_STATES,
                        indicator=item.indicator)
                .exclude(text="")
                .select_related("submission__organization")
                .order_by("submission__organization__tree_path")
            )  # fmt: skip
            narratives.append({
                "heading": f"{section.display_title} — {item.indicator.display_name}",
                "entries": [{"organization": str(v.submission.organization), "text": v.text}
                            for v in texts],
            })  # fmt: skip
    return {
        "title": str(period.form),
        "period": str(period.label),
        "made_on": timezone.localdate().strftime("%d/%m/%Y"),
        "figures": figures,
        "narratives": narratives,
        "labels": {"figures": _("Consolidated figures"), "narratives": _("What the Unions report"),
                   "indicator": _("Indicator"), "value": _("Value"), "made_on": _("Made on")},
    }  # fmt: skip


def consolidated_docx(period, user) -> bytes:
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(TEMPLATE))
    document.render(report_context(period, user), autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_template(path: Path = TEMPLATE) -> Path:
    """Write the Word template with python-docx: a title, a table of figures, the narratives."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    document.add_paragraph("LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ VIỆT NAM").runs[0].bold = True
    document.add_heading("{{ title }}", level=1)
    document.add_paragraph("{{ period }} · {{ labels.made_on }} {{ made_on }}")
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
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path
