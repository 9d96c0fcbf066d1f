"""What the search across domains finds of the agreements."""

from amity.core.search import Kind, joined, register


def _summary(agreement) -> str:
    signed = f"{agreement.signed_on:%d/%m/%Y}" if agreement.signed_on else ""
    parts = (agreement.get_kind_display(), agreement.reference, signed)
    return joined(*parts)


register(
    Kind(
        "agreements.Agreement",
        fields=("title_vi", "title_en", "reference", "other_parties", "external_ref"),
        summary=_summary,
        order=70,
    )
)
