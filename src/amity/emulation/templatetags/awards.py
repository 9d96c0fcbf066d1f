"""`{% load awards %}{% flag_proposal_url cluster result as url %}`: the address of the award
proposal form prefilled for a cluster's rank 1 (the emulation flag, cờ thi đua), or "" when the
user may not propose it. A tag, so that the cluster board (scoring's page) offers it without
the scoring views knowing the awards' rules."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from amity.emulation import award_services

register = template.Library()


@register.simple_tag(takes_context=True)
def flag_proposal_url(context, cluster, result) -> str:
    leader = getattr(result, "leader", None)
    if leader is None:
        return ""
    initial = award_services.flag_proposal_initial(
        cluster, leader, len(result.rows), context["request"].user
    )
    if initial is None:
        return ""
    return f"{reverse('emulation:awardproposal_add')}?{urlencode(initial)}"
