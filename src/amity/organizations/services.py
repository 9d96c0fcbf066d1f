"""Domain logic of the registry beyond CRUD: lineage, mergers, participation, congress terms."""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Count, Max, Q

from amity.organizations.choices import (
    Attendance,
    LineageEventKind,
    OrganizationStatus,
)
from amity.organizations.models import (
    CommitteeMember,
    Congress,
    LineageEvent,
    MeetingAttendance,
    Organization,
    Person,
)

# --- The federation's tree ----------------------------------------------------------------------


@dataclass
class FederationTree:
    """Organizations as a tree: each node carries its `tree_children` (by kind, then name)."""

    roots: list[Organization]
    total: int  # every organization of the queryset, shown or not
    active: int


def federation_tree(organizations, *, include_inactive: bool = False) -> FederationTree:
    """The tree of `organizations` (a queryset, already scoped) in one query.

    An organization whose parent is not in the queryset is a root. Without `include_inactive`
    organizations below a root that are not active (merged, ceased, ...) are left out with their
    branches, so that a node's children are what the page lists and counts (a root is always
    shown: it is the top of what the user may see).
    """
    nodes = list(
        organizations.select_related("province")
        .annotate(
            people_count=Count("people", filter=Q(people__deleted_at__isnull=True), distinct=True)
        )
        .order_by("tree_path")
    )
    by_id = {node.pk: node for node in nodes}
    by_parent: dict[int | None, list[Organization]] = {}
    for node in nodes:
        by_parent.setdefault(node.parent_id if node.parent_id in by_id else None, []).append(node)
    for node in nodes:
        children = by_parent.get(node.pk, [])
        if not include_inactive:
            children = [child for child in children if child.status == OrganizationStatus.ACTIVE]
        node.tree_children = sorted(children, key=lambda child: (child.kind, child.name))
    return FederationTree(
        roots=by_parent.get(None, []),
        total=len(nodes),
        active=sum(node.status == OrganizationStatus.ACTIVE for node in nodes),
    )


# --- Lineage ------------------------------------------------------------------------------------


def _merger_map(on: date) -> dict[int, int]:
    """predecessor id → successor id, for every merger that had happened by `on`."""
    events = LineageEvent.objects.filter(
        kind=LineageEventKind.MERGED, occurred_on__lte=on, successor__isnull=False
    ).order_by("occurred_on", "pk")
    # successor__isnull=False above: every event here names its successor
    return {event.organization_id: event.successor_id for event in events if event.successor_id}


def carriers_on(organization_ids, on: date) -> dict[int, int]:
    """For each organization, the one that carries its figures on date `on` (one query).

    A Union merged into another on or before `on` hands its figures to its successor, and that
    one on to its own successor if it merged too; otherwise an organization carries its own.
    """
    mergers = _merger_map(on)
    carriers = {}
    for organization_id in organization_ids:
        current, seen = organization_id, set()
        while current in mergers and current not in seen:  # `seen` guards against bad data
            seen.add(current)
            current = mergers[current]
        carriers[organization_id] = current
    return carriers


def carrier_on(organization: Organization, on: date) -> Organization:
    """Which organization carries this one's figures on date `on`."""
    carrier_id = carriers_on([organization.pk], on)[organization.pk]
    if carrier_id == organization.pk:
        return organization
    return Organization.all_objects.get(pk=carrier_id)


def predecessors_of(organization: Organization) -> list[Organization]:
    """Every organization whose figures end up in this one, however many mergers back."""
    found, frontier = [], [organization.pk]
    while frontier:
        events = LineageEvent.objects.filter(
            kind=LineageEventKind.MERGED, successor_id__in=frontier
        ).select_related("organization")
        frontier = []
        for event in events:
            if event.organization not in found:
                found.append(event.organization)
                frontier.append(event.organization_id)
    return found


# --- Mergers ------------------------------------------------------------------------------------


@dataclass
class MergePlan:
    """What a merger moves, shown to the user before anything is written."""

    sources: list[Organization]
    successor: Organization | None
    new_successor_name: str = ""
    children: list[Organization] = field(default_factory=list)
    people: int = 0
    users: int = 0


def plan_merger(sources, successor=None, new_name="") -> MergePlan:
    source_ids = [source.pk for source in sources]
    children = list(
        Organization.objects.filter(parent_id__in=source_ids).exclude(pk__in=source_ids)
    )
    return MergePlan(
        sources=list(sources),
        successor=successor,
        new_successor_name=new_name,
        children=children,
        people=Person.objects.filter(organization_id__in=source_ids).count(),
        users=sum(source.users.count() for source in sources),
    )


@transaction.atomic
def merge_organizations(
    sources,
    *,
    occurred_on: date,
    decision: str,
    by,
    successor: Organization | None = None,
    new_successor: dict | None = None,
) -> Organization:
    """Merge `sources` into `successor` (or into a new organization made from `new_successor`).

    Each source gets a "merged" lineage event naming the successor and the status "merged"; its
    member associations, people and user accounts move to the successor, and so does the source
    itself, as a merged organization under it. Committees, congresses and positions stay with
    the source: they are its history.
    """
    if successor is None:
        if new_successor is None:
            raise ValueError("a merge needs a successor or the fields of a new one")
        successor = Organization(**new_successor)
        successor._history_user = by
        successor.save()
    for source in sources:
        if successor.tree_path.startswith(source.tree_path):
            raise ValueError("an organization cannot merge into itself or one under it")
        event = LineageEvent(
            organization=source,
            kind=LineageEventKind.MERGED,
            occurred_on=occurred_on,
            decision=decision,
            successor=successor,
        )
        event._history_user = by
        event.save()
        for child in source.children.all():
            child.parent = successor
            child._history_user = by
            child.save()
        for person in source.people.all():
            person.organization = successor
            person._history_user = by
            person.save()
        source.users.update(organization=successor)
        source.status = OrganizationStatus.MERGED
        # The merged organization goes under its successor, so the successor's officers keep
        # seeing the history whose figures they now carry (scoping follows the tree).
        source.parent = successor
        source._history_user = by
        source.save()
    return successor


# --- Committees ---------------------------------------------------------------------------------


@dataclass
class Participation:
    attended: int
    held: int

    @property
    def rate(self) -> float | None:
        return round(100 * self.attended / self.held, 1) if self.held else None


def member_participation(committee) -> dict[int, Participation]:
    """For each member of `committee`: meetings attended out of those held while a member."""
    members = CommitteeMember.objects.filter(committee=committee).annotate(
        attended=Count(
            "attendance", filter=Q(attendance__status=Attendance.PRESENT), distinct=True
        ),
        recorded=Count("attendance", distinct=True),
    )
    return {
        member.pk: Participation(attended=member.attended, held=member.recorded)
        for member in members
    }


def committee_participation(committee) -> Participation:
    totals = MeetingAttendance.objects.filter(meeting__committee=committee).aggregate(
        attended=Count("pk", filter=Q(status=Attendance.PRESENT)), held=Count("pk")
    )
    return Participation(attended=totals["attended"], held=totals["held"])


def record_attendance(meeting, statuses: dict, *, by=None) -> int:
    """Record who attended `meeting` at once: `statuses` maps a member of its committee to an
    `Attendance` code. Only the records whose status changes are written (each leaves its
    history); returns how many."""
    recorded = {
        row.member_id: row
        for row in MeetingAttendance.objects.filter(
            meeting=meeting, member__in=[member.pk for member in statuses]
        )
    }
    written = 0
    with transaction.atomic():
        for member, status in statuses.items():
            record: MeetingAttendance = recorded.get(member.pk) or MeetingAttendance(
                meeting=meeting, member=member
            )
            if record.status == status:
                continue
            record.status = status
            if by is not None:
                record._history_user = by
            record.save()
            written += 1
    return written


# --- Congresses ---------------------------------------------------------------------------------


@dataclass
class CongressDue:
    organization: Organization
    last_congress: Congress | None
    due_on: date | None

    @property
    def overdue(self) -> bool:
        return self.due_on is not None and self.due_on < date.today()


def congress_schedule(organizations) -> list[CongressDue]:
    """When each organization's next congress falls: its last congress plus its term."""
    latest_numbers = (
        Congress.objects.filter(organization__in=organizations)
        .values("organization_id")
        .annotate(number=Max("number"))
    )
    wanted = Q(pk__in=[])
    for row in latest_numbers:
        wanted |= Q(organization_id=row["organization_id"], number=row["number"])
    latest = {congress.organization_id: congress for congress in Congress.objects.filter(wanted)}
    schedule = [
        CongressDue(
            organization=organization,
            last_congress=latest.get(organization.pk),
            due_on=latest[organization.pk].term_ends_on if organization.pk in latest else None,
        )
        for organization in organizations
    ]
    return sorted(schedule, key=lambda due: (due.due_on is None, due.due_on or date.max))
