"""What the search across domains finds of the federation: organizations and people."""

from amity.core.search import Kind, joined, register


def _organization_summary(organization) -> str:
    parts = (organization.get_kind_display(), organization.province and str(organization.province))
    return joined(*parts)


def _person_summary(person) -> str:
    parts = (person.organization and person.organization.display_name, person.expertise)
    return joined(*parts)


register(
    Kind(
        "organizations.Organization",
        fields=("name", "name_en", "short_name", "short_name_en", "email", "external_ref"),
        title=lambda organization: organization.display_name,
        summary=_organization_summary,
        related=("province",),
        order=10,
    )
)
register(
    Kind(
        "organizations.Person",
        fields=("full_name", "email", "expertise", "external_ref"),
        summary=_person_summary,
        related=("organization",),
        order=15,
    )
)
