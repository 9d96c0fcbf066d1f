"""The heading and the closing of a Vietnamese administrative document (Decree 30/2020/NĐ-CP,
appendix I), shared by every document Amity writes: the print pages (the template includes
`core/letterhead.html` and `core/letter_closing.html`) and the Word files (`stamp_docx`, or
`stamp` on a python-docx document).

Heading, in two columns: at left the issuing body (its governing body above, the issuer in bold
below, a short rule under it) and the number and symbol ("Số: …/BC-VUFO"); at right the
country's name, the motto in bold and underlined, and the place and date in italics. Closing: the
recipients ("Nơi nhận:") at left, the signature block (position, signature, full name) at right.
In English the labels are translated; the layout stays.

Core knows no organization: the app that writes a document gives the names (the organizations
app builds a `Letterhead` from an organization).
"""

import io
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

#: the number is written by hand when the document is registered: dots, as on paper forms
BLANK_NUMBER = "……"


@dataclass
class Letterhead:
    """What the heading and the closing of one document say."""

    issuer: str
    on: date
    place: str = ""
    parent: str = ""
    symbol: str = "BC"  # the kind of document: BC a report (báo cáo), CV an official letter
    abbreviation: str = ""
    recipients: list[str] = field(default_factory=list)
    signer_position: str = ""
    signer_name: str = ""
    #: the number the document was registered under ("07/QĐ-LHHN-2026"), once it has one
    registered_number: str = ""

    @property
    def number(self) -> str:
        """ "Số: ……/BC-VUFO": the number is left to the registry, the symbol is known; a
        document already registered ("07/QĐ-LHHN") shows its own number and symbol."""
        suffix = f"-{self.abbreviation}" if self.abbreviation else ""
        number, symbol = BLANK_NUMBER, f"{self.symbol}{suffix}"
        if self.registered_number:
            number, _slash, own_symbol = self.registered_number.partition("/")
            symbol = own_symbol or symbol
        return _("No.: %(number)s/%(symbol)s") % {"number": number, "symbol": symbol}

    @property
    def place_and_date(self) -> str:
        return dated_place(self.place or BLANK_NUMBER, self.on)

    @property
    def closing_recipients(self) -> list[str]:
        """The recipients as the list is written: each on a line after a dash, ";" between
        them, the archive last with a full stop."""
        lines = [f"- {name};" for name in self.recipients]
        return [*lines, f"- {_('Filed: Office')}."]

    def as_context(self) -> dict:
        """Everything the templates show, already in the language of the request."""
        return {
            "country": _("SOCIALIST REPUBLIC OF VIET NAM"),
            "motto": _("Independence - Freedom - Happiness"),
            "parent": self.parent.upper(),
            "issuer": self.issuer.upper(),
            "number": self.number,
            "place_and_date": self.place_and_date,
            "recipients_label": _("Recipients:"),
            "recipients": self.closing_recipients,
            "signer_position": (self.signer_position or _("Head of the organization")).upper(),
            "signature_note": _("(Signature and seal)"),
            "signer_name": self.signer_name,
        }


def dated_place(place: str, on: date) -> str:
    """ "Hà Nội, ngày 05 tháng 02 năm 2026": a day below 10 and the months 1 and 2 take a
    leading zero (Decree 30), so that the date cannot be altered by hand."""
    day = f"{on.day:02d}"
    month = f"{on.month:02d}" if on.month < 3 else str(on.month)
    return _("%(place)s, %(day)s/%(month)s/%(year)s") % {
        "place": place,
        "day": day,
        "month": month,
        "year": on.year,
    }


def abbreviation_of(name: str, short_name: str = "") -> str:
    """The issuer's abbreviation in a document's symbol: its short name when it is one word
    (VUFO), otherwise the initials of its name without diacritics (LHHN)."""
    short = short_name.strip()
    if short and " " not in short and len(short) <= 12:
        return short.upper()
    words = (short or name).replace("-", " ").replace("–", " ").split()
    initials = "".join(word[0] for word in words if word[0].isalpha())
    plain = unicodedata.normalize("NFD", initials.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in plain if not unicodedata.combining(c)).upper()


# --- Word -----------------------------------------------------------------------------------------


def stamp_docx(content: bytes, head: Letterhead) -> bytes:
    """The Word document `content` with the heading put before its first paragraph and the
    closing after its last: a document made from a template gets them without the template
    knowing them."""
    from docx import Document

    document = Document(io.BytesIO(content))
    stamp(document, head)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def stamp(document, head: Letterhead) -> None:
    """Put the heading at the top of the python-docx `document` and the closing at its end."""
    shown = head.as_context()
    heading = _two_columns(document)
    left, right = heading.rows[0].cells
    _line(left.paragraphs[0], shown["parent"])
    _line(left.add_paragraph(), shown["issuer"], bold=True)
    _rule(left.add_paragraph())
    _line(left.add_paragraph(), shown["number"], size=13)
    _line(right.paragraphs[0], shown["country"], bold=True)
    _line(right.add_paragraph(), shown["motto"], bold=True, underline=True, size=13)
    _line(right.add_paragraph(), shown["place_and_date"], italic=True, size=13)
    body = document.element.body
    body.insert(0, heading._tbl)
    heading._tbl.addnext(_empty_paragraph(document))

    closing = _two_columns(document)
    left, right = closing.rows[0].cells
    _line(left.paragraphs[0], shown["recipients_label"], bold=True, italic=True, size=12, left=True)
    for line in shown["recipients"]:
        _line(left.add_paragraph(), line, size=11, left=True)
    _line(right.paragraphs[0], shown["signer_position"], bold=True)
    _line(right.add_paragraph(), shown["signature_note"], italic=True, size=12)
    for _blank in range(3):  # room for the signature and the seal
        right.add_paragraph()
    _line(right.add_paragraph(), shown["signer_name"], bold=True)


def _two_columns(document):
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    for cell, width in zip(table.rows[0].cells, (Cm(7), Cm(9.5)), strict=True):
        cell.width = width
    return table


def _line(paragraph, text, *, bold=False, italic=False, underline=False, size=12, left=False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    run.font.name = "Times New Roman"
    return run


def _rule(paragraph) -> None:
    """The short rule under the issuer's name: a bottom border of a narrow centred paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    paragraph.paragraph_format.left_indent = Cm(2.2)
    paragraph.paragraph_format.right_indent = Cm(2.2)
    paragraph.paragraph_format.space_after = Pt(4)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (
        ("w:val", "single"),
        ("w:sz", "6"),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _empty_paragraph(document):
    paragraph = document.add_paragraph()
    return paragraph._p
