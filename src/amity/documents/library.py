"""The documents written in the system's identity: a `Draft` into the Word document of its
kind, under the issuer's letterhead (Decree 30/2020/NĐ-CP).

`render_draft` is the one entry point the generation page uses; the template library (the
Word template of each kind, replaceable by an administrator) stands behind it.
"""

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from amity.core.letterhead import stamp
from amity.documents.drafting import Draft
from amity.organizations.letterhead import letterhead_of

#: the symbol of each kind in a document's number (Decree 30, appendix III)
SYMBOLS = {
    "decision": "QĐ",
    "official_letter": "CV",
    "report": "BC",
    "plan": "KH",
    "certificate": "GCN",
    "invitation": "GM",
    "notice": "TB",
}


def kind_titles() -> dict[str, str]:
    """The heading of each kind, in the language of the request (an official letter has
    none: its subject line "V/v …" stands under the number)."""
    return {
        "decision": _("DECISION"),
        "official_letter": "",
        "report": _("REPORT"),
        "plan": _("PLAN"),
        "certificate": _("CERTIFICATE"),
        "invitation": _("INVITATION"),
        "notice": _("NOTICE"),
    }


def render_draft(draft: Draft, number: str = "") -> bytes:
    """The Word document of `draft`, numbered `number` ("12/CV-VUFO") once issued."""
    head = letterhead_of(
        draft.issuer, symbol=SYMBOLS.get(draft.kind, "CV"), on=draft.on, recipients=draft.recipients
    )
    head.registered_number = number
    if draft.signer_position:
        head.signer_position = draft.signer_position
    if draft.signer_name:
        head.signer_name = draft.signer_name
    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(14)
    title = kind_titles().get(draft.kind, "")
    if title:
        _centred(document, title, bold=True)
    _centred(document, draft.subject, bold=bool(title), italic=not title)
    for text in draft.paragraphs:
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    stamp(document, head)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _centred(document, text: str, *, bold=False, italic=False):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    return paragraph
