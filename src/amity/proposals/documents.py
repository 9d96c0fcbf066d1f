"""The proposals' kind of Word document in the template library (`documents.library`): the
compiled summary of a consultation (tổng hợp ý kiến), from the template `docx/synthesis.docx`
written by `build_synthesis_template` with python-docx (`python
scripts/build_document_templates.py`) and committed. Every sentence is given in the language of
the request; the heading and closing are stamped by the library."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from amity.core import docx
from amity.core.docx import COLOUR_MARK
from amity.documents.library import Kind, register

SYNTHESIS = Path(__file__).parent / "docx" / "synthesis.docx"


def build_synthesis_template(path: Path = SYNTHESIS) -> Path:
    """The title, the summary sentence, then per article: its heading, its draft text, the
    count of each opinion, and each organization that disagreed, proposed a wording or
    commented."""
    document = docx.new_document()
    docx.line(document, "{{ title }}", bold=True, size=14, colour=COLOUR_MARK)
    docx.line(document, "{{ text.summary }}", center=False)
    document.add_paragraph("{%p for article in articles %}")
    document.add_paragraph().add_run("{{ article.heading }}").bold = True
    docx.line(document, "{{ article.text }}", center=False)
    docx.line(document, "{{ article.counts }}", bold=True, center=False)
    document.add_paragraph("{%p for opinion in article.opinions %}")
    paragraph = document.add_paragraph(style="List Bullet")
    paragraph.add_run("{{ opinion.organization }} ({{ opinion.position }})").bold = True
    paragraph.add_run("{% if opinion.proposed %} — {{ text.proposed }}: {{ opinion.proposed }}")
    paragraph.add_run("{% endif %}{% if opinion.comment %} — {{ opinion.comment }}{% endif %}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    return docx.save(document, path)


CONSULTATION_SYNTHESIS = register(
    Kind(
        "consultation_synthesis",
        _("Compiled summary of a consultation"),
        SYNTHESIS,
        ("title", "document", "responses", "articles", "text"),
        required=("articles",),
        build=build_synthesis_template,
    )
)
