"""The partner database on the home page: follow-up actions due, NGO registrations about to
expire, partners gone quiet, and the latest interactions.

A unit officer sees what is visible to them, the partners their organization (or one under it)
holds first; the centre sees the whole network. Each panel counts in one query and reads its
first rows with a LIMIT along an index, so that its cost does not grow with the tables.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.core.dashboard import (
    COUNT_CAP,
    ITEMS_SHOWN,
    capped_count,
    capped_counts,
    count_label,
    first_rows,
    list_url,
    read_once,
    register_panel,
    theirs_first,
    with_related,
)
from amity.core.inbox import SOURCE_LIMIT
from amity.core.scoping import branch_of
from amity.partners import services
from amity.partners.filtersets import FOLLOW_UP_DUE_DAYS, due_filter, held_filter
from amity.partners.models import (
    FollowUp,
    Interaction,
    NgoRegistration,
    Partner,
    RelationshipHolder,
)

#: the recent interactions panel counts those of the last this many days
RECENT_DAYS = 30


def theirs(user) -> Q | None:
    """The partners the user's organization holds, shown first; None for whoever sees the whole
    network (the centre), to whom no partner is more "theirs" than another."""
    if user.sees_everything or user.organization is None:
        return None
    return held_filter(user)


def visible_through_partner(model, user, condition: Q):
    """The records of a partner's (registrations) meeting `condition` that the user may see: the
    rule of `model.objects.visible_to`, asked of each row that meets the condition with EXISTS,
    rather than listing every visible partner first."""
    visible = Partner.objects.visible_to(user).filter(pk=OuterRef("partner_id"))
    return model.objects.filter(condition).filter(Exists(visible))


@dataclass(frozen=True)
class DueFollowUps:
    """The open follow-up actions due at the interactions of a branch, the most overdue first:
    the dates of the first COUNT_CAP + 1, and the first SOURCE_LIMIT actions themselves."""

    dates: list  # of dates, never None (`due_filter`)
    rows: list

    def totals(self, today: date) -> dict[str, int]:
        """The count and the overdue, each shown as "1000+" past COUNT_CAP, as `capped_counts`
        has them: the overdue come first, so the first COUNT_CAP + 1 hold them up to the cap."""
        return {"count": len(self.dates), "overdue": sum(due < today for due in self.dates)}


def branch_follow_ups_due(user, today: date) -> DueFollowUps:
    """The follow-up actions due (`due_filter`) at the live interactions of the branch of
    `user`'s organization: what the inbox lists and a unit officer's panel counts and lists, read
    once for the home (`read_once`, two queries): each read walks the branch's interactions,
    the longest read of the home as they grow."""

    def read() -> DueFollowUps:
        # joined, not `interaction__in` (a subquery): SQLite then starts from whichever side is
        # smaller, where the subquery listed every interaction of the branch first (a centre's
        # whole network: 1.2 s of 500,000)
        due = FollowUp.objects.filter(
            due_filter(today),
            interaction__deleted_at__isnull=True,
            interaction__organization__any_of=branch_of(user.organization),
        )
        first = list(due.order_by("due_on", "id").values_list("pk", "due_on")[: COUNT_CAP + 1])
        shown = [pk for pk, _due_on in first[:SOURCE_LIMIT]]
        related = ("interaction__partner", "interaction__organization", "owner")
        by_id = FollowUp.objects.select_related(*related).in_bulk(shown) if shown else {}
        return DueFollowUps([due_on for _pk, due_on in first], [by_id[pk] for pk in shown])

    return read_once(("partners.follow_ups_due", user.organization_id, today), read)


@register_panel(
    key="partners.follow_ups",
    title=_("Follow-up actions due"),
    template="partners/dashboard_follow_ups.html",
    order=10,
    icon="check2-square",
)
def follow_ups_due(request):
    """Open follow-up actions due within two weeks or overdue, the most overdue first: the
    whole network's for the centre, the branch's for the others (as the inbox lists them)."""
    user = request.user
    today = date.today()
    if user.sees_everything:
        due = FollowUp.objects.filter(due_filter(today))
        totals = capped_counts(due, overdue=Q(due_on__lt=today))
        rows = None
    elif user.organization is None:  # FollowUp.visible_to's rule: no branch, nothing
        return None
    else:
        shared = branch_follow_ups_due(user, today)
        totals, rows = shared.totals(today), shared.rows[:ITEMS_SHOWN]
    if not totals["count"]:
        return None
    if rows is None:
        rows = with_related(due.order_by("due_on", "id"), "interaction__partner", "owner")
    return {
        **totals,
        "cap": COUNT_CAP,
        "overdue_label": count_label(totals["overdue"]),
        "tone": "danger" if totals["overdue"] else "warning",
        "rows": rows,
        "today": today,
        "days": FOLLOW_UP_DUE_DAYS,
        "see_all": list_url("partners:followup_list", due="true"),
        "see_overdue": list_url("partners:followup_list", overdue="true"),
    }


@register_panel(
    key="partners.expiring_registrations",
    title=_("NGO registrations expiring"),
    template="partners/dashboard_registrations.html",
    order=20,
    icon="alarm",
)
def expiring_registrations(request):
    """NGO registrations ending within PARTNER_REGISTRATION_ALERT_DAYS, the soonest first."""
    user = request.user
    expiring = visible_through_partner(NgoRegistration, user, services.expiring_filter())
    held = theirs(user)
    own = None if held is None else Q(partner__in=Partner.objects.filter(held).values("pk"))
    if own is None:
        totals = {"count": expiring.count(), "theirs": None}
    else:
        totals = expiring.aggregate(count=Count("pk"), theirs=Count("pk", filter=own))
    if not totals["count"]:
        return None
    ordered = expiring.select_related("partner").order_by("expires_on", "id")
    rows, own_ids = theirs_first(first_rows, ordered, own)
    return {
        **totals,
        "rows": rows,
        "own_ids": own_ids,
        "days": settings.PARTNER_REGISTRATION_ALERT_DAYS,
        "see_all": list_url("partners:ngoregistration_list", expiring="true"),
    }


@register_panel(
    key="partners.dormant",
    title=_("Dormant partners"),
    template="partners/dashboard_dormant.html",
    order=30,
    icon="hourglass-split",
)
def dormant_partners(request):
    """Partners with no interaction for PARTNER_DORMANT_MONTHS months that the user may see, a
    unit officer's own first: the count is of the same partners as the list (the badge never
    says 1 above five rows), with how many of them the user's organization holds beside it."""
    user = request.user
    quiet = services.dormant_filter()
    dormant = Partner.objects.visible_to(user).filter(quiet)
    count = capped_count(dormant)
    if not count:
        return None
    own = theirs(user)
    rows, own_ids = theirs_first(latest_quiet_first, dormant, own)
    held = None if own is None else capped_count(held_partners(user).filter(quiet))
    return {
        "count": count,
        "cap": COUNT_CAP,
        "theirs": held,
        "theirs_label": None if held is None else count_label(held),
        "rows": rows,
        "own_ids": own_ids,
        "months": settings.PARTNER_DORMANT_MONTHS,
        "see_all": list_url("partners:partner_list", dormant="true"),
        "see_theirs": list_url("partners:partner_list", dormant="true", held="true"),
    }


def held_partners(user):
    """The partners the user's branch holds (`held_filter`), which it sees whatever their
    sensitivity: read from its holder rows, then each partner by its key, rather than by testing
    who may see each of the network's partners (a scan of them all). The branch is joined with
    IN, not `any_of`, here: PostgreSQL then estimates the branch's holder rows (a unit's 2,500,
    not 22,000 by default) and loops over them (9 ms of 100,000 partners, against 70 by merging
    with every partner)."""
    if not user.organization.tree_path:  # `owned_within`'s rule: a branch of nothing
        return Partner.objects.none()
    branch = branch_of(user.organization)
    holders = RelationshipHolder.objects.filter(organization__in=branch)
    return Partner.objects.filter(pk__in=holders.values("partner"))


def latest_quiet_first(dormant) -> list:
    """The first dormant partners, the latest to fall quiet first, those never contacted last:
    two reads along partner_last_contact_idx (one OR of both would sort every dormant row)."""
    quiet = dormant.filter(last_contact_on__lt=services.dormant_cutoff())
    rows = first_rows(quiet.order_by("-last_contact_on", "-id"))
    if len(rows) < ITEMS_SHOWN:
        never = dormant.filter(last_contact_on__isnull=True).order_by("-id")
        rows += first_rows(never)[: ITEMS_SHOWN - len(rows)]
    return rows


def recent_interactions_of(user, today: date | None = None):
    """The interactions the user may see of the RECENT_DAYS days up to `today` (by default the
    site's today): what the recent interactions panel counts and lists."""
    today = today or timezone.localdate()
    since = today - timedelta(days=RECENT_DAYS)
    return Interaction.objects.visible_to(user).filter(occurred_on__range=(since, today))


@register_panel(
    key="partners.recent_interactions",
    title=_("Recent interactions"),
    template="partners/dashboard_interactions.html",
    order=60,
    icon="chat-left-text",
)
def recent_interactions(request):
    """The interactions of the last RECENT_DAYS days that the user may see (for a unit officer,
    those of its branch), the latest first: the count is of the same interactions as the list,
    so that the badge never says 0 above five rows."""
    user = request.user
    today = timezone.localdate()
    since = today - timedelta(days=RECENT_DAYS)
    recent = recent_interactions_of(user, today)
    count = capped_count(recent)  # along interaction_date_idx
    if not count:
        return None
    latest = recent
    if user.sees_everything:
        # The latest interactions of the network are those of the partners contacted last:
        # found along partner_last_contact_idx, then along interaction_partner_date_idx, rather
        # than by sorting every interaction of the window.
        contacted = Partner.objects.visible_to(user).filter(last_contact_on__range=(since, today))
        latest = recent.filter(
            partner__in=contacted.order_by("-last_contact_on").values("pk")[:ITEMS_SHOWN]
        )
    return {
        "count": count,
        "cap": COUNT_CAP,
        "rows": with_related(latest.order_by("-occurred_on", "-id"), "partner", "organization"),
        "days": RECENT_DAYS,
        "see_all": list_url("partners:interaction_list", occurred_after=since.isoformat()),
    }
