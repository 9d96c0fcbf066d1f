"""Write the built-in templates of the documents app's kinds with python-docx: the part of a
Vietnamese administrative document between its heading and its closing (Decree 30/2020/NĐ-CP,
appendix I) — the kind's title in the identity's colour, the subject, the body justified.

The heading (national title and motto, issuing body, number and symbol, place and date) and the
closing (recipients, signature block) are stamped by `core.letterhead.stamp`, never written in a
template, so an uploaded template needs only its body. A template an office restyles in Word
keeps the tags; the fields of each kind are `library.DRAFT_FIELDS`.
"""

from pathlib import Path

from amity.core import docx
from amity.core.docx import COLOUR_MARK


def build_template(kind: str, path: Path) -> Path:
    """The template of `kind` (a code of `library.SYMBOLS`) written at `path`."""
    document = docx.new_document(14)
    # an official letter has no title: its subject "V/v …" stands in italics under the number
    document.add_paragraph("{%p if title %}")
    docx.line(document, "{{ title }}", bold=True, size=14, colour=COLOUR_MARK)
    docx.line(document, "{{ subject }}", bold=True, size=14)
    document.add_paragraph("{%p else %}")
    docx.line(document, "{{ subject }}", italic=True, size=12)
    document.add_paragraph("{%p endif %}")
    if kind == "certificate":
        # a certificate names whom it is granted to, when the draft gives it
        document.add_paragraph("{%p if fields.granted_to %}")
        docx.line(document, "{{ fields.granted_to }}", bold=True, size=20, colour=COLOUR_MARK)
        document.add_paragraph("{%p endif %}")
    if kind == "invitation":
        # when and where, when the draft gives them
        document.add_paragraph("{%p if fields.time %}")
        docx.line(document, "{{ fields.time }}", bold=True, center=False)
        document.add_paragraph("{%p endif %}")
        document.add_paragraph("{%p if fields.place %}")
        docx.line(document, "{{ fields.place }}", bold=True, center=False)
        document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p for paragraph in paragraphs %}")
    docx.line(document, "{{ paragraph }}", size=14, center=False)
    document.add_paragraph("{%p endfor %}")
    return docx.save(document, path)
