"""What the search across domains finds of the emulation: award proposals (by nominee and
award) and award decisions (by number and signer)."""

from amity.core.search import Kind, joined, register


def _decision_summary(decision) -> str:
    return joined(f"{decision.decided_on:%d/%m/%Y}", decision.signer_name)


register(
    Kind(
        "emulation.AwardProposal",
        fields=("nominee_label", "award_form__name_vi", "award_form__name_en", "year"),
        summary=lambda proposal: proposal.get_state_display(),
        related=(
            "award_form",
            "nominee_organization",
            "nominee_person",
            "nominee_contact",
            "nominee_partner",
        ),
        order=100,
    )
)
register(
    Kind(
        "emulation.AwardDecision",
        fields=("number", "signer_name", "award_form__name_vi", "award_form__name_en"),
        summary=_decision_summary,
        related=("award_form",),
        order=105,
    )
)
