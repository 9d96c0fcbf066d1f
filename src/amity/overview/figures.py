"""The figures of the year in one picture: for the whole network or one organization's branch,
a year's figures beside the year before's, and for a provincial Union the average of its
emulation cluster.

Each domain is read with a fixed number of grouped queries (COUNT … FILTER, GROUP BY), both years
in the same query, whatever the number of records: aid through the aid statistics
(`aid.statistics`), the others here. Every query starts from the model's `visible_to(user)`. The
cluster's average is the one exception: it is an aggregate of the members' records whatever the
user may read of them one by one, as the issue asks ("beside the average of its cluster"), shown
only for a cluster of at least `MIN_CLUSTER` members, so that no other member's figure can be
told from it.

Definitions (docs/user/overview.md says the same to users):
- a partner is new in a year when its relationship began then (its "relationship since", else the
  day it was recorded), active in a year when it is active today and its relationship began by the
  year's end (the records keep no history of a status);
- aid: the aid statistics' definitions, over the calendar year;
- reports: the submissions sent (submitted or approved) for the periods of the year, against the
  periods times the organizations that must fill their forms;
- events held or planned in the year, not cancelled, by their first day;
- proposals raised in the year; answered on time when the answer was published by its due date
  (or it had none);
- training: the courses (not drafts) that ended in the year, and the participants who completed;
- awards: the award proposals decided in the year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, DateField, F, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.aid import statistics
from amity.aid.models import Activity
from amity.aid.services import activities_of
from amity.core.scoping import branch_of
from amity.emulation.models import AwardProposal, Cluster, ScoreSheet
from amity.emulation.models.awards import ProposalState
from amity.emulation.scoring_services import ranking
from amity.events.choices import EventKind, EventStatus
from amity.events.models import Event
from amity.geo.choices import WorldRegion
from amity.organizations.choices import OrganizationKind, OrganizationStatus
from amity.organizations.models import Organization
from amity.partners.choices import PartnerKind, PartnerStatus
from amity.partners.models import Partner, RelationshipHolder
from amity.proposals.choices import AnswerState
from amity.proposals.models import Proposal
from amity.reporting.choices import REPORTED_STATES
from amity.reporting.models import Form, Period, Submission
from amity.reporting.services import assigned_organizations
from amity.training.choices import CourseStatus
from amity.training.models import Course, Result

#: the years a page may ask for
FIRST_YEAR, LAST_YEAR = 1975, 2100
#: a cluster's average is shown only when it has at least this many members
MIN_CLUSTER = 3
#: the standings list this many units
STANDINGS_SHOWN = 10
HUNDRED = Decimal(100)
CONFERENCE_KINDS = (EventKind.CONFERENCE, EventKind.ONLINE_CONFERENCE)


def year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def percent(part, whole) -> Decimal | None:
    """`part` of `whole` in percent to one decimal, None when there is no whole."""
    if not whole:
        return None
    return (HUNDRED * Decimal(part) / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass
class Subject:
    """Whose figures: the whole network (`organizations` None) or the branches of some
    organizations (one Union, or the members of its cluster); `user` None reads every record
    (the cluster's average), else what the user may see."""

    user: object
    organizations: list[Organization] | None = None

    def records(self, model):
        manager = model.objects
        return manager.visible_to(self.user) if self.user is not None else manager.all()

    def within(self, lookup: str) -> Q:
        """The condition "`lookup` (a foreign key to an organization) is in the branches"."""
        if self.organizations is None:
            return Q()
        condition = Q(pk__in=[])
        for organization in self.organizations:
            condition |= Q(**{f"{lookup}__any_of": branch_of(organization)})
        return condition

    def partners(self):
        partners = self.records(Partner)
        if self.organizations is None:
            return partners
        holders = RelationshipHolder.objects.filter(self.within("organization"))
        return partners.filter(pk__in=holders.values("partner_id"))

    def activities(self):
        activities = self.records(Activity)
        if self.organizations is None:
            return activities
        answered = Activity.objects.none()
        for organization in self.organizations:
            answered |= activities_of(organization)
        return activities & answered


@dataclass
class Figure:
    """One figure of the year beside the year before's (and the cluster's average)."""

    key: str
    label: str
    current: Decimal | int | None
    previous: Decimal | int | None
    unit: str = ""
    #: a rate (a percentage) is pooled over the cluster, not divided by its size
    rate: bool = False
    average: Decimal | None = None

    @property
    def change(self) -> Decimal | None:
        """The change from the year before in percent; None when there was nothing before."""
        if self.current is None or not self.previous:
            return None
        if self.rate:  # a rate moves by points, not by a percentage of itself
            return Decimal(self.current) - Decimal(self.previous)
        return percent(Decimal(self.current) - Decimal(self.previous), self.previous)

    @property
    def direction(self) -> str:
        if self.current is None or self.previous is None or self.current == self.previous:
            return ""
        return "up" if self.current > self.previous else "down"


@dataclass
class Table:
    """A chart's figures as a table: its headers and rows, the form of its chart, and what the
    chart draws (`series`: the column indexes drawn as bars)."""

    key: str
    title: str
    headers: list[str]
    rows: list[list]
    chart: str = "bar"  # "bar", or "map" (rows: code, province, value)
    series: tuple[int, ...] = (1,)


@dataclass
class Overview:
    year: int
    organization: Organization | None
    figures: list[Figure]
    tables: list[Table]
    aid: dict
    cluster: Cluster | None = None
    cluster_size: int = 0
    standing: dict | None = None
    notes: list[str] = field(default_factory=list)

    def table(self, key: str) -> Table | None:
        return next((table for table in self.tables if table.key == key), None)


# --- one domain each ------------------------------------------------------------------------------


def partner_counts(subject: Subject, year: int) -> dict:
    """Active and new partners, and foreign NGOs, by world region, of `year` and the year before:
    one grouped query. Returns region → {"active": (now, before), "new": …, "ngos": …,
    "new_ngos": …}."""
    began = Coalesce("relationship_since", TruncDate("created_at"), output_field=DateField())
    partners = subject.partners().alias(began=began).order_by()
    counts = {}
    for index, shown in enumerate((year, year - 1)):
        start, end = year_bounds(shown)
        active = Q(status=PartnerStatus.ACTIVE, began__lte=end)
        new = Q(began__gte=start, began__lte=end) & ~Q(status=PartnerStatus.PROSPECTIVE)
        ngo = Q(kind=PartnerKind.NGO)
        counts[f"active_{index}"] = Count("pk", filter=active)
        counts[f"new_{index}"] = Count("pk", filter=new)
        counts[f"ngos_{index}"] = Count("pk", filter=active & ngo)
        counts[f"new_ngos_{index}"] = Count("pk", filter=new & ngo)
    rows = partners.values("country__region").annotate(**counts)
    result = {}
    for row in rows:
        region = row["country__region"] or ""
        result[region] = {
            name: (row[f"{name}_0"], row[f"{name}_1"])
            for name in ("active", "new", "ngos", "new_ngos")
        }
    return result


def aid_figures(subject: Subject, year: int, *, detailed: bool = True) -> dict:
    """The aid statistics of `year` (by province, donor region and sector when `detailed`) and
    the totals of the year before."""
    activities = subject.activities()
    selection = statistics.Selection(activities, *year_bounds(year))
    figures = (
        statistics.statistics(selection)
        if detailed
        else {"totals": statistics.headline(None, selection=selection)}
    )
    figures["previous"] = statistics.headline(activities, *year_bounds(year - 1))
    return figures


def report_counts(subject: Subject, year: int) -> dict[int, tuple[int, int]]:
    """year → (submissions sent, submissions due) for the periods of `year` and the year before:
    the periods counted by form in one query, the organizations each form assigns counted once a
    form (a handful a year), the submissions in one. A submission counts only when its
    organization must fill the form still (a Union since merged or suspended is due nothing)."""
    periods = (
        subject.records(Period)
        .filter(year__in=(year, year - 1))
        .order_by()
        .values("form_id", "year")
        .annotate(count=Count("pk"))
    )
    periods = list(periods)
    forms = Form.objects.in_bulk({row["form_id"] for row in periods})
    assigned = {
        pk: assigned_organizations(form).filter(subject_in(subject)) for pk, form in forms.items()
    }
    counted = {pk: organizations.count() for pk, organizations in assigned.items()}
    due = {year: 0, year - 1: 0}
    for row in periods:
        due[row["year"]] += row["count"] * counted[row["form_id"]]
    if not forms:
        return {shown: (0, due[shown]) for shown in (year, year - 1)}
    of_assigned = Q(pk__in=[])
    for pk, organizations in assigned.items():
        of_assigned |= Q(period__form_id=pk, organization__in=organizations.values("pk"))
    sent = (
        subject.records(Submission)
        .filter(period__year__in=(year, year - 1), state__in=REPORTED_STATES)
        .filter(of_assigned)
        .order_by()
        .values("period__year")
        .annotate(count=Count("pk"))
    )
    sent_by_year = {row["period__year"]: row["count"] for row in sent}
    return {shown: (sent_by_year.get(shown, 0), due[shown]) for shown in (year, year - 1)}


def subject_in(subject: Subject) -> Q:
    """The organizations of the subject's branches (a condition on Organization)."""
    if subject.organizations is None:
        return Q()
    condition = Q(pk__in=[])
    for organization in subject.organizations:
        condition |= Q(pk__in=branch_of(organization))
    return condition


def by_year(records, day: str, year: int, **conditions: Q) -> dict[str, tuple[int, int]]:
    """name → (count in `year`, count in the year before) of `records`, whose date is `day`, for
    each named condition: one query."""
    counts = {}
    for index, shown in enumerate((year, year - 1)):
        start, end = year_bounds(shown)
        dated = Q(**{f"{day}__gte": start, f"{day}__lte": end})
        for name, condition in conditions.items():
            counts[f"{name}_{index}"] = Count("pk", filter=dated & condition)
    start = year_bounds(year - 1)[0]
    end = year_bounds(year)[1]
    row = records.filter(**{f"{day}__gte": start, f"{day}__lte": end}).aggregate(**counts)
    return {name: (row[f"{name}_0"], row[f"{name}_1"]) for name in conditions}


def event_counts(subject: Subject, year: int) -> dict[str, tuple[int, int]]:
    events = (
        subject.records(Event)
        .filter(subject.within("organization"))
        .exclude(status=EventStatus.CANCELLED)
    )
    return by_year(
        events,
        "start",
        year,
        events=Q(),
        conferences=Q(kind__in=CONFERENCE_KINDS),
        received=Q(kind=EventKind.INCOMING_DELEGATION),
        sent=Q(kind=EventKind.OUTGOING_DELEGATION),
    )


def proposal_counts(subject: Subject, year: int) -> dict[str, tuple[int, int]]:
    proposals = (
        subject.records(Proposal)
        .filter(subject.within("organization"))
        .alias(answered_on=TruncDate("answer_published_at"))
    )
    answered = Q(answer_state=AnswerState.PUBLISHED, answered_on__isnull=False)
    in_time = Q(due_on__isnull=True) | Q(answered_on__lte=F("due_on"))
    return by_year(
        proposals, "raised_on", year, raised=Q(), answered=answered, on_time=answered & in_time
    )


def training_counts(subject: Subject, year: int) -> dict[str, tuple[int, int]]:
    courses = (
        subject.records(Course)
        .filter(subject.within("organization"))
        .exclude(status=CourseStatus.DRAFT)
    )
    counts = by_year(courses, "ends_on", year, courses=Q())
    completed = (
        subject.records(Result)
        .filter(completed=True)
        .filter(subject.within("nomination__organization"))
        .exclude(nomination__course__status=CourseStatus.DRAFT)
    )
    counts.update(by_year(completed, "nomination__course__ends_on", year, trained=Q()))
    return counts


def award_counts(subject: Subject, year: int) -> dict[str, tuple[int, int]]:
    awards = (
        subject.records(AwardProposal)
        .filter(state=ProposalState.DECIDED)
        .filter(subject.within("organization"))
    )
    return by_year(awards, "decision__decided_on", year, awards=Q())


# --- the page -------------------------------------------------------------------------------------


def headline(subject: Subject, year: int, *, detailed: bool = True) -> tuple[list[Figure], dict]:
    """The figures of the year beside the year before's, and the aid statistics (for the
    charts)."""
    partners = partner_counts(subject, year)
    aid = aid_figures(subject, year, detailed=detailed)
    reports = report_counts(subject, year)
    events = event_counts(subject, year)
    proposals = proposal_counts(subject, year)
    training = training_counts(subject, year)
    awards = award_counts(subject, year)

    def total(name):
        return tuple(sum(row[name][index] for row in partners.values()) for index in (0, 1))

    now, before = aid["totals"], aid["previous"]
    completeness = [percent(*reports[shown]) for shown in (year, year - 1)]
    on_time = [
        percent(proposals["on_time"][index], proposals["answered"][index]) for index in (0, 1)
    ]
    figures = [
        Figure("partners_active", _("Active partners"), *total("active")),
        Figure("partners_new", _("New partners"), *total("new")),
        Figure("ngos_active", _("Active foreign NGOs"), *total("ngos")),
        Figure("aid_committed", _("Aid committed (USD)"), *_pair(now, before, "committed_usd")),
        Figure("aid_disbursed", _("Aid disbursed (USD)"), *_pair(now, before, "disbursed_usd")),
        Figure("aid_activities", _("Aid projects"), now["activities"], before["activities"]),
        Figure("reports", _("Reports complete"), *completeness, unit="%", rate=True),
        Figure("events", _("Events"), *events["events"]),
        Figure("conferences", _("Conferences"), *events["conferences"]),
        Figure("delegations_received", _("Delegations received"), *events["received"]),
        Figure("delegations_sent", _("Delegations sent"), *events["sent"]),
        Figure("proposals", _("Proposals raised"), *proposals["raised"]),
        Figure("proposals_on_time", _("Answered on time"), *on_time, unit="%", rate=True),
        Figure("courses", _("Training courses held"), *training["courses"]),
        Figure("trained", _("Participants who completed"), *training["trained"]),
        Figure("awards", _("Awards decided"), *awards["awards"]),
    ]
    aid["partners"] = partners
    aid["reports"] = reports
    aid["events"] = events
    aid["proposals"] = proposals
    return figures, aid


def _pair(now: dict, before: dict, name: str) -> tuple:
    return now[name], before[name]


def cluster_of(organization: Organization, year: int) -> Cluster | None:
    """The emulation cluster `organization` belonged to in `year`, else in its latest year
    before (the clusters are set each year; the figures compare with the latest known)."""
    clusters = Cluster.objects.filter(members=organization, year__lte=year).order_by("-year", "pk")
    return clusters.first()


def with_cluster_average(figures: list[Figure], cluster: Cluster, year: int) -> int:
    """Put the cluster's average beside each figure; returns the number of members (no average
    below `MIN_CLUSTER`)."""
    members = list(cluster.members.all())
    if len(members) < MIN_CLUSTER:
        return len(members)
    pooled, _aid = headline(Subject(None, members), year, detailed=False)
    for figure, whole in zip(figures, pooled, strict=True):
        if whole.current is None:
            continue
        value = Decimal(whole.current)
        figure.average = value if figure.rate else (value / len(members)).quantize(Decimal("0.1"))
    return len(members)


def standings(user, organization: Organization | None, cluster: Cluster | None, year: int):
    """The emulation standings of `year`: for the network its first units; for a Union its rank
    in its cluster when the cluster's ranking is published (else its own total only)."""
    sheets = ScoreSheet.objects.visible_to(user).filter(year=year, cluster__isnull=False)
    if organization is None:
        return {"rows": ranking(sheets)[:STANDINGS_SHOWN]}
    if cluster is not None and cluster.ranking_published and cluster.year == year:
        sheets = ScoreSheet.objects.filter(year=year, cluster=cluster)
    else:
        sheets = sheets.filter(organization=organization)
    rows = ranking(sheets)
    own = next((row for row in rows if row.organization_id == organization.pk), None)
    return {"own": own, "of": len(rows) if own and len(rows) > 1 else 0}


def overview(user, organization: Organization | None, year: int) -> Overview:
    """Every figure of the page: `organization` None for the whole network."""
    subject = Subject(user, None if organization is None else [organization])
    figures, aid = headline(subject, year)
    result = Overview(year, organization, figures, tables(aid, year), aid)
    if organization is not None:
        result.cluster = cluster_of(organization, year)
        if result.cluster is not None:
            result.cluster_size = with_cluster_average(figures, result.cluster, year)
    result.standing = standings(user, organization, result.cluster, year)
    return result


def tables(aid: dict, year: int) -> list[Table]:
    """The charts' tables: partners by region, aid by province (the map), by donor region and
    by sector, events by kind."""
    regions = dict(WorldRegion.choices)
    unknown = gettext_lazy("Not specified")
    partner_rows = sorted(
        (
            [str(regions.get(key, unknown)), *counts["active"], *counts["new"]]
            for key, counts in aid["partners"].items()
        ),
        key=lambda row: (-row[1], row[0]),
    )
    last = year - 1
    events = aid["events"]
    event_labels = {
        "conferences": _("Conferences"),
        "received": _("Delegations received"),
        "sent": _("Delegations sent"),
    }
    event_rows = [[str(label), *events[key]] for key, label in event_labels.items()]
    others = [events["events"][i] - sum(events[key][i] for key in event_labels) for i in (0, 1)]
    event_rows.append([_("Other events"), *others])
    return [
        Table(
            "partners",
            _("Partners by world region"),
            [
                _("World region"),
                _("Active %(year)s") % {"year": year},
                _("Active %(year)s") % {"year": last},
                _("New %(year)s") % {"year": year},
                _("New %(year)s") % {"year": last},
            ],
            partner_rows,
            series=(1, 3),
        ),
        Table(
            "provinces",
            _("Aid disbursed by province (USD)"),
            [_("Code"), _("Province"), _("Committed (USD)"), _("Disbursed (USD)")],
            [
                [row["code"], row["label"] or str(unknown), *_money(row)]
                for row in aid.get("provinces", [])
            ],
            chart="map",
            series=(3,),
        ),
        Table(
            "regions",
            _("Aid by donor's world region"),
            [_("World region"), _("NGOs"), _("Disbursed (USD)"), _("Share of NGOs (%)")],
            [
                [
                    row["label"] or str(unknown),
                    row["ngos"],
                    float(row["disbursed_usd"]),
                    _number(row["share"]),
                ]
                for row in aid.get("regions", [])
            ],
            series=(2,),
        ),
        Table(
            "sectors",
            _("Aid disbursed by sector group (USD)"),
            [_("Sector group"), _("Committed (USD)"), _("Disbursed (USD)")],
            [[row["label"] or str(unknown), *_money(row)] for row in aid.get("sectors", [])],
            series=(2,),
        ),
        Table(
            "events",
            _("Events and delegations"),
            [_("Kind"), str(year), str(last)],
            event_rows,
            series=(1, 2),
        ),
    ]


def _money(row: dict) -> list[float]:
    return [float(row["committed_usd"]), float(row["disbursed_usd"])]


def _number(value):
    return None if value is None else float(value)


# --- who may see what -----------------------------------------------------------------------------


def organization_choices(user):
    """The organizations whose figures `user` may ask for: every active central member and
    provincial Union for the centre; else their own organization."""
    if user.sees_everything:
        kinds = (OrganizationKind.PROVINCIAL_UNION, OrganizationKind.CENTRAL_MEMBER)
        return Organization.objects.filter(kind__in=kinds, status=OrganizationStatus.ACTIVE)
    if user.organization_id is None:
        return Organization.objects.none()
    return Organization.objects.filter(pk=user.organization_id)
