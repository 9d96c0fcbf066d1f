"""The emulation's Word documents from docxtpl templates: an award decision, a recipient's
certificate, a cluster's results.

The templates (`docx/decision.docx`, `docx/certificate.docx`, `docx/cluster.docx`) are made by
`build_templates()` with python-docx (`python scripts/build_emulation_templates.py`) and
committed. An administrator may replace one by a file styled in Word as long as it uses the
fields its context gives (docs/admin.md lists them). Every sentence is given already in the
language of the request (`text.*`), so one template serves Vietnamese and English; the raw
fields are given too, for a template that words things its own way. The heading and the closing
of an official document are put on by `core.letterhead.stamp_docx`, never by the template.
"""

import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docxtpl import DocxTemplate

from amity.core.letterhead import Letterhead, stamp_docx

FOLDER = Path(__file__).parent / "docx"
DECISION = FOLDER / "decision.docx"
CERTIFICATE = FOLDER / "certificate.docx"
CLUSTER = FOLDER / "cluster.docx"


def render(template: Path, context: dict, head: Letterhead | None = None) -> bytes:
    """The template filled with `context` (escaped: a name may hold "<" or "&"), under the
    letterhead `head` when the document is an official one."""
    document = DocxTemplate(str(template))
    document.render(context, autoescape=True)
    buffer = io.BytesIO()
    document.save(buffer)
    content = buffer.getvalue()
    return stamp_docx(content, head) if head is not None else content


# --- the templates, written with python-docx ---------------------------------------------------


def _new_document():
    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    return document


def _line(document, text, *, bold=False, italic=False, size=13, center=True):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    return paragraph


def build_decision_template(path: Path = DECISION) -> Path:
    """The decision: its title, subject, number and date, the article naming the recipients
    (each with the achievements the dossier gave), the article of effect, the revocation."""
    document = _new_document()
    _line(document, "{{ text.title }}", bold=True, size=14)
    _line(document, "{{ text.subject }}", bold=True)
    _line(document, "{{ text.number_and_date }}", italic=True)
    _line(document, "{{ text.article_1 }}", center=False)
    document.add_paragraph("{%p for recipient in recipients %}")
    _line(document, "{{ recipient.index }}. {{ recipient.name }}", center=False)
    document.add_paragraph("{%p if recipient.achievements %}")
    _line(document, "{{ recipient.achievements }}", italic=True, size=12, center=False)
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    _line(document, "{{ text.article_2 }}", center=False)
    document.add_paragraph("{%p if revoked %}")
    _line(document, "{{ text.revoked }}", bold=True, center=False)
    document.add_paragraph("{%p endif %}")
    return _save(document, path)


def build_certificate_template(path: Path = CERTIFICATE) -> Path:
    """The certificate (bằng khen): the issuer, the award form, the recipient, the year, the
    decision that conferred it and its signer."""
    document = _new_document()
    _line(document, "{{ issuer_upper }}", bold=True)
    _line(document, "{{ award_form_upper }}", bold=True, size=20)
    _line(document, "{{ text.awarded_to }}", italic=True)
    _line(document, "{{ nominee }}", bold=True, size=18)
    _line(document, "{{ text.achievements }}")
    _line(document, "{{ text.decision }}", italic=True, size=12)
    _line(document, "{{ signer_position }}", bold=True)
    _line(document, "{{ signer_name }}", bold=True)
    return _save(document, path)


def build_cluster_template(path: Path = CLUSTER) -> Path:
    """A cluster's results: its members, head and deputy, pact, the ranking in a table with the
    tie-break rule, and the unit proposed for the emulation flag."""
    document = _new_document()
    _line(document, "{{ text.title }}", bold=True, size=14)
    document.add_paragraph("{%p if text.head %}")
    document.add_paragraph("{{ text.head }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p if text.deputy %}")
    document.add_paragraph("{{ text.deputy }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p if text.pact %}")
    document.add_paragraph("{{ text.pact }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{{ text.members }}")
    table = document.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    headers = ("{{ labels.rank }}", "{{ labels.unit }}", "{{ labels.total }}", "{{ labels.state }}")
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    table.cell(1, 0).text = "{%tr for row in ranking %}"
    for cell, text in zip(
        table.rows[2].cells,
        ("{{ row.rank }}", "{{ row.unit }}", "{{ row.total }}", "{{ row.state }}"),
        strict=True,
    ):
        cell.text = text
    table.add_row().cells[0].text = "{%tr endfor %}"
    document.add_paragraph("{{ text.tie_rule }}")
    document.add_paragraph("{%p if text.leader %}")
    document.add_paragraph("{{ text.leader }}")
    document.add_paragraph("{%p endif %}")
    return _save(document, path)


def build_templates() -> list[Path]:
    return [build_decision_template(), build_certificate_template(), build_cluster_template()]


def _save(document, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path
