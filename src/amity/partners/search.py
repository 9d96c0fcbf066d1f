"""What the search across domains finds of the partners: partners and their contacts."""

from amity.core.search import Kind, joined, register


def _partner_summary(partner) -> str:
    country = str(partner.country) if partner.country else ""
    return joined(partner.get_kind_display(), country, partner.acronym)


def _contact_summary(contact) -> str:
    return joined(contact.title, contact.partner.display_name)


register(
    Kind(
        "partners.Partner",
        fields=("name", "name_vi", "name_en", "acronym", "email", "external_ref"),
        # the name itself: `str()` hides a restricted partner from whoever reads it, and the
        # index is read only by those its own scope lets see the partner
        title=lambda partner: partner.display_name,
        summary=_partner_summary,
        related=("country",),
        order=20,
    )
)
register(
    Kind(
        "partners.Contact",
        fields=("full_name", "title", "email", "partner__name", "partner__acronym"),
        title=lambda contact: contact.full_name,
        summary=_contact_summary,
        related=("partner",),
        order=25,
    )
)
