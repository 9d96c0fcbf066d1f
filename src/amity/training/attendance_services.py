"""What follows a course's enrolment: the attendance grid, the results and their certificates,
the feedback's summary.

Each grid is saved whole, in one transaction, through the model's writer (the enrolment's rules
again, under the course's lock, and the history): one refused cell and nothing is written.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.styles import Font

from amity.core.collation import sorted_by_name
from amity.core.exports import SafeWorkbook
from amity.core.import_files import ImportFileError, read_dataset
from amity.core.writes import save_record
from amity.training.choices import NominationState
from amity.training.enrolment_services import lock_course
from amity.training.models import Attendance, Course, Feedback, Nomination, Session
from amity.training.models.enrolment import HIGHEST_RATING, LOWEST_RATING

# --- who is on the grids -----------------------------------------------------------------------


def participants(course: Course, user=None) -> list[Nomination]:
    """The confirmed nominations of `course` (those `user` sees), by organization and then by
    name in Vietnamese order: the rows of the attendance and results grids."""
    nominations = course.nominations.filter(state=NominationState.CONFIRMED)
    if user is not None:
        nominations = nominations.visible_to(user)
    rows = list(nominations.select_related("person", "organization").order_by("pk"))
    by_name = sorted_by_name(rows, lambda nomination: nomination.person.full_name)
    return sorted(by_name, key=lambda nomination: nomination.organization.tree_path)


def sessions_of(course: Course) -> list[Session]:
    return list(course.sessions.select_related("module").order_by("starts_at", "pk"))


# --- attendance --------------------------------------------------------------------------------


def present_cells(course: Course, user=None) -> set[tuple[int, int]]:
    """(nomination id, session id) of every participant present at a session."""
    records = Attendance.objects.filter(session__course=course, present=True)
    if user is not None:
        records = records.visible_to(user)
    return set(records.values_list("nomination_id", "session_id"))


def attendance_summary(course: Course, sessions: list[Session], user) -> dict:
    """The course page's read-only view of the grid: present count per session, rate per
    person (of the participants `user` sees), in two queries."""
    people = participants(course, user)
    present = present_cells(course, user)
    per_session = Counter(session_id for _nomination, session_id in present)
    per_person = Counter(nomination_id for nomination_id, _session in present)
    total = len(sessions)
    return {
        "sessions": [(session, per_session[session.pk]) for session in sessions],
        "people": [
            {
                "nomination": nomination,
                "present": per_person[nomination.pk],
                "rate": round(100 * per_person[nomination.pk] / total) if total else None,
            }
            for nomination in people
        ],
    }


def refuse_strangers(course: Course, nomination_ids: Iterable[int], refusal: str) -> None:
    """Raise `refusal` when a nomination id is not a confirmed nomination of `course` (the
    forms check it first; this holds for any other caller, under the course's lock)."""
    confirmed = set(
        course.nominations.filter(state=NominationState.CONFIRMED).values_list("pk", flat=True)
    )
    strangers = set(nomination_ids) - confirmed
    if strangers:
        raise ValidationError(refusal)


def save_attendance(course: Course, marks: Mapping[int, set[int]], *, by) -> int:
    """Record the grid: `marks` maps each nomination id to the ids of the sessions it attended.
    Every cell of the rows given is written (present or absent) in one transaction, through
    the attendance's writer; returns the number of records changed."""
    sessions = {session.pk: session for session in course.sessions.all()}
    changed = 0
    with transaction.atomic():
        lock_course(course.pk)
        refuse_strangers(
            course,
            marks,
            _("Attendance is recorded for confirmed participants of this course only."),
        )
        unknown = set().union(*marks.values()) - set(sessions) if marks else set()
        if unknown:
            raise ValidationError(_("A session is not one of this course's."))
        stored = {
            (record.nomination_id, record.session_id): record
            for record in Attendance.objects.filter(
                session__course=course, nomination_id__in=list(marks)
            ).select_related("nomination", "session")
        }
        nominations = Nomination.objects.in_bulk(list(marks))
        for nomination_id, attended in marks.items():
            for session_id, session in sessions.items():
                present = session_id in attended
                record = stored.get((nomination_id, session_id))
                if record is None and not present:
                    continue  # no record reads as absent already
                if record is not None and record.present == present:
                    continue
                if record is None:
                    record = Attendance(
                        session=session, nomination=nominations[nomination_id], present=True
                    )
                record.present = present
                record.full_clean()
                save_record(record, by)
                changed += 1
    return changed


# --- feedback ----------------------------------------------------------------------------------


def feedback_summary(course: Course, user=None) -> dict:
    """The feedback forms of `course` summed up, in two queries: how many, each module's
    average rating, the distribution of the ratings from 1 to 5, and the comments."""
    forms = Feedback.objects.filter(course=course)
    if user is not None:
        forms = forms.visible_to(user)
    rows = list(forms.order_by("pk").values_list("ratings", "comments"))
    modules = list(course.programme.modules.order_by("order", "pk"))
    per_module: dict[str, list[int]] = {}
    distribution = Counter[int]()
    comments = []
    for ratings, comment in rows:
        for module_id, rating in (ratings or {}).items():
            if isinstance(rating, int) and LOWEST_RATING <= rating <= HIGHEST_RATING:
                per_module.setdefault(str(module_id), []).append(rating)
                distribution[rating] += 1
        if comment.strip():
            comments.append(comment.strip())
    rated = sum(distribution.values())
    return {
        "count": len(rows),
        "modules": [
            {
                "module": module,
                "count": len(per_module.get(str(module.pk), [])),
                "average": _average(per_module.get(str(module.pk), [])),
            }
            for module in modules
        ],
        "distribution": [
            {
                "rating": rating,
                "count": distribution[rating],
                "share": round(100 * distribution[rating] / rated) if rated else 0,
            }
            for rating in range(LOWEST_RATING, HIGHEST_RATING + 1)
        ],
        "comments": comments,
    }


def _average(ratings: list[int]) -> Decimal | None:
    if not ratings:
        return None
    return (Decimal(sum(ratings)) / len(ratings)).quantize(Decimal("0.1"))


# --- the course's files: XLSX exports and the attendance sheet's import ------------------------

#: the mark of a session's column: "12/01/2027 08:00 (#41)", the session's id in the brackets
SESSION_COLUMN = re.compile(r"\(#(\d{1,12})\)\s*$")
PRESENT_MARKS = {"x", "1", "có", "co", "yes", "true", "present", "✓"}
ABSENT_MARKS = {"", "0", "không", "khong", "no", "false", "absent", "-"}


def session_column(session: Session) -> str:
    when = timezone.localtime(session.starts_at)
    return f"{when:%d/%m/%Y %H:%M} (#{session.pk})"


def workbook(title: str, headers: list[str], rows: Iterable[list]) -> bytes:
    book = SafeWorkbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def nominations_workbook(course: Course, user) -> bytes:
    """The nominations `user` sees, by organization, with their state."""
    nominations = (
        course.nominations.visible_to(user)
        .select_related("person", "organization")
        .order_by("organization__tree_path", "pk")
    )
    rows = sorted_by_name(nominations, lambda nomination: nomination.person.full_name)
    rows.sort(key=lambda nomination: nomination.organization.tree_path)
    return workbook(
        _("Nominations"),
        [_("Organization"), _("Person"), _("State"), _("Note")],
        ([str(n.organization), n.person.full_name, n.get_state_display(), n.note] for n in rows),
    )


def attendance_workbook(course: Course, user) -> bytes:
    """The attendance grid as a sheet: a row per participant (its nomination's id first), a
    column per session, an x where the person was present. Filled in and uploaded back, it is
    read by `read_attendance_sheet`."""
    sessions = sessions_of(course)
    present = present_cells(course, user)
    headers = [_("Nomination"), _("Person"), _("Organization")]
    headers += [session_column(session) for session in sessions]
    rows = (
        [nomination.pk, nomination.person.full_name, str(nomination.organization)]
        + ["x" if (nomination.pk, session.pk) in present else "" for session in sessions]
        for nomination in participants(course, user)
    )
    return workbook(_("Attendance"), headers, rows)


class SheetRefused(Exception):
    """The uploaded sheet is refused: `errors` lists each problem, by row."""

    def __init__(self, errors: list[str]):
        super().__init__(errors)
        self.errors = errors


def read_attendance_sheet(course: Course, content: bytes, filename: str) -> dict[int, set[int]]:
    """The marks of a filled attendance sheet (nomination id → the sessions attended), every row
    checked: raises `SheetRefused` with every problem when any row is wrong."""
    try:
        dataset = read_dataset(content, filename)
    except ImportFileError as error:
        raise SheetRefused([str(error)]) from error
    headers = [str(header or "").strip() for header in dataset.headers]
    errors: list[str] = []
    if len(headers) < 3:
        raise SheetRefused([_("The sheet has no session columns: export it from this page.")])
    sessions = set(course.sessions.values_list("pk", flat=True))
    columns: list[tuple[int, int]] = []  # (column index, session id)
    for index, header in enumerate(headers[3:], start=3):
        match = SESSION_COLUMN.search(header)
        if match is None or int(match.group(1)) not in sessions:
            errors.append(
                _("Column “%(column)s” is not a session of this course.") % {"column": header}
            )
            continue
        columns.append((index, int(match.group(1))))
    confirmed = set(
        course.nominations.filter(state=NominationState.CONFIRMED).values_list("pk", flat=True)
    )
    marks: dict[int, set[int]] = {}
    for line, row in enumerate(dataset, start=2):
        if all(cell in (None, "") for cell in row):
            continue
        nomination_id = _whole_number(row[0])
        name = str(row[1] or "").strip()
        if nomination_id is None or nomination_id not in confirmed:
            errors.append(
                _("Row %(row)s: %(person)s is not a confirmed participant of this course.")
                % {"row": line, "person": name or row[0]}
            )
            continue
        if nomination_id in marks:
            errors.append(_("Row %(row)s: this person is on the sheet twice.") % {"row": line})
            continue
        attended = set()
        for index, session_id in columns:
            value = str(row[index] if row[index] is not None else "").strip().casefold()
            if value in PRESENT_MARKS:
                attended.add(session_id)
            elif value not in ABSENT_MARKS:
                errors.append(
                    _(
                        "Row %(row)s, column “%(column)s”: “%(value)s” is not a mark; write x "
                        "for present, leave it empty for absent."
                    )
                    % {"row": line, "column": headers[index], "value": str(row[index])[:50]}
                )
        marks[nomination_id] = attended
    if errors:
        raise SheetRefused(errors)
    if not marks:
        raise SheetRefused([_("The sheet has no participant rows.")])
    return marks


def _whole_number(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value or "").strip()
    return int(text) if text.isdigit() and len(text) <= 12 else None
