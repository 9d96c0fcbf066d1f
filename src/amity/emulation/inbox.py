"""Award proposals in the inbox: for the centre, those submitted to the council and awaiting
its review (never one the user submitted: another person takes the next step)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from amity.core.inbox import SOURCE_LIMIT, Item, register_source
from amity.emulation.models import AwardProposal
from amity.emulation.models.awards import ProposalState


@register_source(
    kind="award_proposal", label=_("Award proposals to review"), icon="award", order=60
)
def award_proposals_to_review(user, today):
    if not user.edits_everything:
        return []
    rows = (
        AwardProposal.objects.filter(state=ProposalState.SUBMITTED)
        .exclude(submitted_by=user)
        .select_related(
            "organization",
            "award_form",
            "nominee_organization",
            "nominee_person",
            "nominee_contact",
            "nominee_partner",
        )
        .order_by("submitted_at", "id")[:SOURCE_LIMIT]
    )
    return [
        Item(
            title=str(proposal),
            url=proposal.get_absolute_url(),
            organization=proposal.organization,
            why=gettext("Submitted to the council"),
        )
        for proposal in rows
    ]
