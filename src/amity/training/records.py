"""People's training records and what is read from them: a person's record, the gaps of
position holders against the requirements, an organization's training overview, the year's
plan against what was done.

Every function takes querysets the caller has scoped (`visible_to(user)`) and reads a fixed
number of queries whatever the number of people, courses or positions: the rows are read once
and put together in Python.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Max, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from amity.core.dates import add_years
from amity.organizations.models import Organization, Person, Position, in_language
from amity.training.choices import CourseStatus, NominationState
from amity.training.models import (
    Attendance,
    Course,
    Nomination,
    Quota,
    Requirement,
    Result,
    Session,
)

#: nominations that are still on their way to a course (not withdrawn, course not over)
IN_PROGRESS = (NominationState.NOMINATED, NominationState.CONFIRMED, NominationState.WAITLISTED)


def holding_on(day: date) -> Q:
    """Positions held on `day`: begun, not ended, of a live person in a live organization."""
    return (
        Q(started_on__lte=day)
        & (Q(ended_on__isnull=True) | Q(ended_on__gte=day))
        & Q(person__deleted_at__isnull=True, organization__deleted_at__isnull=True)
    )


def completed_results() -> QuerySet:
    """Results that complete a programme: completed, of a live nomination on a live course."""
    return Result.objects.filter(
        completed=True,
        nomination__deleted_at__isnull=True,
        nomination__course__deleted_at__isnull=True,
    )


# --- gaps ---------------------------------------------------------------------------------------


@dataclass
class Gap:
    """A position holder lacking a required completed programme; `last_completed` is the end
    of the last completion when it is too old to count."""

    position: Position
    requirement: Requirement
    last_completed: date | None = None

    @property
    def person(self) -> Person:
        return self.position.person

    @property
    def organization(self) -> Organization:
        return self.position.organization


def applies(requirement: Requirement, position: Position) -> bool:
    """Whether `requirement` binds the holder of `position`: the same title, the organization's
    kind when the requirement names one, and an organization under the requirement's owner."""
    organization = position.organization
    return (
        requirement.position_title == position.title
        and requirement.organization_kind in ("", organization.kind)
        and requirement.organization.holds(organization)
    )


def requirements(programme=None) -> list[Requirement]:
    found = Requirement.objects.select_related("programme", "organization").order_by("pk")
    if programme is not None:
        found = found.filter(programme=programme)
    return list(found)


#: the fields of a position and its holder that a gap reads
HOLDER_FIELDS = (
    "id",
    "person_id",
    "organization_id",
    "title",
    "started_on",
    "ended_on",
    "person__id",
    "person__full_name",
)


def bound_by(rules: list[Requirement]) -> Q:
    """Positions some rule may bind: of its title, in an organization of its kind if it names
    one (its owner's branch is checked on the rows, `applies`)."""
    condition = Q(pk__in=[])
    for rule in rules:
        kind = Q(organization__kind=rule.organization_kind) if rule.organization_kind else Q()
        condition |= Q(title=rule.position_title) & kind
    return condition


def gaps(positions: QuerySet, *, today: date | None = None, programme=None) -> list[Gap]:
    """Every holder of one of `positions` (a scoped Position queryset) on `today` lacking a
    programme a requirement asks of its title: four queries, whatever the number of people
    (the requirements, the holders, their organizations, the last completion of each person
    and programme)."""
    today = today or timezone.localdate()
    rules = requirements(programme)
    if not rules:
        return []
    held = positions.filter(holding_on(today), bound_by(rules))
    # only what a gap shows is read: a holder's timestamps, converted row by row, cost more
    # than the rest of the list at 20,000 people
    holders = list(
        held.select_related("person")
        .only(*HOLDER_FIELDS)
        .order_by("person__full_name", "person_id", "pk")
    )
    if not holders:
        return []
    organizations = Organization.objects.in_bulk({position.organization_id for position in holders})
    last = last_completions(held.values("person_id"), {rule.programme_id for rule in rules})
    found = []
    for position in holders:
        position.organization = organizations[position.organization_id]
        for rule in rules:
            if not applies(rule, position):
                continue
            done = last.get((position.person_id, rule.programme_id))
            if done is not None and counts(rule, done, today):
                continue
            found.append(Gap(position, rule, done))
    return found


def counts(requirement: Requirement, completed_on: date, today: date) -> bool:
    """Whether a completion on `completed_on` meets `requirement` on `today`."""
    if not requirement.within_years:
        return True
    since = add_years(today, -requirement.within_years)
    return since is None or completed_on >= since


def last_completions(people, programme_ids) -> dict[tuple[int, int], date]:
    """(person, programme) → the last day of the last course of it the person completed. A
    completion is a fact about the person, whoever organized the course: it is read for the
    people the caller may see, and only its day is shown."""
    rows = (
        completed_results()
        .filter(
            nomination__person__in=people,
            nomination__course__programme__in=programme_ids,
        )
        .values_list("nomination__person_id", "nomination__course__programme_id")
        .annotate(last=Max("nomination__course__ends_on"))
        .order_by()
    )
    return {(person, programme): last for person, programme, last in rows}


# --- a person's record --------------------------------------------------------------------------


@dataclass
class CourseLine:
    nomination: Nomination
    hours_attended: float
    result: Result | None

    @property
    def course(self) -> Course:
        return self.nomination.course


@dataclass
class PersonRecord:
    person: Person
    courses: list[CourseLine]
    languages: list
    positions: list[Position]
    gaps: list[Gap]

    @property
    def hours(self) -> float:
        return sum(line.hours_attended for line in self.courses)


def hours_of(delta: timedelta) -> float:
    return round(delta.total_seconds() / 3600, 1)


def person_record(person: Person, today: date | None = None) -> PersonRecord:
    """A person's training record: every course they were nominated to, with its state, the
    hours of the sessions attended, the result and certificate; their languages, positions and
    gaps. Eight queries."""
    nominations = list(
        Nomination.objects.filter(person=person, course__deleted_at__isnull=True)
        .select_related("course__programme", "organization", "result")
        .order_by("-course__starts_on", "pk")
    )
    attended: dict[int, timedelta] = defaultdict(timedelta)
    for nomination_id, starts_at, ends_at in Attendance.objects.filter(
        nomination__person=person, present=True, session__deleted_at__isnull=True
    ).values_list("nomination_id", "session__starts_at", "session__ends_at"):
        attended[nomination_id] += ends_at - starts_at
    lines = [
        CourseLine(nomination, hours_of(attended[nomination.pk]), live_result(nomination))
        for nomination in nominations
    ]
    positions = list(person.positions.select_related("organization").order_by("-started_on", "pk"))
    return PersonRecord(
        person=person,
        courses=lines,
        languages=list(person.languages.order_by("language")),
        positions=positions,
        gaps=gaps(Position.objects.filter(person=person), today=today),
    )


def live_result(nomination: Nomination) -> Result | None:
    result = getattr(nomination, "result", None)
    return result if result is not None and result.deleted_at is None else None


# --- an organization's overview -----------------------------------------------------------------


@dataclass
class Overview:
    organization: Organization
    #: (year, programme title, people who completed)
    trained: list[tuple[int, str, int]]
    gaps: list[Gap]
    in_progress: list[Nomination]


#: nominations in progress shown on an organization's overview
IN_PROGRESS_SHOWN = 50


def organization_overview(organization: Organization, today: date | None = None) -> Overview:
    """Who of `organization`'s branch was trained (per year and programme), who is due (its
    gaps) and the nominations in progress. Six queries, whatever the size of the branch."""
    today = today or timezone.localdate()
    branch = organization.branch_ids()
    trained_rows = (
        completed_results()
        .filter(nomination__organization__any_of=branch)
        .annotate(year=ExtractYear("nomination__course__ends_on"))
        .values_list(
            "year",
            "nomination__course__programme__title_vi",
            "nomination__course__programme__title_en",
        )
        .annotate(people=Count("nomination__person", distinct=True))
        .order_by("-year", "nomination__course__programme__title_vi")
    )
    in_progress = list(
        Nomination.objects.filter(
            organization__any_of=branch,
            state__in=IN_PROGRESS,
            course__deleted_at__isnull=True,
            course__ends_on__gte=today,
        )
        .exclude(course__status=CourseStatus.DONE)
        .select_related("person", "course", "organization")
        .order_by("course__starts_on", "person__full_name", "pk")[:IN_PROGRESS_SHOWN]
    )
    return Overview(
        organization=organization,
        trained=[
            (year, in_language(title_vi, title_en), people)
            for year, title_vi, title_en, people in trained_rows
        ],
        gaps=gaps(Position.objects.filter(organization__any_of=branch), today=today),
        in_progress=in_progress,
    )


# --- the plan against what was done -------------------------------------------------------------


@dataclass
class PlanLine:
    programme_id: int
    programme: str
    planned: int = 0
    held: int = 0
    places: int = 0
    completed: int = 0
    hours_planned: float = 0
    hours_held: float = 0
    courses: list[Course] = field(default_factory=list)


def plan_versus_done(courses: QuerySet, year: int) -> list[PlanLine]:
    """For each programme, the courses of `year` (a scoped Course queryset) planned against
    those held (done), the places offered (the quotas' places, or the capacity of a course
    without quotas) against the people who completed, and the hours of the sessions. Four
    queries, whatever the number of courses."""
    of_year = courses.filter(starts_on__year=year)
    listed = list(of_year.select_related("programme").order_by("programme__title_vi", "starts_on"))
    quota_places = dict(
        Quota.objects.filter(course__in=of_year.values("pk"))
        .values_list("course_id")
        .annotate(places=Sum("places"))
        .order_by()
    )
    completed = dict(
        completed_results()
        .filter(nomination__course__in=of_year.values("pk"))
        .values_list("nomination__course_id")
        .annotate(people=Count("nomination__person", distinct=True))
        .order_by()
    )
    hours: dict[int, timedelta] = defaultdict(timedelta)
    for course_id, starts_at, ends_at in Session.objects.filter(
        course__in=of_year.values("pk")
    ).values_list("course_id", "starts_at", "ends_at"):
        hours[course_id] += ends_at - starts_at
    lines: dict[int, PlanLine] = {}
    for course in listed:
        line = lines.setdefault(
            course.programme_id, PlanLine(course.programme_id, str(course.programme))
        )
        done = course.status == CourseStatus.DONE
        line.planned += 1
        line.held += done
        line.places += quota_places.get(course.pk) or course.capacity
        line.completed += completed.get(course.pk, 0)
        line.hours_planned += hours_of(hours[course.pk])
        line.hours_held += hours_of(hours[course.pk]) if done else 0
        line.courses.append(course)
    return list(lines.values())


def plan_total(lines: list[PlanLine]) -> PlanLine:
    total = PlanLine(0, "")
    for line in lines:
        total.planned += line.planned
        total.held += line.held
        total.places += line.places
        total.completed += line.completed
        total.hours_planned += line.hours_planned
        total.hours_held += line.hours_held
    return total
