"""`amity demo`: the training of the demo federation loads, as the brief of issue 19 says."""

from io import StringIO

import pytest
from django.core.management import call_command

from amity.core.demo_dates import demo_day
from amity.training import enrolment_services
from amity.training.models import Attendance, Course, Nomination, Result, Session


@pytest.mark.django_db
def test_training_demo_data_set():
    out = StringIO()
    from datetime import date

    with demo_day(date(2026, 12, 7)):
        call_command("demo", stdout=out)
    assert "training programmes" in out.getvalue()
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
