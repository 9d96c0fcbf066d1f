"""The register's domain steps on the one write path (`core.writes`): an entry saved from its
form, the API, an import or the generation page is numbered here, in its own transaction."""

from amity.core.letterhead import abbreviation_of
from amity.core.writes import Writer
from amity.documents.library import SYMBOLS
from amity.documents.models.register import Direction, RegisterEntry
from amity.documents.numbering import take_number


def symbol_for(entry: RegisterEntry) -> str:
    """ "QĐ-LHHN": the kind's symbol (Decree 30, appendix III) and the issuer's abbreviation."""
    issuer = entry.organization
    kind = SYMBOLS.get(entry.document_type, "CV")
    return f"{kind}-{abbreviation_of(issuer.name, issuer.short_name)}"


def number_entry(entry: RegisterEntry) -> None:
    """Give `entry` its number (outgoing) or arrival number (incoming) when none was typed,
    and an outgoing one its symbol. Inside the caller's transaction."""
    entry.year = entry.issued_on.year
    if entry.direction == Direction.OUTGOING:
        if not entry.number:
            entry.number = take_number(entry.organization, entry.year, entry.direction)
        if not entry.symbol:
            entry.symbol = symbol_for(entry)
    elif not entry.arrival_number:
        entry.arrival_number = take_number(entry.organization, entry.year, entry.direction)


class RegisterEntryWriter(Writer):
    # a number belongs to a register and a direction: moving it would free or steal a number
    fixed_fields = ("organization", "direction")

    def before_save(self, record, user, created: bool) -> None:
        number_entry(record)
