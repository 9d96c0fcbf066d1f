"""The enrolment's rules: nominations within quota and before the deadline, the organizer's
confirmation, attendance, certificates and a course's timetable.

One rule for every channel: `check(record)` raises the refusals of a would-be record; the edit
form, the API's serializer and the import call it while validating (so the refusal is the form's
error, a 400, a refused row), and each model's writer calls it again inside the save's
transaction, with the course's row locked, so that two nominations sent at once cannot both take
the last place. The steps that move a nomination (`nominate`, `confirm`, `waitlist`,
`withdraw`) are functions taking the acting user; each refuses with a clear message and writes
nothing.

Over quota, a nomination is **refused**, not waitlisted: the quota is the organizer's allocation
to the organization, and a waiting list filled by units beyond it would quietly move the choice
of who attends from the nominating organization to the organizer. The waiting list is the
organizer's tool (`waitlist`), for a course that is full.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.core.scoping import can_edit, organization_in_scope
from amity.core.writes import Writer, save_record
from amity.training.choices import TAKING_A_PLACE, CourseStatus, NominationState
from amity.training.models import Attendance, Course, Nomination, Result, Session

# --- the rules ---------------------------------------------------------------------------------


def check(record, today: date | None = None) -> None:
    """Raise a `ValidationError` (field → message) when `record` breaks an enrolment rule."""
    rules: dict[type, Callable[..., dict]] = {
        Nomination: nomination_errors,
        Session: session_errors,
        Attendance: attendance_errors,
        Result: result_errors,
    }
    rule = rules.get(type(record))
    errors = rule(record, today) if rule is not None else {}
    if errors:
        raise ValidationError(errors)


def _stored(record):
    if record.pk is None:
        return None
    return type(record)._base_manager.filter(pk=record.pk).first()


def nomination_errors(nomination: Nomination, today: date | None = None) -> dict:
    """What refuses a nomination: checked when it is made (what identifies it never changes
    after: `NominationWriter.fixed_fields`)."""
    if nomination.pk is not None or not (nomination.course_id and nomination.person_id):
        return {}
    if not nomination.organization_id:
        return {}
    course, person = nomination.course, nomination.person
    organization = nomination.organization
    today = today or timezone.localdate()
    if not organization.holds(person.organization):
        return {
            "person": _("%(organization)s nominates its own people only.")
            % {"organization": organization}
        }
    if course.status != CourseStatus.OPEN:
        return {"course": _("This course is not open for nominations.")}
    if today > course.nomination_deadline:
        return {
            "course": _("The nomination deadline (%(day)s) has passed.")
            % {"day": course.nomination_deadline.strftime("%d/%m/%Y")}
        }
    places = quota_places(course, organization)
    if places is None:
        return {
            "organization": _("%(organization)s has no quota on this course.")
            % {"organization": organization}
        }
    taken = places_taken(course, organization)
    if taken >= places:
        return {
            "organization": _(
                "The quota of %(organization)s on this course (%(places)s places) is used: "
                "withdraw a nomination first, or ask the organizer for more places."
            )
            % {"organization": organization, "places": places}
        }
    return {}


def quota_places(course: Course, organization) -> int | float | None:
    """The places `organization` has on `course`: its quota, no limit of its own on a course
    open to all (the capacity bounds the confirmations), or None: it may not nominate."""
    quota = course.quotas.filter(organization=organization).first()
    if quota is not None:
        return quota.places
    return float("inf") if course.open_to_all else None


def places_taken(course: Course, organization) -> int:
    return course.nominations.filter(organization=organization, state__in=TAKING_A_PLACE).count()


def overlap_warnings(nomination: Nomination) -> list[str]:
    """A person nominated to another course whose days overlap this one's: a warning, not a
    refusal (the organization may mean to withdraw one)."""
    if not (nomination.course_id and nomination.person_id):
        return []
    course = nomination.course
    others = (
        Nomination.objects.filter(person_id=nomination.person_id)
        .exclude(course_id=course.pk)
        .exclude(state=NominationState.WITHDRAWN)
        .filter(course__starts_on__lte=course.ends_on, course__ends_on__gte=course.starts_on)
        .select_related("course", "person")
        .order_by("course__starts_on", "pk")
    )
    return [
        _("%(person)s is also nominated to %(course)s (%(start)s – %(end)s), at the same time.")
        % {
            "person": other.person,
            "course": other.course,
            "start": other.course.starts_on.strftime("%d/%m/%Y"),
            "end": other.course.ends_on.strftime("%d/%m/%Y"),
        }
        for other in others
    ]


def session_errors(session: Session, today: date | None = None) -> dict:
    """Sessions of one course never overlap, and lie within the course's days."""
    if not (session.course_id and session.starts_at and session.ends_at):
        return {}
    if session.ends_at <= session.starts_at:
        return {}  # the model's own check says so
    course = session.course
    first = timezone.localtime(session.starts_at).date()
    last = timezone.localtime(session.ends_at).date()
    if first < course.starts_on or last > course.ends_on:
        return {
            "starts_at": _("A session lies within the course's days (%(start)s – %(end)s).")
            % {
                "start": course.starts_on.strftime("%d/%m/%Y"),
                "end": course.ends_on.strftime("%d/%m/%Y"),
            }
        }
    overlapping = (
        course.sessions.filter(starts_at__lt=session.ends_at, ends_at__gt=session.starts_at)
        .exclude(pk=session.pk)
        .order_by("starts_at")
        .first()
    )
    if overlapping is not None:
        when = timezone.localtime(overlapping.starts_at)
        return {
            "starts_at": _("This session overlaps another session of the course (%(when)s).")
            % {"when": when.strftime("%d/%m/%Y %H:%M")}
        }
    return {}


def attendance_errors(attendance: Attendance, today: date | None = None) -> dict:
    if not (attendance.session_id and attendance.nomination_id):
        return {}
    nomination = attendance.nomination
    if nomination.course_id != attendance.session.course_id:
        return {"nomination": _("This person is not nominated to this session's course.")}
    if nomination.state != NominationState.CONFIRMED:
        return {
            "nomination": _(
                "Attendance is recorded for confirmed participants only; this nomination is "
                "%(state)s."
            )
            % {"state": nomination.get_state_display().lower()}
        }
    return {}


def result_errors(result: Result, today: date | None = None) -> dict:
    if not result.nomination_id:
        return {}
    if result.nomination.state != NominationState.CONFIRMED:
        return {"nomination": _("Results are recorded for confirmed participants only.")}
    certified = bool(result.certificate_number or result.issued_on)
    if certified and not result.completed:
        return {"certificate_number": _("A certificate is issued only to someone who completed.")}
    if certified and result.passed is False:
        return {"certificate_number": _("A certificate is not issued to someone who failed.")}
    return {}


# --- the writers: the rules again, under the course's lock -------------------------------------


def _lock_course(course_id) -> None:
    """Two writes about one course wait for each other (the last place, an overlapping slot)."""
    Course._base_manager.select_for_update().filter(pk=course_id).order_by().first()


#: for the services that write several records of a course at once (a grid, certificates)
lock_course = _lock_course


class RulesWriter(Writer):
    def before_save(self, record, user, created: bool) -> None:
        course_id = self.course_id(record)
        if course_id:
            _lock_course(course_id)
        check(record)

    def course_id(self, record):
        return getattr(record, "course_id", None)


class NominationWriter(RulesWriter):
    """A nomination is made by its organization (`nominate`, the form, the API, the import) and
    then moves by the enrolment's steps: who, to what and by whom never change."""

    fixed_fields = ("course", "person", "organization")

    def before_save(self, record, user, created: bool) -> None:
        super().before_save(record, user, created)
        if created:
            record.state = NominationState.NOMINATED


class SessionWriter(RulesWriter):
    pass


class AttendanceWriter(RulesWriter):
    def course_id(self, record):
        return record.session.course_id if record.session_id else None


class ResultWriter(RulesWriter):
    def course_id(self, record):
        return record.nomination.course_id if record.nomination_id else None


# --- the steps ---------------------------------------------------------------------------------


def nominate(course: Course, person, organization, *, by, note: str = "", today=None):
    """Nominate `person` to `course` for `organization`, as `by` (an officer of it).
    Returns the nomination and the warnings (the person's overlapping courses)."""
    if not organization_in_scope(by, organization):
        raise PermissionDenied(_("You may not nominate for this organization."))
    nomination = Nomination(
        course=course, person=person, organization=organization, note=note or ""
    )
    with transaction.atomic():
        _lock_course(course.pk)
        check(nomination, today)
        nomination.full_clean()
        nomination = save_record(nomination, by)
    return nomination, overlap_warnings(nomination)


def _locked(nomination: Nomination) -> Nomination:
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("course")
        .get(pk=nomination.pk)
    )


def _move(nomination: Nomination, state: str, by) -> Nomination:
    nomination.state = state
    # the organizer moves a nomination it may not edit: the step decided it may
    return save_record(nomination, by, check_scope=False)


def _organizer_step(nomination: Nomination, by) -> Nomination:
    if not can_edit(by, nomination.course):
        raise PermissionDenied(_("Only the course's organizer confirms or waitlists."))
    current = _locked(nomination)
    _lock_course(current.course_id)
    return current


def confirm(nomination: Nomination, *, by) -> Nomination:
    """The organizer confirms a nomination, within the course's capacity."""
    with transaction.atomic():
        current = _organizer_step(nomination, by)
        if current.state == NominationState.CONFIRMED:
            raise ValidationError(_("This nomination is confirmed already."))
        if current.state == NominationState.WITHDRAWN:
            raise ValidationError(_("A withdrawn nomination cannot be confirmed."))
        course = current.course
        confirmed = course.nominations.filter(state=NominationState.CONFIRMED).count()
        if confirmed >= course.capacity:
            raise ValidationError(
                _("The course is full (%(capacity)s places): waitlist the nomination instead.")
                % {"capacity": course.capacity}
            )
        return _move(current, NominationState.CONFIRMED, by)


def waitlist(nomination: Nomination, *, by) -> Nomination:
    """The organizer puts a nomination on the waiting list (it frees the organization's place)."""
    with transaction.atomic():
        current = _organizer_step(nomination, by)
        if current.state == NominationState.WAITLISTED:
            raise ValidationError(_("This nomination is on the waiting list already."))
        if current.state == NominationState.WITHDRAWN:
            raise ValidationError(_("A withdrawn nomination cannot be waitlisted."))
        if current.attendance.filter(present=True).exists():
            raise ValidationError(_("This participant has attended already."))
        return _move(current, NominationState.WAITLISTED, by)


def withdraw(nomination: Nomination, *, by) -> Nomination:
    """The nominating organization withdraws its nomination (its place is free again)."""
    if not can_edit(by, nomination):
        raise PermissionDenied(_("Only the nominating organization withdraws a nomination."))
    with transaction.atomic():
        current = _locked(nomination)
        if current.state == NominationState.WITHDRAWN:
            raise ValidationError(_("This nomination is withdrawn already."))
        if current.attendance.filter(present=True).exists():
            raise ValidationError(_("This participant has attended already."))
        return _move(current, NominationState.WITHDRAWN, by)


# --- what the course page shows ----------------------------------------------------------------


def quota_rows(course: Course, user) -> list[dict]:
    """Per organization that has a quota or has nominated (those `user` sees): its places, the
    places taken and its nominations, in two queries."""
    quotas = {
        quota.organization_id: quota
        for quota in course.quotas.visible_to(user).select_related("organization")
    }
    nominations = (
        course.nominations.visible_to(user)
        .select_related("person", "organization")
        .order_by("organization__tree_path", "person__full_name", "pk")
    )
    rows: dict[int, dict] = {}
    for organization_id, quota in quotas.items():
        rows[organization_id] = _row(quota.organization, quota.places)
    for nomination in nominations:
        row = rows.setdefault(nomination.organization_id, _row(nomination.organization, None))
        row["nominations"].append(nomination)
        if nomination.state in TAKING_A_PLACE:
            row["taken"] += 1
    for row in rows.values():
        row["over"] = row["places"] is not None and row["taken"] > row["places"]
    return sorted(rows.values(), key=lambda row: row["organization"].tree_path)


def _row(organization, places) -> dict:
    return {"organization": organization, "places": places, "taken": 0, "nominations": []}


def state_counts(course: Course) -> dict[str, int]:
    counts = course.nominations.aggregate(
        **{state: Count("pk", filter=Q(state=state)) for state in NominationState.values}
    )
    return {state: counts[state] or 0 for state in NominationState.values}
