"""`{% load awards %}{% honours_card object %}`: the honours an organization, a person, a
foreign friend or a foreign organization received, on its own page.

A template tag, so that the organizations' and the partners' pages show them without their apps
importing this one (which sits above them: pyproject's import-linter layers)."""

from django import template
from django.db.models import Q

from amity.emulation.models.awards import AwardProposal, ProposalState

register = template.Library()

SHOWN = 10


def _honours(nominee):
    from amity.organizations.models import Organization, Person
    from amity.partners.models import Contact, Partner

    if isinstance(nominee, Organization):
        who = Q(nominee_organization=nominee)
    elif isinstance(nominee, Person):
        who = Q(nominee_person=nominee)
    elif isinstance(nominee, Contact):
        who = Q(nominee_contact=nominee)
    elif isinstance(nominee, Partner):  # the organization and its people
        who = Q(nominee_partner=nominee) | Q(nominee_contact__partner=nominee)
    else:
        return None, ""
    kind = type(nominee).__name__.lower()
    rows = (
        AwardProposal.objects.filter(
            who,
            state=ProposalState.DECIDED,
            decision__revoked_at__isnull=True,
            decision__deleted_at__isnull=True,
        )
        .select_related("award_form", "decision", "nominee_contact")
        .order_by("-decision__decided_on", "-pk")
    )
    return rows, kind


@register.inclusion_tag("emulation/awards/honours_card.html")
def honours_card(nominee):
    rows, kind = _honours(nominee)
    honours = list(rows[: SHOWN + 1]) if rows is not None else []
    return {
        "nominee": nominee,
        "kind": kind,
        "honours": honours[:SHOWN],
        "more": len(honours) > SHOWN,
    }
