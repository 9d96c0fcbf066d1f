"""The groups of organizations a document may be sent to ("all provincial Unions", "the
cluster of the northern mountain provinces", "the associations for Europe"), offered by the
distribution form beside the organizations one by one.

The organizations registry offers its own groups (below); any app adds more through its
`App.recipient_groups` hook (`amity.core.registry`): emulation offers its clusters so.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from amity.core.registry import registry
from amity.geo.choices import WorldRegion
from amity.organizations.choices import OrganizationKind, OrganizationStatus
from amity.organizations.models import Organization

#: the kinds of organization that are associations (of the centre, or of a provincial Union)
ASSOCIATION_KINDS = (OrganizationKind.CENTRAL_MEMBER, OrganizationKind.LOCAL_MEMBER)


@dataclass(frozen=True)
class RecipientGroup:
    """A named set of organizations: its key in a form, its label, and the function that reads
    its organizations' ids when the document is sent (a group changes over time)."""

    key: str
    label: str | Promise
    organization_ids: Callable[[], Iterable[int]]


def _active(**conditions) -> list[int]:
    live = Organization.objects.filter(status=OrganizationStatus.ACTIVE, **conditions)
    return list(live.values_list("pk", flat=True))


def associations_of_region(region: str) -> list[int]:
    """The associations for a world region. An association names no country of its own in the
    registry: it is for the countries of the partners it holds (`partners.RelationshipHolder`),
    so these are the associations that hold a partner of a country of that region."""
    return _active(
        kind__in=ASSOCIATION_KINDS,
        partner_relationships__partner__country__region=region,
    )


def own_groups() -> list[RecipientGroup]:
    """The groups the organizations registry itself gives."""
    groups = [
        RecipientGroup(
            "provincial-unions",
            _("All provincial and city Unions"),
            partial(_active, kind=OrganizationKind.PROVINCIAL_UNION),
        ),
        RecipientGroup(
            "central-associations",
            _("All central member associations"),
            partial(_active, kind=OrganizationKind.CENTRAL_MEMBER),
        ),
    ]
    for region in WorldRegion:
        groups.append(
            RecipientGroup(
                f"associations-{region.value}",
                _("Associations for %(region)s") % {"region": region.label},
                partial(associations_of_region, region.value),
            )
        )
    return groups


def recipient_groups() -> list[RecipientGroup]:
    """Every group: the registry's own, then each app's (in the order of the apps)."""
    groups = own_groups()
    for app in registry.apps():
        if app.recipient_groups:
            groups.extend(import_string(app.recipient_groups)())
    return groups


def organization_ids(keys: Iterable[str]) -> set[int]:
    """The ids of the organizations of the groups `keys` (unknown keys give none)."""
    by_key = {group.key: group for group in recipient_groups()}
    ids: set[int] = set()
    for key in keys:
        if key in by_key:
            ids.update(by_key[key].organization_ids())
    return ids
