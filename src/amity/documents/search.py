"""What the search across domains finds of the documents: the register's entries (by number,
symbol, subject and sender) and the work orientations."""

from amity.core.search import Kind, joined, register
from amity.documents.models.register import DocumentType


def _entry_summary(entry) -> str:
    # the type's own label: the glossary's would cost a query a record
    parts = (
        DocumentType(entry.document_type).label,
        f"{entry.issued_on:%d/%m/%Y}",
        entry.sender_name,
    )
    return joined(*parts)


def _orientation_summary(orientation) -> str:
    parts = (orientation.get_kind_display(), str(orientation.year), orientation.number)
    return joined(*parts)


register(
    Kind(
        "documents.RegisterEntry",
        fields=("reference", "symbol", "subject", "sender_name", "signer"),
        summary=_entry_summary,
        related=("organization",),
        order=80,
    )
)
register(
    Kind(
        "documents.Orientation",
        fields=("title", "number"),
        title=lambda orientation: orientation.title,
        summary=_orientation_summary,
        order=85,
    )
)
