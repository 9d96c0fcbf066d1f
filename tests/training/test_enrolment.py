"""The enrolment's rules (`enrolment_services`): each refusal says why and writes nothing, on
the service, the pages and the API alike."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.training import enrolment_services as enrolment
from amity.training.models import Attendance, Nomination, Result, Session
from tests.training import builders as build

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(orgs):
    """The centre's course, with two places for the Ha Noi Union."""
    made = build.course(orgs.central, 1, title_vi="Bồi dưỡng lãnh đạo Liên hiệp địa phương")
    build.quota(made, orgs.hanoi, places=2)
    return made


@pytest.fixture
def people(orgs):
    return [build.person(orgs.hanoi, index) for index in range(4)]


def nominate(course, person, organization, user, **kwargs):
    return enrolment.nominate(course, person, organization, by=user, **kwargs)


def refusal(error: ValidationError) -> list[str]:
    return error.messages


# --- nominating -----------------------------------------------------------------------------------


def test_a_unit_nominates_its_own_people_within_its_quota(orgs, users, course, people):
    nomination, warnings = nominate(course, people[0], orgs.hanoi, users.hanoi, note="Phó Chủ tịch")
    assert (nomination.state, nomination.note, warnings) == ("nominated", "Phó Chủ tịch", [])
    assert nomination.history.get().history_user == users.hanoi


def test_over_the_quota_is_refused_and_nothing_is_written(orgs, users, course, people):
    nominate(course, people[0], orgs.hanoi, users.hanoi)
    nominate(course, people[1], orgs.hanoi, users.hanoi)
    with pytest.raises(ValidationError) as error:
        nominate(course, people[2], orgs.hanoi, users.hanoi)
    assert refusal(error.value) == [
        "The quota of Ha Noi Union on this course (2 places) is used: withdraw a nomination "
        "first, or ask the organizer for more places."
    ]
    assert Nomination.all_objects.count() == 2


def test_a_withdrawn_nomination_frees_its_place(orgs, users, course, people):
    first, _warnings = nominate(course, people[0], orgs.hanoi, users.hanoi)
    nominate(course, people[1], orgs.hanoi, users.hanoi)
    enrolment.withdraw(first, by=users.hanoi)
    third, _warnings = nominate(course, people[2], orgs.hanoi, users.hanoi)
    assert third.state == "nominated"
    assert Nomination.objects.get(pk=first.pk).state == "withdrawn"


def test_after_the_deadline_is_refused(orgs, users, course, people):
    with pytest.raises(ValidationError) as error:
        nominate(course, people[0], orgs.hanoi, users.hanoi, today=build.DEADLINE + timedelta(1))
    assert refusal(error.value) == [
        f"The nomination deadline ({build.DEADLINE:%d/%m/%Y}) has passed."
    ]
    assert Nomination.all_objects.count() == 0
    # on the deadline itself it is still taken
    nominate(course, people[0], orgs.hanoi, users.hanoi, today=build.DEADLINE)


def test_another_organizations_person_is_refused(orgs, users, course):
    stranger = build.person(orgs.danang, 9)
    with pytest.raises(ValidationError) as error:
        nominate(course, stranger, orgs.hanoi, users.hanoi)
    assert refusal(error.value) == ["Ha Noi Union nominates its own people only."]
    assert Nomination.all_objects.count() == 0


def test_one_may_not_nominate_for_another_organization(orgs, users, course):
    theirs = build.person(orgs.danang, 9)
    with pytest.raises(PermissionDenied):
        nominate(course, theirs, orgs.danang, users.hanoi)
    assert Nomination.all_objects.count() == 0


def test_without_a_quota_only_a_course_open_to_all_takes_nominations(orgs, users, people):
    closed = build.course(orgs.central, 2)
    with pytest.raises(ValidationError) as error:
        nominate(closed, people[0], orgs.hanoi, users.hanoi)
    assert refusal(error.value) == ["Ha Noi Union has no quota on this course."]
    open_to_all = build.course(orgs.central, 3, open_to_all=True)
    nomination, _warnings = nominate(open_to_all, people[0], orgs.hanoi, users.hanoi)
    assert nomination.state == "nominated"
    assert Nomination.all_objects.count() == 1


def test_a_course_not_open_takes_no_nomination(orgs, users, course, people):
    course.status = "draft"
    course.save()
    with pytest.raises(ValidationError) as error:
        nominate(course, people[0], orgs.hanoi, users.hanoi)
    assert refusal(error.value) == ["This course is not open for nominations."]
    assert Nomination.all_objects.count() == 0


def test_a_person_nominated_to_overlapping_courses_is_warned_not_refused(
    orgs, users, course, people
):
    other = build.course(
        orgs.central, 4, title_vi="Tiếng Anh đối ngoại", starts_on=build.END, ends_on=build.END
    )
    build.quota(other, orgs.hanoi)
    nominate(course, people[0], orgs.hanoi, users.hanoi)
    nomination, warnings = nominate(other, people[0], orgs.hanoi, users.hanoi)
    assert warnings == [
        f"Nguyễn Văn 0 is also nominated to Bồi dưỡng lãnh đạo Liên hiệp địa phương "
        f"({build.START:%d/%m/%Y} – {build.END:%d/%m/%Y}), at the same time."
    ]
    assert nomination.state == "nominated"


def test_the_warning_is_on_the_page_and_in_the_api(client, orgs, users, login, course, people):
    other = build.course(orgs.central, 4, starts_on=build.START, ends_on=build.START)
    build.quota(other, orgs.hanoi)
    nominate(course, people[0], orgs.hanoi, users.hanoi)
    nomination, warnings = nominate(other, people[0], orgs.hanoi, users.hanoi)
    login(users.hanoi)
    page = client.get(reverse("training:nomination", args=[nomination.pk]))
    assert warnings[0] in page.content.decode()
    api = client.get(f"/api/training/nominations/{nomination.pk}/")
    assert api.json()["warnings"] == warnings
    created = client.post(
        "/api/training/nominations/",
        {"course": course.pk, "organization": orgs.hanoi.pk, "person": people[1].pk},
        content_type="application/json",
    )
    assert (created.status_code, created.json()["warnings"]) == (201, [])


# --- the organizer's steps ------------------------------------------------------------------------


def test_the_organizer_confirms_and_waitlists(orgs, users, course, people):
    nomination, _warnings = nominate(course, people[0], orgs.hanoi, users.hanoi)
    confirmed = enrolment.confirm(nomination, by=users.central)
    assert confirmed.state == "confirmed"
    assert confirmed.history.latest().history_user == users.central
    assert enrolment.waitlist(confirmed, by=users.central).state == "waitlisted"


def test_the_nominating_unit_may_not_confirm(orgs, users, course, people):
    nomination, _warnings = nominate(course, people[0], orgs.hanoi, users.hanoi)
    with pytest.raises(PermissionDenied):
        enrolment.confirm(nomination, by=users.hanoi)
    fresh = Nomination.objects.get(pk=nomination.pk)
    assert (fresh.state, fresh.version) == ("nominated", nomination.version)


def test_a_full_course_confirms_no_more(orgs, users, course, people):
    course.capacity = 1
    course.save()
    first, _warnings = nominate(course, people[0], orgs.hanoi, users.hanoi)
    second, _warnings = nominate(course, people[1], orgs.hanoi, users.hanoi)
    enrolment.confirm(first, by=users.central)
    with pytest.raises(ValidationError) as error:
        enrolment.confirm(second, by=users.central)
    assert refusal(error.value) == [
        "The course is full (1 places): waitlist the nomination instead."
    ]
    assert Nomination.objects.get(pk=second.pk).state == "nominated"


def test_a_withdrawn_nomination_is_not_confirmed(orgs, users, course, people):
    nomination, _warnings = nominate(course, people[0], orgs.hanoi, users.hanoi)
    enrolment.withdraw(nomination, by=users.hanoi)
    with pytest.raises(ValidationError) as error:
        enrolment.confirm(nomination, by=users.central)
    assert refusal(error.value) == ["A withdrawn nomination cannot be confirmed."]
    assert Nomination.objects.get(pk=nomination.pk).state == "withdrawn"


def test_the_steps_in_the_api(client, orgs, users, login, course, people):
    nomination, _warnings = nominate(course, people[0], orgs.hanoi, users.hanoi)
    url = f"/api/training/nominations/{nomination.pk}/"
    login(users.hanoi)
    assert client.post(f"{url}confirm/").status_code == 403
    login(users.central)
    response = client.post(f"{url}confirm/")
    assert (response.status_code, response.json()["state"]) == (200, "confirmed")
    again = client.post(f"{url}confirm/")
    assert (again.status_code, again.json()) == (400, ["This nomination is confirmed already."])
    login(users.danang)
    assert client.post(f"{url}withdraw/").status_code == 404


def test_the_api_refuses_a_nomination_over_quota_with_400(client, orgs, users, login, course):
    for index in range(2):
        nominate(course, build.person(orgs.hanoi, index), orgs.hanoi, users.hanoi)
    extra = build.person(orgs.hanoi, 5)
    login(users.hanoi)
    response = client.post(
        "/api/training/nominations/",
        {"course": course.pk, "organization": orgs.hanoi.pk, "person": extra.pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "quota" in response.json()["organization"][0]
    assert Nomination.all_objects.count() == 2


# --- the pages ------------------------------------------------------------------------------------


def test_the_nominate_page_refuses_over_quota_and_nominates_within(
    client, orgs, users, login, course, people
):
    nominate(course, people[0], orgs.hanoi, users.hanoi)
    nominate(course, people[1], orgs.hanoi, users.hanoi)
    login(users.hanoi)
    url = reverse("training:course_nominate", args=[course.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert list(page.context["form"].fields["organization"].queryset) == [orgs.hanoi]
    refused = client.post(url, {"organization": orgs.hanoi.pk, "person": people[2].pk})
    assert refused.status_code == 200
    assert "is used" in refused.context["form"].non_field_errors()[0]
    assert Nomination.all_objects.count() == 2
    enrolment.withdraw(Nomination.objects.get(person=people[0]), by=users.hanoi)
    done = client.post(url, {"organization": orgs.hanoi.pk, "person": people[2].pk})
    assert done.status_code == 302
    assert Nomination.objects.get(person=people[2]).organization == orgs.hanoi


def test_a_viewer_may_not_nominate(client, orgs, users, login, course, people):
    login(users.hanoi_viewer)
    url = reverse("training:course_nominate", args=[course.pk])
    assert (
        client.post(url, {"organization": orgs.hanoi.pk, "person": people[0].pk}).status_code == 403
    )
    assert Nomination.all_objects.count() == 0


def test_the_course_page_shows_nominations_against_quota_in_constant_queries(
    client, orgs, users, login, course
):
    def queries():
        with CaptureQueriesContext(connection) as context:
            response = client.get(course.get_absolute_url())
        assert response.status_code == 200
        return len(context.captured_queries), response

    nominate(course, build.person(orgs.hanoi, 1), orgs.hanoi, users.hanoi)
    build.session(course, hour=8)
    login(users.central)
    few, page = queries()
    rows = page.context["quota_rows"]
    assert [(row["organization"], row["places"], row["taken"]) for row in rows] == [
        (orgs.hanoi, 2, 1)
    ]
    assert "1 of 2 places" in page.content.decode()
    for index in range(2, 12):
        Nomination.objects.create(
            course=course, person=build.person(orgs.danang, index), organization=orgs.danang
        )
        build.session(course, day=build.START + timedelta(days=index % 4), hour=index + 6, hours=1)
    many, page = queries()
    assert many == few
    danang = next(row for row in page.context["quota_rows"] if row["organization"] == orgs.danang)
    assert (danang["places"], danang["taken"]) == (None, 10)


def test_the_nominating_unit_sees_only_its_own_nominations_on_the_course(
    client, orgs, users, login, course
):
    nominate(course, build.person(orgs.hanoi, 1), orgs.hanoi, users.hanoi)
    Nomination.objects.create(
        course=course, person=build.person(orgs.danang, 2), organization=orgs.danang
    )
    login(users.hanoi)
    rows = client.get(course.get_absolute_url()).context["quota_rows"]
    assert [row["organization"] for row in rows] == [orgs.hanoi]


# --- attendance, results, the timetable ----------------------------------------------------------


def test_attendance_only_for_a_confirmed_participant_of_the_course(client, orgs, users, login):
    nominated = build.nomination(orgs.hanoi, 1, state="nominated")
    session = build.session(nominated.course)
    elsewhere = build.session(build.course(orgs.hanoi, 2))
    login(users.hanoi)
    page = client.post(
        reverse("training:attendance_add"),
        {"session": session.pk, "nomination": nominated.pk, "present": "on"},
    )
    assert page.status_code == 200
    assert page.context["form"].errors["nomination"] == [
        "Attendance is recorded for confirmed participants only; this nomination is nominated."
    ]
    enrolment.confirm(nominated, by=users.hanoi)
    api = client.post(
        "/api/training/course-attendance/",
        {"session": elsewhere.pk, "nomination": nominated.pk, "present": True},
        content_type="application/json",
    )
    assert api.status_code == 400
    assert api.json()["nomination"] == ["This person is not nominated to this session's course."]
    assert Attendance.all_objects.count() == 0
    done = client.post(
        reverse("training:attendance_add"),
        {"session": session.pk, "nomination": nominated.pk, "present": "on"},
    )
    assert done.status_code == 302
    assert Attendance.objects.get().present is True


def test_a_certificate_only_for_someone_who_completed(client, orgs, users, login):
    nomination = build.nomination(orgs.hanoi, 1)
    login(users.hanoi)
    data = {
        "nomination": nomination.pk,
        "completed": False,
        "certificate_number": "CC-9",
        "issued_on": build.END.isoformat(),
    }
    refused = client.post("/api/training/course-results/", data, content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["certificate_number"] == [
        "A certificate is issued only to someone who completed."
    ]
    assert Result.all_objects.count() == 0
    done = client.post(
        "/api/training/course-results/",
        {**data, "completed": True},
        content_type="application/json",
    )
    assert done.status_code == 201
    assert Result.objects.get().certificate_number == "CC-9"


def test_a_certificate_number_is_unique_within_its_year(orgs):
    first = Result(
        nomination=build.nomination(orgs.hanoi, 1),
        completed=True,
        certificate_number="CC-1",
        issued_on=build.START,
    )
    first.save()
    same_year = Result(
        nomination=build.nomination(orgs.hanoi, 2),
        completed=True,
        certificate_number="CC-1",
        issued_on=build.START,
    )
    with pytest.raises(ValidationError):
        same_year.validate_constraints()
    next_year = Result(
        nomination=build.nomination(orgs.hanoi, 3),
        completed=True,
        certificate_number="CC-1",
        issued_on=build.START.replace(year=build.START.year + 1),
    )
    next_year.validate_constraints()


def test_overlapping_sessions_of_one_course_are_refused(client, orgs, users, login):
    course = build.course(orgs.hanoi, 1)
    build.session(course, hour=8, hours=2)  # 08:00 – 10:00
    login(users.hanoi)
    day = f"{build.START:%d/%m/%Y}"
    page = client.post(
        reverse("training:session_add"),
        {"course": course.pk, "starts_at": f"{day} 09:00", "ends_at": f"{day} 11:00"},
    )
    assert page.status_code == 200
    assert page.context["form"].errors["starts_at"] == [
        f"This session overlaps another session of the course ({day} 08:00)."
    ]
    outside = client.post(
        "/api/training/course-sessions/",
        {
            "course": course.pk,
            "starts_at": build.at(build.END + timedelta(days=1), 8).isoformat(),
            "ends_at": build.at(build.END + timedelta(days=1), 9).isoformat(),
        },
        content_type="application/json",
    )
    assert outside.status_code == 400
    assert "within the course's days" in outside.json()["starts_at"][0]
    assert Session.all_objects.count() == 1
    adjacent = client.post(
        reverse("training:session_add"),
        {"course": course.pk, "starts_at": f"{day} 10:00", "ends_at": f"{day} 11:00"},
    )
    assert adjacent.status_code == 302
    assert Session.objects.count() == 2


def test_an_import_over_the_quota_is_refused_and_writes_nothing(
    client, orgs, users, login, course, people
):
    from amity.core.models import Job
    from tests.generic import csv_upload

    nominate(course, people[0], orgs.hanoi, users.hanoi)
    rows = [
        {"id": "", "course": course.pk, "organization": orgs.hanoi.pk, "person": person.pk}
        for person in people[1:3]
    ]
    login(users.hanoi)
    response = client.post(reverse("training:nomination_import"), {"file": csv_upload(rows)})
    job = response.context["job"]
    assert job.status == Job.Status.INVALID
    assert [problem["line"] for problem in job.summary["errors"]] == [3]
    assert Nomination.all_objects.count() == 1


def test_the_course_page_speaks_vietnamese(client, orgs, users, login, course, people):
    from django.conf import settings

    nominate(course, people[0], orgs.hanoi, users.hanoi)
    login(users.hanoi)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = client.get(course.get_absolute_url()).content.decode()
    assert "Đã cử 1/2 người" in page
    assert "Người được cử theo tổ chức" in page
