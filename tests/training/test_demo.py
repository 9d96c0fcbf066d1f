"""`amity demo`: the training of the demo federation loads, as the brief of issue 19 says."""

from datetime import date

import pytest

from amity.training import enrolment_services
from amity.training.models import Attendance, Course, Nomination, Result, Session

# the day the scoring demo is read on too (tests/conftest.py: shared_demo), so one load serves both
pytestmark = pytest.mark.demo_on(date(2026, 12, 7))


def test_training_demo_data_set(shared_demo):
    assert "training programmes" in shared_demo
    courses = Course.objects.order_by("starts_on")
    years = sorted(course.starts_on.year for course in courses if not course.is_online)
    assert years == [2025, 2025, 2026, 2026]
    assert [course.status for course in courses] == ["done"] * 4 + ["open"]
    language = courses.get(is_online=True)
    assert language.nominations.filter(state="nominated").exists()
    assert not language.nominations.exclude(state="nominated").exists()
    nominating = Nomination.objects.values("organization").distinct().count()
    quotas = language.quotas.count()
    assert quotas >= 30 and nominating >= 0.6 * quotas  # most provincial Unions
    for course in courses:  # within quota and no overlapping sessions
        for row in enrolment_services.quota_rows(course, _central()):
            assert not row["over"], (course, row["organization"])
        for session in Session.objects.filter(course=course):
            assert enrolment_services.session_errors(session) == {}
    assert Attendance.objects.exclude(nomination__state="confirmed").count() == 0
    certified = Result.objects.exclude(certificate_number="")
    assert certified.exists() and not certified.filter(completed=False).exists()
    assert not Course.objects.exclude(notes__contains="[demo]").exists()


def _central():
    from amity.accounts.models import User

    return User.objects.get(username="admin")
