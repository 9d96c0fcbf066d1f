"""Figures the system already knows, proposed as values "from the system".

Each domain registers providers under a key that an indicator names in its `prefill` field
(`partners.held`, `aid.disbursed_usd`). A provider gets the organization and the period and
returns a number, or None when it knows nothing; a provider that fails is skipped, never in the
way of filling the form.

    @register("events.delegations_received", _("Delegations received"))
    def delegations_received(organization, period): ...
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from amity.aid.statistics import aid_totals
from amity.core.scoping import branch_of
from amity.organizations.models import Organization
from amity.partners.models import Interaction, RelationshipHolder

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Provider:
    key: str
    label: str
    figure: Callable


PROVIDERS: dict[str, Provider] = {}


def register(key: str, label):
    def decorator(function):
        PROVIDERS[key] = Provider(key, label, function)
        return function

    return decorator


def choices() -> list[tuple[str, str]]:
    return [(provider.key, str(provider.label)) for provider in PROVIDERS.values()]


def figures_for(indicators, organization, period) -> dict[int, Decimal]:
    """indicator id → the system's figure, for the indicators that name a provider."""
    figures, cache = {}, {}
    for indicator in indicators:
        provider = PROVIDERS.get(indicator.prefill)
        if provider is None:
            continue
        if provider.key not in cache:
            try:
                cache[provider.key] = provider.figure(organization, period)
            except Exception:  # another domain's failure must not stop the form
                logger.exception("prefill provider %s failed", provider.key)
                cache[provider.key] = None
        if cache[provider.key] is not None:
            figures[indicator.pk] = Decimal(cache[provider.key]).quantize(Decimal("0.0001"))
    return figures


# --- partners -----------------------------------------------------------------------------------


def _branch(organization):
    """The live organizations of `organization`'s branch, for an `__any_of` lookup."""
    return branch_of(organization, Organization.objects)


@register("partners.held", _("Partners held by the organization and those under it"))
def partners_held(organization, period):
    holders = RelationshipHolder.objects.filter(
        organization__any_of=_branch(organization), partner__deleted_at__isnull=True
    )
    return holders.values("partner_id").distinct().count()


@register("partners.interactions", _("Interactions with partners in the period"))
def partner_interactions(organization, period):
    return Interaction.objects.filter(
        organization__any_of=_branch(organization),
        occurred_on__gte=period.starts_on,
        occurred_on__lte=period.ends_on,
    ).count()


# --- aid ----------------------------------------------------------------------------------------


def _aid_figure(name):
    def figure(organization, period):
        totals = aid_totals(organization, period.starts_on, period.ends_on)
        return getattr(totals, name, None)

    return figure


for _name, _label in (
    ("committed_usd", _("Foreign NGO aid committed (USD)")),
    ("disbursed_usd", _("Foreign NGO aid disbursed (USD)")),
    ("activities", _("Aid projects and programmes")),
    ("ngos", _("Foreign NGOs giving aid")),
):
    register(f"aid.{_name}", _label)(_aid_figure(_name))
