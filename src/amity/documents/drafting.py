"""An official document drafted from a record: what a domain gives, and the documents app
writes into the template of its kind, numbers on issue and keeps in the register.

A model offers drafts by naming, in its registry entry, a function `draft(record) -> Draft`
(`Model(..., draft="amity.agreements.drafts.draft")`); the generation page reads it.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass
class Draft:
    """One document to write, every text already in the language of the request."""

    #: the template it is written in: "decision", "official_letter", "report", "plan",
    #: "certificate", "invitation" (the template library's kinds)
    kind: str
    #: the organization that issues it (its letterhead, its register and its numbering)
    issuer: Any
    #: what it is about: "V/v triển khai định hướng công tác năm 2027"
    subject: str
    #: the body, a paragraph each
    paragraphs: list[str] = field(default_factory=list)
    #: to whom it goes, as the closing lists them ("Nơi nhận")
    recipients: list[str] = field(default_factory=list)
    signer_position: str = ""
    signer_name: str = ""
    on: date | None = None
    #: further fields a template of this kind may use, by name
    fields: dict[str, Any] = field(default_factory=dict)
