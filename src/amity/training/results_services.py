"""A course's results and certificates: the results grid saved whole through the result's
writer, certificate numbers given in order, the certificates as Word.

A certificate is issued only to someone who completed (and did not fail the test): the model's
rule (`Result.clean`) and the enrolment's (`enrolment_services.result_errors`) say so, and both
are asked before each number is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.core.collation import sorted_by_name
from amity.core.writes import save_record
from amity.training import attendance_services
from amity.training.attendance_services import refuse_strangers
from amity.training.choices import NominationState
from amity.training.enrolment_services import lock_course
from amity.training.models import Course, Nomination, Result

# --- results -----------------------------------------------------------------------------------


@dataclass
class ResultRow:
    nomination_id: int
    completed: bool
    passed: bool | None
    score: Decimal | None


def results_by_nomination(course: Course, user=None) -> dict[int, Result]:
    results = Result.objects.filter(nomination__course=course)
    if user is not None:
        results = results.visible_to(user)
    return {result.nomination_id: result for result in results}


def save_results(course: Course, rows: Iterable[ResultRow], *, by) -> int:
    """Record the results grid in one transaction through the result's writer: a refused row
    (a certificate for someone no longer completing) undoes all of it."""
    rows = list(rows)
    changed = 0
    with transaction.atomic():
        lock_course(course.pk)
        refuse_strangers(
            course,
            [row.nomination_id for row in rows],
            _("Results are recorded for confirmed participants only."),
        )
        stored = results_by_nomination(course)
        nominations = Nomination.objects.in_bulk([row.nomination_id for row in rows])
        for row in rows:
            result = stored.get(row.nomination_id)
            if result is None:
                if not row.completed and row.passed is None and row.score is None:
                    continue  # nothing to record yet
                result = Result(nomination=nominations[row.nomination_id])
            elif (result.completed, result.passed, result.score) == (
                row.completed,
                row.passed,
                row.score,
            ):
                continue
            result.completed, result.passed, result.score = row.completed, row.passed, row.score
            result.full_clean()
            save_record(result, by)
            changed += 1
    return changed


def certificate_prefix(course: Course, year: int) -> str:
    """ "2026/12-": the numbers of a course's certificates of a year share it."""
    return f"{year}/{course.pk}-"


def _next_number(course: Course, year: int) -> int:
    prefix = certificate_prefix(course, year)
    numbers = Result.all_objects.filter(
        nomination__course=course, certificate_number__startswith=prefix
    ).values_list("certificate_number", flat=True)
    highest = max((int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0)
    return highest + 1


def _issue(result: Result, number: str, on: date, by) -> Result:
    result.certificate_number, result.issued_on = number, on
    result.full_clean()  # the model's rule and the enrolment's (result_errors) via the writer
    return save_record(result, by)


def issue_certificates(course: Course, *, by, today: date | None = None) -> list[Result]:
    """Give every completed result of `course` without a certificate the next number
    (`<year>/<course>-<nnn>`, in Vietnamese order of the participants' names), issued today.
    Someone who failed the test is left without one."""
    today = today or timezone.localdate()
    with transaction.atomic():
        lock_course(course.pk)
        pending = list(
            Result.objects.filter(
                nomination__course=course,
                nomination__state=NominationState.CONFIRMED,
                completed=True,
                certificate_number="",
            )
            .exclude(passed=False)
            .select_related("nomination__person")
            .order_by("pk")
        )
        pending = sorted_by_name(pending, lambda result: result.nomination.person.full_name)
        first = _next_number(course, today.year)
        prefix = certificate_prefix(course, today.year)
        return [
            _issue(result, f"{prefix}{first + index:03d}", today, by)
            for index, result in enumerate(pending)
        ]


def issue_certificate(result: Result, *, by, today: date | None = None) -> Result:
    """Issue one participant's certificate: refused (`ValidationError`) for someone who did not
    complete or failed, or who has one already."""
    today = today or timezone.localdate()
    course = result.nomination.course
    with transaction.atomic():
        lock_course(course.pk)
        current = Result.objects.select_related("nomination__course").get(pk=result.pk)
        if current.certificate_number:
            raise ValidationError(_("This certificate is issued already."))
        number = f"{certificate_prefix(course, today.year)}{_next_number(course, today.year):03d}"
        return _issue(current, number, today, by)


def certificate_results(course: Course, user=None) -> list[Result]:
    """The certificates issued on `course` (those `user` sees), in order of their numbers."""
    results = Result.objects.filter(nomination__course=course).exclude(certificate_number="")
    if user is not None:
        results = results.visible_to(user)
    return list(
        results.select_related("nomination__person", "nomination__organization").order_by(
            "issued_on", "certificate_number", "pk"
        )
    )


def results_workbook(course: Course, user) -> bytes:
    results = results_by_nomination(course, user)
    yes, no = _("Yes"), _("No")

    def row(nomination):
        result = results.get(nomination.pk)
        if result is None:
            return [nomination.person.full_name, str(nomination.organization), no, "", "", "", ""]
        passed = {True: yes, False: no, None: _("No test")}[result.passed]
        return [
            nomination.person.full_name,
            str(nomination.organization),
            yes if result.completed else no,
            passed,
            result.score,
            result.certificate_number,
            result.issued_on.strftime("%d/%m/%Y") if result.issued_on else "",
        ]

    headers = [
        _("Person"),
        _("Organization"),
        _("Completed"),
        _("Passed the test"),
        _("Score"),
        _("Certificate number"),
        _("Issued on"),
    ]
    rows = (row(nomination) for nomination in attendance_services.participants(course, user))
    return attendance_services.workbook(_("Results"), headers, rows)
