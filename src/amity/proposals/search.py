"""What the search across domains finds of the proposals and consultations."""

from amity.core.search import Kind, joined, register


def _proposal_summary(proposal) -> str:
    parts = (
        proposal.get_status_display(),
        str(proposal.organization),
        f"{proposal.raised_on:%d/%m/%Y}",
    )
    return joined(*parts)


def _consultation_summary(consultation) -> str:
    parts = (consultation.get_status_display(), f"{consultation.deadline:%d/%m/%Y}")
    return joined(*parts)


register(
    Kind(
        "proposals.Proposal",
        fields=("title", "source_reference", "raised_by_name", "external_ref"),
        summary=_proposal_summary,
        related=("organization",),
        order=50,
    )
)
register(
    Kind(
        "proposals.Consultation",
        fields=("title_vi", "title_en", "document", "external_ref"),
        summary=_consultation_summary,
        order=55,
    )
)
