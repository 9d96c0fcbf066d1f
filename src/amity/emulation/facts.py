"""What the records already say about an organization's activity over a period: the facts the
yearly review's activity profile shows and the emulation scoring computes its criteria from.

`activity_facts(organizations, start, end)` reads them for many organizations at once, in a fixed
number of queries whatever their number: one to learn the organizations' branches, then one per
source, grouped by the organization that keeps the records, folded in Python onto the
organizations asked for. Never a query per organization.

Whose records count: an organization counts its own records and those of every organization
under it in the tree (its branch), as scoping does: a provincial Union's figures include its
member associations'. An organization merged into another sits under its successor
(`organizations.services.merge_organizations`), so the successor carries its predecessors'
records too. Soft-deleted records never count.

The sources, each counted in the period [start, end] (both days included):

- reports submitted: submissions (reporting) not in draft whose (latest) submission fell in the
  period, and of those how many were on time (submitted on or before their period's deadline and
  its days of grace, in local time, as `reporting.services.is_late` judges it);
- aid: outgoing commitments (mobilised) and disbursements and expenditures (disbursed), in USD
  and VND, of the transactions dated in the period of activities (not cancelled) the organization
  keeps, as the aid statistics add them up (`aid.statistics.flow_sums`); a transaction no rate
  converts is left out there as here;
- events organised: events (not cancelled) it hosts that start in the period;
- conferences joined: conferences and online conferences (not cancelled) starting in the period
  hosted by another branch, where it was a bridge point or one of its people took part;
- partners engaged: distinct partners it had an interaction with in the period;
- proposals raised in the period, and how many of those have been answered;
- committee participation: the meetings its committees held in the period and the attendance
  recorded at them (present out of recorded, as `organizations.services.Participation`);
- staffing: the quota and full-time staff of the latest staffing record of a year in the period.

Each fact carries the URL of the records behind it: the list page of that app filtered with the
list's own filter parameters. Where a list has no filter for the branch or the period (submissions,
proposals, bridge points, committees) the link filters what it can: the organization, the
period's years.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import reduce
from urllib.parse import urlencode

from django.db.models import Count, F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.aid.choices import ActivityStatus
from amity.aid.models import Transaction
from amity.aid.statistics import flow_sums, money
from amity.events.choices import Attendance as EventAttendance
from amity.events.choices import EventKind, EventStatus
from amity.events.models import BridgePoint, Event, Participant
from amity.organizations.choices import Attendance
from amity.organizations.models import MeetingAttendance, Organization, StaffingRecord
from amity.organizations.services import Participation
from amity.partners.models import Interaction
from amity.proposals.choices import ANSWERED_STATUSES
from amity.proposals.models import Proposal
from amity.reporting.choices import SubmissionState
from amity.reporting.models import Submission

ZERO = Decimal(0)

#: the kinds of event that are a conference one joins
CONFERENCE_KINDS = (EventKind.CONFERENCE, EventKind.ONLINE_CONFERENCE)
#: a participant who came (or said so): an invitation alone is no participation
TOOK_PART = (EventAttendance.CONFIRMED, EventAttendance.ATTENDED)

#: every fact, with its label: what the scoring maps a computed criterion to, what the profile
#: shows, in this order
FACT_KEYS: list[tuple[str, object]] = [
    ("reports_submitted", _("reports submitted")),
    ("reports_on_time", _("reports submitted on time")),
    ("events_organised", _("events organised")),
    ("conferences_joined", _("conferences joined")),
    ("partners_engaged", _("partners with interactions")),
    ("aid_committed_usd", _("aid mobilised (USD)")),
    ("aid_disbursed_usd", _("aid disbursed (USD)")),
    ("aid_committed_vnd", _("aid mobilised (VND)")),
    ("aid_disbursed_vnd", _("aid disbursed (VND)")),
    ("proposals_raised", _("proposals raised")),
    ("proposals_answered", _("proposals answered")),
    ("committee_meetings", _("committee meetings held")),
    ("committee_attendance_rate", _("committee attendance (%)")),
    ("staff_full_time", _("full-time staff")),
    ("staff_quota", _("staffing quota")),
    ("staffing_rate", _("staff against quota (%)")),
]
FACT_LABELS = dict(FACT_KEYS)

#: the facts that are activity: an organization with none of them in a period did nothing
#: the records know of (staffing and rates are states, not activity)
ACTIVITY_KEYS = (
    "reports_submitted",
    "events_organised",
    "conferences_joined",
    "partners_engaged",
    "aid_committed_usd",
    "aid_disbursed_usd",
    "proposals_raised",
    "committee_meetings",
)

#: the sources whose last activity the dormant board shows, with their labels
SOURCES: list[tuple[str, object]] = [
    ("reports", _("reports")),
    ("events", _("events")),
    ("conferences", _("conferences")),
    ("partners", _("partner interactions")),
    ("aid", _("aid")),
    ("proposals", _("proposals")),
    ("committees", _("committee meetings")),
]

#: which link a fact shares (the records behind both are on the same list)
LINK_OF = {
    "reports_on_time": "reports_submitted",
    "aid_disbursed_usd": "aid_committed_usd",
    "aid_committed_vnd": "aid_committed_usd",
    "aid_disbursed_vnd": "aid_committed_usd",
    "proposals_answered": "proposals_raised",
    "committee_attendance_rate": "committee_meetings",
    "staff_quota": "staff_full_time",
    "staffing_rate": "staff_full_time",
}


@dataclass
class Facts:
    """One organization's facts over a period, each a number, with the URL of its records."""

    organization_id: int
    start: date
    end: date
    reports_submitted: int = 0
    reports_on_time: int = 0
    events_organised: int = 0
    conferences_joined: int = 0
    partners_engaged: int = 0
    aid_committed_usd: Decimal = ZERO
    aid_disbursed_usd: Decimal = ZERO
    aid_committed_vnd: Decimal = ZERO
    aid_disbursed_vnd: Decimal = ZERO
    proposals_raised: int = 0
    proposals_answered: int = 0
    committee_meetings: int = 0
    #: attendance records at those meetings: "present" ones, and all
    committee_present: int = 0
    committee_recorded: int = 0
    #: the staffing record read (None: no record of a year in the period)
    staffing_year: int | None = None
    staff_full_time: int | None = None
    staff_quota: int | None = None
    links: dict[str, str] = field(default_factory=dict)

    @property
    def reports_late(self) -> int:
        return self.reports_submitted - self.reports_on_time

    @property
    def committee_attendance_rate(self) -> float | None:
        return Participation(self.committee_present, self.committee_recorded).rate

    @property
    def staffing_rate(self) -> float | None:
        """Full-time staff as a percentage of the quota; None without a quota."""
        if not self.staff_quota or self.staff_full_time is None:
            return None
        return round(100 * self.staff_full_time / self.staff_quota, 1)

    @property
    def has_activity(self) -> bool:
        return any(self.value(key) for key in ACTIVITY_KEYS)

    def value(self, key: str):
        """The fact named `key` (one of FACT_KEYS)."""
        if key not in FACT_LABELS:
            raise KeyError(key)
        return getattr(self, key)

    def link(self, name: str) -> str:
        """The URL of the records behind the fact `name` ("" when there is none)."""
        return self.links.get(LINK_OF.get(name, name), "")


# --- the organizations' branches -----------------------------------------------------------------


class Branches:
    """Which of the organizations asked for each organization of their branches counts for: itself
    and every one asked for above it (one query)."""

    def __init__(self, organizations):
        self.asked = {organization.pk: organization for organization in organizations}
        paths = [organization.tree_path for organization in self.asked.values()]
        self.counts_for: dict[int, list[int]] = {}
        if not paths:
            return
        under = reduce(operator.or_, (Q(tree_path__startswith=path) for path in set(paths)))
        for pk, path in Organization.all_objects.filter(under).values_list("pk", "tree_path"):
            ancestors = [int(part) for part in path.strip("/").split("/") if part]
            self.counts_for[pk] = [node for node in ancestors if node in self.asked]

    def ids(self) -> list[int]:
        return list(self.counts_for)

    def owners(self, organization_id) -> list[int]:
        return self.counts_for.get(organization_id, [])


def _local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, the day after end 00:00) in local time, for a moment's field."""
    zone = timezone.get_current_timezone()
    # a day from either end of the calendar, so that neither the day after nor the conversion to
    # UTC overflows (a review stored with 9999-12-31 or 0001-01-01 still shows its page)
    start = max(start, date.min + timedelta(days=1))
    end = min(end, date.max - timedelta(days=2))
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


# --- the sources ---------------------------------------------------------------------------------


def _reports(branches: Branches, start: date, end: date, facts: dict[int, Facts]) -> None:
    # Each submission's moment and deadline are read (a few per organization and year): "on
    # time" compares the local day with the deadline and its days of grace, as the board does.
    first, after = _local_bounds(start, end)
    rows = (
        Submission.objects.filter(
            organization_id__in=branches.ids(), submitted_at__gte=first, submitted_at__lt=after
        )
        .exclude(state=SubmissionState.DRAFT)
        .values_list("organization_id", "submitted_at", "period__deadline", "period__grace_days")
    )
    for organization_id, submitted_at, deadline, grace_days in rows:
        closes_on = deadline + timedelta(days=grace_days or 0)
        on_time = timezone.localtime(submitted_at).date() <= closes_on
        for owner in branches.owners(organization_id):
            facts[owner].reports_submitted += 1
            facts[owner].reports_on_time += on_time


def _aid(branches: Branches, start: date, end: date, facts: dict[int, Facts]) -> None:
    rows = (
        Transaction.objects.filter(
            activity__organization_id__in=branches.ids(),
            activity__deleted_at__isnull=True,
            date__gte=start,
            date__lte=end,
        )
        .exclude(activity__status=ActivityStatus.CANCELLED)
        .values("activity__organization_id")
        .order_by()
        .annotate(**flow_sums())
    )
    for row in rows:
        for owner in branches.owners(row["activity__organization_id"]):
            for kind in ("committed", "disbursed"):
                for currency in ("usd", "vnd"):
                    name = f"aid_{kind}_{currency}"
                    total = getattr(facts[owner], name) + money(row[f"{kind}_{currency}"])
                    setattr(facts[owner], name, total)


def _live_events(start: date | None, end: date):
    """Events not cancelled that start in [start, end] (from the first, without a start)."""
    events = Event.objects.filter(start__lte=end).exclude(status=EventStatus.CANCELLED)
    return events if start is None else events.filter(start__gte=start)


def _events(branches: Branches, start: date, end: date, facts: dict[int, Facts]) -> None:
    rows = (
        _live_events(start, end)
        .filter(organization_id__in=branches.ids())
        .values_list("organization_id", "pk")
    )
    for organization_id, _event in rows:
        for owner in branches.owners(organization_id):
            facts[owner].events_organised += 1


def _conferences(branches: Branches, start: date, end: date, facts: dict[int, Facts]) -> None:
    """Distinct conferences per organization, from its bridge points and its people's seats,
    less those its own branch hosted (one query each)."""
    conferences = _live_events(start, end).filter(kind__in=CONFERENCE_KINDS)
    joined: dict[int, set[int]] = defaultdict(set)
    points = BridgePoint.objects.filter(
        organization_id__in=branches.ids(), event__in=conferences.values("pk")
    ).values_list("organization_id", "event_id", "event__organization_id")
    seats = Participant.objects.filter(
        person__organization_id__in=branches.ids(),
        attendance__in=TOOK_PART,
        event__in=conferences.values("pk"),
    ).values_list("person__organization_id", "event_id", "event__organization_id")
    for rows in (points, seats):
        for organization_id, event_id, host_id in rows:
            hosts = set(branches.owners(host_id))
            for owner in branches.owners(organization_id):
                if owner not in hosts:
                    joined[owner].add(event_id)
    for owner, events in joined.items():
        facts[owner].conferences_joined = len(events)


def _partners(branches: Branches, start: date, end: date, facts: dict[int, Facts]) -> None:
    rows = (
        Interaction.objects.filter(
            organization_id__in=branches.ids(), occurred_on__gte=start, occurred_on__lte=end
        )
        .values_list("organization_id", "partner_id")
        .order_by()
        .distinct()
    )
    engaged: dict[int, set[int]] = defaultdict(set)
    for organization_id, partner_id in rows:
        for owner in branches.owners(organization_id):
            engaged[owner].add(partner_id)
    for owner, partners in engaged.items():
        facts[owner].partners_engaged = len(partners)


def _proposals(branches: Branches, start: date, end: date, facts: dict[int, Facts]) -> None:
    rows = (
        Proposal.objects.filter(
            organization_id__in=branches.ids(), raised_on__gte=start, raised_on__lte=end
        )
        .values("organization_id")
        .order_by()
        .annotate(raised=Count("pk"), answered=Count("pk", filter=Q(status__in=ANSWERED_STATUSES)))
    )
    for row in rows:
        for owner in branches.owners(row["organization_id"]):
            facts[owner].proposals_raised += row["raised"]
            facts[owner].proposals_answered += row["answered"]


def _committees(branches: Branches, start: date, end: date, facts: dict[int, Facts]) -> None:
    rows = (
        MeetingAttendance.objects.filter(
            meeting__committee__organization_id__in=branches.ids(),
            meeting__held_on__gte=start,
            meeting__held_on__lte=end,
            meeting__deleted_at__isnull=True,
        )
        .values("meeting__committee__organization_id")
        .order_by()
        .annotate(
            meetings=Count("meeting_id", distinct=True),
            present=Count("pk", filter=Q(status=Attendance.PRESENT)),
            recorded=Count("pk"),
        )
    )
    for row in rows:
        for owner in branches.owners(row["meeting__committee__organization_id"]):
            facts[owner].committee_meetings += row["meetings"]
            facts[owner].committee_present += row["present"]
            facts[owner].committee_recorded += row["recorded"]


def _staffing(branches: Branches, start: date, end: date, facts: dict[int, Facts]) -> None:
    """The latest record of a year in the period of each organization of the branch, added up."""
    rows = (
        StaffingRecord.objects.filter(
            organization_id__in=branches.ids(), year__gte=start.year, year__lte=end.year
        )
        .order_by("organization_id", "year")
        .values_list("organization_id", "year", "quota", "full_time_staff")
    )
    latest = {organization_id: (year, quota, staff) for organization_id, year, quota, staff in rows}
    for organization_id, (year, quota, staff) in latest.items():
        for owner in branches.owners(organization_id):
            fact = facts[owner]
            fact.staffing_year = max(fact.staffing_year or year, year)
            fact.staff_quota = (fact.staff_quota or 0) + quota
            fact.staff_full_time = (fact.staff_full_time or 0) + staff


SOURCES_READ = (
    _reports,
    _aid,
    _events,
    _conferences,
    _partners,
    _proposals,
    _committees,
    _staffing,
)


# --- links ---------------------------------------------------------------------------------------


#: the list page behind each fact that has its own link, and the list's filter parameters
LINKED_LISTS = {
    "reports_submitted": "reporting:submission_list",
    "aid_committed_usd": "aid:activity_list",
    "events_organised": "events:event_list",
    "conferences_joined": "events:bridgepoint_list",
    "partners_engaged": "partners:interaction_list",
    "proposals_raised": "proposals:proposal_list",
    "committee_meetings": "organizations:committee_list",
    "staff_full_time": "organizations:staffingrecord_list",
}


def _parameters(start: date, end: date) -> dict[str, dict]:
    """Each linked list's filters for the period (the organization is added per organization)."""
    first, last = start.isoformat(), end.isoformat()
    return {
        "aid_committed_usd": {"year_from": start.year, "year_until": end.year},
        "events_organised": {"start_after": first, "start_before": last},
        "partners_engaged": {"occurred_after": first, "occurred_before": last},
        "staff_full_time": {"year": end.year},
    }


def links_for(organization_id: int, start: date, end: date, paths=None) -> dict[str, str]:
    """The list pages behind the facts, filtered to the organization and the period; `paths`:
    the lists' paths, when the caller has them already."""
    paths = paths or {key: reverse(name) for key, name in LINKED_LISTS.items()}
    period = _parameters(start, end)
    return {
        key: f"{path}?{urlencode({'organization': organization_id, **period.get(key, {})})}"
        for key, path in paths.items()
    }


# --- the entry points -----------------------------------------------------------------------------


def activity_facts(organizations, start: date, end: date, *, links=True) -> dict[int, Facts]:
    """organization id → its Facts over [start, end], for every organization given (a list or a
    queryset of organizations), in a fixed number of queries (see the module's docstring).
    `links=False` leaves out the URLs (a command that shows no page: no URLconf to load)."""
    organizations = list(organizations)
    paths = {key: reverse(name) for key, name in LINKED_LISTS.items()} if links else {}
    facts = {
        organization.pk: Facts(
            organization.pk,
            start,
            end,
            links=links_for(organization.pk, start, end, paths) if links else {},
        )
        for organization in organizations
    }
    if not organizations or start > end:
        return facts
    branches = Branches(organizations)
    for read in SOURCES_READ:
        read(branches, start, end, facts)
    return facts


def last_activity(organizations, until: date | None = None) -> dict[int, dict[str, date | None]]:
    """organization id → source (SOURCES) → the last day the records show activity of its branch
    in that source (on or before `until`, default today), None for never: one query per source."""
    organizations = list(organizations)
    until = until or timezone.localdate()
    sources = [key for key, _label in SOURCES]
    last: dict[int, dict[str, date | None]] = {
        organization.pk: dict.fromkeys(sources) for organization in organizations
    }
    if not organizations:
        return last
    branches = Branches(organizations)
    ids = branches.ids()
    _first, after = _local_bounds(until, until)
    reports = (
        Submission.objects.filter(organization_id__in=ids, submitted_at__lt=after)
        .exclude(state=SubmissionState.DRAFT)
        .values("organization_id")
        .order_by()
        .annotate(last=Max("submitted_at"))
    )
    hosted = _live_events(None, until).filter(organization_id__in=ids)
    conferences = _live_events(None, until).filter(kind__in=CONFERENCE_KINDS)
    queries = {
        "events": hosted.values("organization_id").order_by().annotate(last=Max("start")),
        "conferences": BridgePoint.objects.filter(
            organization_id__in=ids, event__in=conferences.values("pk")
        )
        .values("organization_id")
        .order_by()
        .annotate(last=Max("event__start")),
        "seats": Participant.objects.filter(
            person__organization_id__in=ids,
            attendance__in=TOOK_PART,
            event__in=conferences.values("pk"),
        )
        .values(organization_id=F("person__organization_id"))
        .order_by()
        .annotate(last=Max("event__start")),
        "partners": Interaction.objects.filter(organization_id__in=ids, occurred_on__lte=until)
        .values("organization_id")
        .order_by()
        .annotate(last=Max("occurred_on")),
        "aid": Transaction.objects.filter(
            activity__organization_id__in=ids, activity__deleted_at__isnull=True, date__lte=until
        )
        .exclude(activity__status=ActivityStatus.CANCELLED)
        .values(organization_id=F("activity__organization_id"))
        .order_by()
        .annotate(last=Max("date")),
        "proposals": Proposal.objects.filter(organization_id__in=ids, raised_on__lte=until)
        .values("organization_id")
        .order_by()
        .annotate(last=Max("raised_on")),
        "committees": MeetingAttendance.objects.filter(
            meeting__committee__organization_id__in=ids,
            meeting__held_on__lte=until,
            meeting__deleted_at__isnull=True,
        )
        .values(organization_id=F("meeting__committee__organization_id"))
        .order_by()
        .annotate(last=Max("meeting__held_on")),
    }
    for row in reports:
        _later(last, branches, "reports", row["organization_id"], timezone.localtime(row["last"]))
    for source, rows in queries.items():
        for row in rows:
            # a person's seat at a conference is a conference joined
            into = "conferences" if source == "seats" else source
            _later(last, branches, into, row["organization_id"], row["last"])
    return last


def _later(last, branches: Branches, source: str, organization_id: int, day) -> None:
    if day is None:
        return
    if isinstance(day, datetime):
        day = day.date()
    for owner in branches.owners(organization_id):
        known = last[owner][source]
        if known is None or day > known:
            last[owner][source] = day


def latest_of(days: dict[str, date | None]) -> date | None:
    """The last activity of any source, None for none."""
    known = [day for day in days.values() if day is not None]
    return max(known) if known else None
