"""The course page's second half: the attendance grid (saved whole, for confirmed participants
only), its summary, the results grid and the feedback's summary."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.training import attendance_services
from amity.training.models import Attendance, Course, Feedback, Result
from tests.training import builders as build

# the day the demo is drawn around, as tests/training/test_demo.py reads it: one load serves both
pytestmark = [pytest.mark.django_db, pytest.mark.demo_on(date(2026, 12, 7))]


@pytest.fixture
def course(orgs):
    made = build.course(orgs.central, 1, title_vi="Bồi dưỡng lãnh đạo Liên hiệp địa phương")
    build.quota(made, orgs.hanoi, places=5)
    build.quota(made, orgs.danang, places=5)
    return made


@pytest.fixture
def sessions(course):
    return [build.session(course, hour=8), build.session(course, hour=14)]


@pytest.fixture
def confirmed(orgs, course):
    """Three confirmed participants (two of Ha Noi, one of Da Nang) and one only nominated."""
    people = [
        build.person(orgs.hanoi, name="Trần Thị Bình"),
        build.person(orgs.hanoi, name="Đỗ Văn An"),
        build.person(orgs.danang, name="Lê Văn Cường"),
    ]
    nominations = [
        build.nomination(person.organization, course_=course, person_=person) for person in people
    ]
    waiting = build.nomination(
        orgs.hanoi,
        course_=course,
        person_=build.person(orgs.hanoi, name="Phạm Văn Dũng"),
        state="nominated",
    )
    return nominations, waiting


def grid_data(nominations, marks, prefix="form"):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(nominations)),
        f"{prefix}-INITIAL_FORMS": str(len(nominations)),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, nomination in enumerate(nominations):
        data[f"{prefix}-{index}-nomination"] = str(nomination.pk)
        data[f"{prefix}-{index}-sessions"] = [str(s.pk) for s in marks.get(nomination.pk, [])]
    return data


def test_the_grid_lists_confirmed_participants_by_organization_and_vietnamese_name(
    client, login, users, course, sessions, confirmed
):
    nominations, waiting = confirmed
    login(users.central)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("training:course_attendance", args=[course.pk]))
    assert response.status_code == 200
    rows = [form.participant.person.full_name for form in response.context["formset"]]
    # Ha Noi before Da Nang (their order in the tree), and "Đỗ" after "D" but before "T"
    assert rows == ["Đỗ Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert len(queries) <= 12
    assert b'type="checkbox"' in response.content
    assert response.content.count(b'type="checkbox"') == 6


def test_the_attendance_page_asks_as_many_queries_for_many_participants(
    client, login, users, orgs, course, sessions, confirmed, django_assert_max_num_queries
):
    for index in range(10):
        build.nomination(orgs.hanoi, course_=course, person_=build.person(orgs.hanoi, 100 + index))
    login(users.central)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("training:course_attendance", args=[course.pk]))
    assert len(response.context["formset"].forms) == 13


def test_saving_the_grid_writes_every_cell_through_the_writer(
    client, login, users, course, sessions, confirmed
):
    nominations, _waiting = confirmed
    login(users.central)
    marks = {nominations[0].pk: sessions, nominations[1].pk: sessions[:1]}
    response = client.post(
        reverse("training:course_attendance", args=[course.pk]), grid_data(nominations, marks)
    )
    assert response.status_code == 302
    present = set(
        Attendance.objects.filter(present=True).values_list("nomination_id", "session_id")
    )
    assert present == {
        (nominations[0].pk, sessions[0].pk),
        (nominations[0].pk, sessions[1].pk),
        (nominations[1].pk, sessions[0].pk),
    }
    record = Attendance.objects.get(nomination=nominations[1], session=sessions[0])
    assert record.history.get().history_user == users.central
    # unticking a cell records the absence, over the present record
    marks = {nominations[0].pk: sessions[1:], nominations[1].pk: sessions[:1]}
    client.post(
        reverse("training:course_attendance", args=[course.pk]), grid_data(nominations, marks)
    )
    absent = Attendance.objects.get(nomination=nominations[0], session=sessions[0])
    assert absent.present is False
    assert Attendance.objects.filter(present=True).count() == 2


@pytest.mark.parametrize("stranger", ["waiting", "other course", "unknown"])
def test_a_row_for_someone_not_enrolled_is_a_form_error_and_nothing_is_written(
    client, login, users, orgs, course, sessions, confirmed, stranger
):
    nominations, waiting = confirmed
    other = build.nomination(orgs.hanoi, 9)
    pk = {"waiting": waiting.pk, "other course": other.pk, "unknown": 999_999}[stranger]
    data = grid_data(nominations, {n.pk: sessions for n in nominations})
    data["form-2-nomination"] = str(pk)
    login(users.central)
    response = client.post(reverse("training:course_attendance", args=[course.pk]), data)
    assert response.status_code == 200
    errors = response.context["formset"].errors
    assert errors[2] == {
        "nomination": ["This person is not a confirmed participant of this course."]
    }
    assert Attendance.all_objects.count() == 0


def test_odd_grid_input_is_refused_without_a_500(client, login, users, course, sessions, confirmed):
    nominations, _waiting = confirmed
    login(users.central)
    url = reverse("training:course_attendance", args=[course.pk])
    data = grid_data(nominations, {nominations[0].pk: sessions})
    data["form-0-sessions"] = ["abc", "99999999"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "sessions" in response.context["formset"].errors[0]
    twice = grid_data(nominations, {})
    twice["form-1-nomination"] = str(nominations[0].pk)
    response = client.post(url, twice)
    assert response.context["formset"].non_form_errors() == ["A participant is sent twice."]
    too_many = grid_data(nominations, {})
    too_many["form-TOTAL_FORMS"] = "5000"
    response = client.post(url, too_many)
    assert response.status_code == 200
    assert Attendance.all_objects.count() == 0


def test_only_the_organizer_records_attendance_and_results(
    client, login, users, course, sessions, confirmed
):
    nominations, _waiting = confirmed
    login(users.hanoi)
    for name in ("training:course_attendance", "training:course_results"):
        assert client.get(reverse(name, args=[course.pk])).status_code == 403
    response = client.post(
        reverse("training:course_attendance", args=[course.pk]),
        grid_data(nominations, {nominations[0].pk: sessions}),
    )
    assert response.status_code == 403
    assert Attendance.all_objects.count() == 0
    login(users.central)
    missing = reverse("training:course_attendance", args=[course.pk + 1000])
    assert client.get(missing).status_code == 404
    hidden = build.course(users.hanoi.organization, 5)  # Ha Noi's own course: Da Nang sees nothing
    login(users.danang)
    assert client.get(reverse("training:course_attendance", args=[hidden.pk])).status_code == 404


def test_the_course_page_sums_attendance_up_per_session_and_person(
    client, login, users, course, sessions, confirmed
):
    nominations, _waiting = confirmed
    attendance_services.save_attendance(
        course,
        {nominations[0].pk: {sessions[0].pk, sessions[1].pk}, nominations[2].pk: {sessions[0].pk}},
        by=users.central,
    )
    login(users.central)
    response = client.get(course.get_absolute_url())
    summary = response.context["attendance"]
    assert [(session.pk, count) for session, count in summary["sessions"]] == [
        (sessions[0].pk, 2),
        (sessions[1].pk, 1),
    ]
    assert [(row["nomination"].person.full_name, row["rate"]) for row in summary["people"]] == [
        ("Đỗ Văn An", 0),
        ("Trần Thị Bình", 100),
        ("Lê Văn Cường", 50),
    ]
    assert reverse("training:course_attendance", args=[course.pk]).encode() in response.content
    # a nominating unit sees its own people's attendance only, and no link to the grid
    login(users.danang)
    response = client.get(course.get_absolute_url())
    people = response.context["attendance"]["people"]
    assert [(row["nomination"].person.full_name, row["rate"]) for row in people] == [
        ("Lê Văn Cường", 50)
    ]
    assert reverse("training:course_attendance", args=[course.pk]).encode() not in response.content
    assert response.context["feedback"] is None


def test_the_results_grid_saves_in_one_transaction(client, login, users, course, confirmed):
    nominations, _waiting = confirmed
    login(users.central)
    data = grid_data(nominations, {})
    for index in range(3):
        data.pop(f"form-{index}-sessions")
    data.update(
        {
            "form-0-completed": "on",
            "form-0-passed": "true",
            "form-0-score": "87.5",
            "form-1-passed": "false",
            "form-1-score": "40",
            "form-2-passed": "unknown",
        }
    )
    response = client.post(reverse("training:course_results", args=[course.pk]), data)
    assert response.status_code == 302
    stored = {
        r.nomination_id: (r.completed, r.passed, r.score) for r in Result.objects.order_by("pk")
    }
    assert stored == {
        nominations[0].pk: (True, True, Decimal("87.50")),
        nominations[1].pk: (False, False, Decimal("40.00")),
    }
    data["form-1-score"] = "140"
    data["form-0-score"] = "90"
    response = client.post(reverse("training:course_results", args=[course.pk]), data)
    assert response.status_code == 200
    assert response.context["formset"].errors[1] == {
        "score": ["Ensure this value is less than or equal to 100."]
    }
    assert Result.objects.get(nomination=nominations[0]).score == Decimal("87.50")


def test_a_certified_result_cannot_be_uncompleted_and_nothing_is_written(
    client, login, users, course, confirmed
):
    nominations, _waiting = confirmed
    Result.objects.create(nomination=nominations[1], completed=True, score=Decimal("70"))
    Result.objects.create(
        nomination=nominations[0],
        completed=True,
        certificate_number="2026/1-001",
        issued_on=build.TODAY,
    )
    data = grid_data(nominations, {})
    for index in range(3):
        data.pop(f"form-{index}-sessions")
    data.update({"form-1-completed": "on", "form-1-score": "75", "form-0-passed": "unknown"})
    login(users.central)
    response = client.post(reverse("training:course_results", args=[course.pk]), data)
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "A certificate is issued only to someone who completed."
    ]
    assert Result.objects.get(nomination=nominations[1]).score == Decimal("70")
    assert Result.objects.get(nomination=nominations[0]).completed is True


# --- the feedback's summary ----------------------------------------------------------------------


def test_the_feedback_summary_counts_averages_and_lists_comments_in_two_queries(
    users, course, confirmed
):
    nominations, _waiting = confirmed
    first = build.module(course.programme, 1, title_vi="Công tác đối ngoại nhân dân")
    second = build.module(course.programme, 2)
    Feedback.objects.create(
        course=course,
        nomination=nominations[0],
        ratings={str(first.pk): 5, str(second.pk): 3},
        comments="Rất bổ ích.",
    )
    Feedback.objects.create(course=course, ratings={str(first.pk): 4}, comments="  ")
    Feedback.objects.create(course=course, ratings={str(first.pk): 4}, comments="Thêm thực hành")
    with CaptureQueriesContext(connection) as queries:
        summary = attendance_services.feedback_summary(course, users.central)
    assert len(queries) == 2
    assert summary["count"] == 3
    assert [(row["module"].pk, row["count"], row["average"]) for row in summary["modules"]] == [
        (first.pk, 3, Decimal("4.3")),
        (second.pk, 1, Decimal("3.0")),
    ]
    assert [(row["rating"], row["count"]) for row in summary["distribution"]] == [
        (1, 0),
        (2, 0),
        (3, 1),
        (4, 2),
        (5, 1),
    ]
    assert summary["comments"] == ["Rất bổ ích.", "Thêm thực hành"]


def test_the_course_page_shows_the_organizer_the_feedback_summary(
    client, login, users, course, confirmed, django_assert_max_num_queries
):
    module = build.module(course.programme, 1, title_vi="Lễ tân")
    for rating in (2, 4, 4):
        Feedback.objects.create(course=course, ratings={str(module.pk): rating}, comments="Tốt")
    login(users.central)
    with django_assert_max_num_queries(40):
        response = client.get(course.get_absolute_url())
    assert response.context["feedback"]["count"] == 3
    assert response.context["feedback"]["modules"][0]["average"] == Decimal("3.3")
    content = response.content.decode()
    assert "3 feedback forms." in content
    assert "3.3 / 5" in content


def test_the_course_page_asks_as_many_queries_for_many_participants(
    client, login, users, orgs, course, sessions, confirmed
):
    login(users.central)
    with CaptureQueriesContext(connection) as few:
        client.get(course.get_absolute_url())
    for index in range(8):
        nomination = build.nomination(
            orgs.hanoi, course_=course, person_=build.person(orgs.hanoi, 200 + index)
        )
        Attendance.objects.create(session=sessions[0], nomination=nomination)
        Feedback.objects.create(course=course, nomination=nomination, comments=f"Ý kiến {index}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(course.get_absolute_url())
    assert len(response.context["attendance"]["people"]) == 11
    assert len(many) == len(few)


def test_a_demo_course_sums_up_its_attendance_and_feedback(client, shared_demo):
    from amity.accounts.models import User

    course = Course.objects.filter(feedback__isnull=False).order_by("starts_on", "pk").first()
    client.force_login(User.objects.get(username="central"))
    response = client.get(course.get_absolute_url())
    assert response.status_code == 200
    summary = response.context["attendance"]
    present = Attendance.objects.filter(session__course=course, present=True)
    assert sum(count for _session, count in summary["sessions"]) == present.count()
    confirmed = course.nominations.filter(state="confirmed").count()
    assert len(summary["people"]) == confirmed
    feedback = response.context["feedback"]
    assert feedback["count"] == Feedback.objects.filter(course=course).count()
    assert sum(row["count"] for row in feedback["distribution"]) == sum(
        len(ratings) for ratings in course.feedback.values_list("ratings", flat=True)
    )
    assert {row["rating"] for row in feedback["distribution"] if row["count"]} <= {3, 4, 5}


def test_the_services_refuse_a_stranger_whoever_calls_them(users, course, sessions, confirmed):
    from django.core.exceptions import ValidationError

    from amity.training import results_services

    nominations, waiting = confirmed
    marks = {nominations[0].pk: {sessions[0].pk}, waiting.pk: {sessions[0].pk}}
    with pytest.raises(ValidationError) as error:
        attendance_services.save_attendance(course, marks, by=users.central)
    assert error.value.messages == [
        "Attendance is recorded for confirmed participants of this course only."
    ]
    with pytest.raises(ValidationError) as error:
        attendance_services.save_attendance(
            course, {nominations[0].pk: {sessions[0].pk, 999_999}}, by=users.central
        )
    assert error.value.messages == ["A session is not one of this course's."]
    rows = [results_services.ResultRow(waiting.pk, True, None, None)]
    with pytest.raises(ValidationError) as error:
        results_services.save_results(course, rows, by=users.central)
    assert error.value.messages == ["Results are recorded for confirmed participants only."]
    assert (Attendance.all_objects.count(), Result.all_objects.count()) == (0, 0)


def test_the_grids_speak_vietnamese(client, login, users, course, sessions, confirmed, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    login(users.central)
    attendance = client.get(reverse("training:course_attendance", args=[course.pk]))
    content = attendance.content.decode()
    assert "Lưu điểm danh" in content and "Tải bảng (.xlsx)" in content
    assert "Save attendance" not in content
    results = client.get(reverse("training:course_results", args=[course.pk])).content.decode()
    assert "Cấp giấy chứng nhận" in results and "Lưu kết quả" in results
    assert "Issue certificates" not in results
    page = client.get(course.get_absolute_url()).content.decode()
    assert "Tệp của khóa học" in page and "Tỷ lệ có mặt" in page


def test_the_results_page_asks_as_many_queries_for_many_participants(
    client, login, users, orgs, course, confirmed
):
    nominations, _waiting = confirmed
    Result.objects.create(nomination=nominations[0], completed=True)
    login(users.central)
    url = reverse("training:course_results", args=[course.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(6):
        nomination = build.nomination(
            orgs.hanoi, course_=course, person_=build.person(orgs.hanoi, 300 + index)
        )
        Result.objects.create(nomination=nomination, completed=True, score=Decimal(index))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["formset"].forms) == 9
    assert len(many) == len(few) <= 12
