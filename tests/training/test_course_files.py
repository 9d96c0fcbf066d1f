"""The course's files: the nominations, attendance and results as XLSX (headers in the user's
language, rows each user sees), the attendance sheet uploaded back (all or nothing, errors by
row), and the nominations' import under the quota and deadline rules."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from amity.training import attendance_services
from amity.training.models import Attendance, Nomination, Result
from tests.training import builders as build

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(orgs):
    made = build.course(orgs.central, 1, title_vi="Bồi dưỡng lãnh đạo Liên hiệp địa phương")
    build.quota(made, orgs.hanoi, places=3)
    build.quota(made, orgs.danang, places=3)
    return made


@pytest.fixture
def sessions(course):
    return [build.session(course, hour=8), build.session(course, hour=14)]


@pytest.fixture
def nominations(orgs, course):
    """Confirmed: two of Ha Noi, one of Da Nang; one of Ha Noi waitlisted."""
    made = [
        build.nomination(orgs.hanoi, course_=course, person_=build.person(orgs.hanoi, name=name))
        for name in ("Trần Thị Bình", "Đỗ Văn An")
    ]
    made.append(
        build.nomination(
            orgs.danang, course_=course, person_=build.person(orgs.danang, name="Lê Văn Cường")
        )
    )
    made.append(
        build.nomination(
            orgs.hanoi,
            course_=course,
            person_=build.person(orgs.hanoi, name="Phạm Văn Dũng"),
            state="waitlisted",
        )
    )
    return made


def sheet(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    book = load_workbook(io.BytesIO(response.content))
    return [tuple(row) for row in book.active.iter_rows(values_only=True)]


def xlsx_upload(rows, name="diem-danh.xlsx"):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


# --- exports -------------------------------------------------------------------------------------


def test_the_nominations_by_organization(client, login, users, course, nominations):
    login(users.central)
    rows = sheet(client.get(reverse("training:course_nominations_xlsx", args=[course.pk])))
    assert rows == [
        ("Organization", "Person", "State", "Note"),
        ("Ha Noi Union", "Đỗ Văn An", "Confirmed", None),
        ("Ha Noi Union", "Phạm Văn Dũng", "Waitlisted", None),
        ("Ha Noi Union", "Trần Thị Bình", "Confirmed", None),
        ("Da Nang Union", "Lê Văn Cường", "Confirmed", None),
    ]
    login(users.danang)  # a nominating unit: its own people only
    rows = sheet(client.get(reverse("training:course_nominations_xlsx", args=[course.pk])))
    assert rows[1:] == [("Da Nang Union", "Lê Văn Cường", "Confirmed", None)]


def test_the_headers_are_in_the_users_language(client, login, users, course, nominations, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    login(users.central)
    rows = sheet(client.get(reverse("training:course_results_xlsx", args=[course.pk])))
    assert rows[0] == (
        "Nhân sự",
        "Tổ chức",
        "Hoàn thành",
        "Đạt bài kiểm tra",
        "Điểm",
        "Số chứng nhận",
        "Ngày cấp",
    )


def test_the_attendance_grid_and_the_results(client, login, users, course, sessions, nominations):
    attendance_services.save_attendance(
        course, {nominations[1].pk: {sessions[1].pk}}, by=users.central
    )
    Result.objects.create(
        nomination=nominations[0], completed=True, passed=True, score=Decimal("88.5")
    )
    login(users.central)
    rows = sheet(client.get(reverse("training:course_attendance_xlsx", args=[course.pk])))
    columns = [attendance_services.session_column(session) for session in sessions]
    assert rows[0] == ("Nomination", "Person", "Organization", *columns)
    assert columns[0].endswith(f"(#{sessions[0].pk})")
    assert rows[1:] == [
        (nominations[1].pk, "Đỗ Văn An", "Ha Noi Union", None, "x"),
        (nominations[0].pk, "Trần Thị Bình", "Ha Noi Union", None, None),
        (nominations[2].pk, "Lê Văn Cường", "Da Nang Union", None, None),
    ]
    rows = sheet(client.get(reverse("training:course_results_xlsx", args=[course.pk])))
    assert rows[1:] == [
        ("Đỗ Văn An", "Ha Noi Union", "No", None, None, None, None),
        ("Trần Thị Bình", "Ha Noi Union", "Yes", "Yes", 88.5, None, None),
        ("Lê Văn Cường", "Da Nang Union", "No", None, None, None, None),
    ]


def test_a_course_out_of_sight_has_no_files(client, login, users, orgs):
    hidden = build.course(orgs.hanoi, 7)  # Ha Noi's own course, without a quota for Da Nang
    login(users.danang)
    for name in ("nominations", "attendance", "results"):
        url = reverse(f"training:course_{name}_xlsx", args=[hidden.pk])
        assert client.get(url).status_code == 404


# --- the attendance sheet uploaded back -----------------------------------------------------------


def filled_sheet(client, course):
    """The sheet as exported, as rows to fill."""
    response = client.get(reverse("training:course_attendance_xlsx", args=[course.pk]))
    return [list(row) for row in sheet(response)]


def upload(client, course, rows, name="diem-danh.xlsx"):
    return client.post(
        reverse("training:course_attendance_upload", args=[course.pk]),
        {"file": xlsx_upload(rows, name)},
    )


def test_the_filled_sheet_is_recorded_whole(client, login, users, course, sessions, nominations):
    login(users.central)
    rows = filled_sheet(client, course)
    rows[1][3:] = ["x", "X"]
    rows[2][3:] = ["", 1]
    rows[3][3:] = [None, "có"]
    response = upload(client, course, rows)
    assert response.status_code == 302
    present = set(
        Attendance.objects.filter(present=True).values_list("nomination_id", "session_id")
    )
    assert present == {
        (nominations[1].pk, sessions[0].pk),
        (nominations[1].pk, sessions[1].pk),
        (nominations[0].pk, sessions[1].pk),
        (nominations[2].pk, sessions[1].pk),
    }
    assert {record.history.get().history_user for record in Attendance.objects.all()} == {
        users.central
    }


def test_a_wrong_sheet_lists_every_error_by_row_and_writes_nothing(
    client, login, users, course, sessions, nominations
):
    login(users.central)
    rows = filled_sheet(client, course)
    rows[0].append("Buổi ngoại khóa")  # an unknown session column
    for row in rows[1:]:
        row.append("")
    rows[1][3] = "x"
    rows[2][4] = "maybe"  # a bad cell value
    rows.append([nominations[3].pk, "Phạm Văn Dũng", "Ha Noi Union", "x", "", ""])  # waitlisted
    rows.append(["abc", "Ai đó", "", "x", "", ""])
    response = upload(client, course, rows)
    assert response.status_code == 400
    column = rows[0][4]
    assert response.context["errors"] == [
        "Column “Buổi ngoại khóa” is not a session of this course.",
        f"Row 3, column “{column}”: “maybe” is not a mark; write x for present, leave it empty "
        "for absent.",
        "Row 5: Phạm Văn Dũng is not a confirmed participant of this course.",
        "Row 6: Ai đó is not a confirmed participant of this course.",
    ]
    assert Attendance.all_objects.count() == 0


def test_a_row_of_another_course_is_refused(
    client, login, users, orgs, course, sessions, nominations
):
    stranger = build.nomination(orgs.hanoi, 8)
    login(users.central)
    rows = filled_sheet(client, course)
    rows.append([stranger.pk, str(stranger.person), "Ha Noi Union", "x", "x"])
    rows[1][3] = "x"
    response = upload(client, course, rows)
    assert response.context["errors"] == [
        f"Row 5: {stranger.person} is not a confirmed participant of this course."
    ]
    assert Attendance.all_objects.count() == 0


@pytest.mark.parametrize(
    ("content", "name", "error"),
    [
        (b"not a workbook", "diem-danh.xlsx", "This file is not an Excel workbook (.xlsx)."),
        (b"a,b\n1,2\n", "diem-danh.pdf", "Choose an .xlsx or .csv file."),
    ],
)
def test_an_unreadable_file_is_refused_with_a_message(
    client, login, users, course, sessions, nominations, content, name, error
):
    login(users.central)
    response = client.post(
        reverse("training:course_attendance_upload", args=[course.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert response.context["errors"] == [error]
    assert Attendance.all_objects.count() == 0


def test_only_the_organizer_uploads_a_sheet(client, login, users, course, sessions, nominations):
    login(users.hanoi)
    rows = [["Nomination", "Person", "Organization"], [nominations[0].pk, "x", "x"]]
    assert upload(client, course, rows).status_code == 403
    assert Attendance.all_objects.count() == 0


# --- the nominations' import ----------------------------------------------------------------------


def test_the_nominations_import_keeps_the_deadline(client, login, users, orgs):
    from amity.core.models import Job
    from tests.generic import csv_upload

    late = build.course(orgs.central, 3, nomination_deadline=build.TODAY - timedelta(days=1))
    build.quota(late, orgs.hanoi, places=3)
    person = build.person(orgs.hanoi, 3)
    rows = [{"id": "", "course": late.pk, "organization": orgs.hanoi.pk, "person": person.pk}]
    login(users.hanoi)
    response = client.post(reverse("training:nomination_import"), {"file": csv_upload(rows)})
    job = response.context["job"]
    assert job.status == Job.Status.INVALID
    day = late.nomination_deadline.strftime("%d/%m/%Y")
    assert [problem["line"] for problem in job.summary["errors"]] == [2]
    assert f"The nomination deadline ({day}) has passed." in str(job.summary["errors"])
    assert Nomination.all_objects.count() == 0
