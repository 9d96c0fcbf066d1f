"""A person's training record, an organization's training overview and the training gaps page:
what each shows, to whom, in how many queries."""

import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from amity.organizations.models import PersonLanguage, Position
from amity.training import models
from tests.training import builders as build
from tests.training.test_requirements import completed, holder

PAST = date(2025, 8, 13)


@pytest.fixture
def leaders(orgs):
    programme = build.programme(orgs.central, 1, required_hours=8)
    models.Requirement.objects.create(
        organization=orgs.central,
        position_title="president",
        organization_kind="provincial_union",
        programme=programme,
    )
    return programme


def attended_course(person, programme, present=(True, True, False), certificate=""):
    """A done course of `programme` with three two-hour sessions, of which the person attended
    those `present` says, and a completed result."""
    result = completed(person, programme, PAST)
    result.certificate_number = certificate
    result.issued_on = PAST if certificate else None
    result.score = 87
    result.save()
    course = result.nomination.course
    for index, was_there in enumerate(present):
        session = build.session(course, course.starts_on + timedelta(days=index), hours=2)
        models.Attendance.objects.create(
            session=session, nomination=result.nomination, present=was_there
        )
    return result


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# --- a person's record --------------------------------------------------------------------------


def test_a_persons_training_tab(client, orgs, users, login, leaders):
    person = holder(orgs.hanoi, title="officer", name="Trần Thu Hà")
    Position.objects.create(
        person=person, organization=orgs.hanoi, title="president", started_on=date(2024, 1, 1)
    )
    PersonLanguage.objects.create(person=person, language="en", level="fluent")
    attended_course(person, leaders, certificate="CC-2025-007")
    other = build.programme(orgs.central, 2)
    build.nomination(
        orgs.hanoi,
        course_=build.course(orgs.central, 3, programme=other),
        person_=person,
        state="nominated",
    )
    login(users.hanoi)
    page = client.get(f"{person.get_absolute_url()}?tab=training")
    assert page.status_code == 200
    record = page.context["record"]
    assert [(str(line.course.programme), line.hours_attended) for line in record.courses] == [
        (str(other), 0.0),
        (str(leaders), 4.0),
    ]
    assert record.courses[1].result.certificate_number == "CC-2025-007"
    assert record.courses[0].result is None
    assert record.hours == 4.0
    assert [(lang.language, lang.level) for lang in record.languages] == [("en", "fluent")]
    assert sorted(position.title for position in record.positions) == ["officer", "president"]
    assert record.gaps == []  # the president completed the leaders' programme
    html = page.content.decode()
    assert "CC-2025-007" in html and "4.0 / 8" in html and "Fluent" in html
    assert "Every required programme is completed." in html


def test_a_persons_gaps_on_the_tab(client, orgs, users, login, leaders):
    person = holder(orgs.hanoi, name="Lê Văn Nam")
    login(users.hanoi)
    page = client.get(f"{person.get_absolute_url()}?tab=training")
    assert [gap.requirement.programme for gap in page.context["record"].gaps] == [leaders]
    assert "No course recorded." in page.content.decode()


def test_the_tab_is_the_persons_scope(client, orgs, users, login, leaders):
    person = holder(orgs.hanoi, name="Lê Văn Nam")
    login(users.danang)
    assert client.get(f"{person.get_absolute_url()}?tab=training").status_code == 404


def test_the_persons_tab_reads_the_same_queries_for_one_course_or_many(
    client, orgs, users, login, leaders
):
    person = holder(orgs.hanoi, name="Lê Văn Nam")
    attended_course(person, leaders)
    login(users.hanoi)
    url = f"{person.get_absolute_url()}?tab=training"
    one = queries_of(client, url)
    for index in range(4):
        attended_course(person, build.programme(orgs.central, 10 + index))
    assert queries_of(client, url) == one


# --- an organization's overview -----------------------------------------------------------------


def test_an_organizations_training_tab(client, orgs, users, login, leaders):
    trained = holder(orgs.hanoi, title="officer", name="Đã học")
    attended_course(trained, leaders)
    member = build.person(orgs.hanoi_member, 4, name="Hội viên")
    attended_course(member, leaders)
    due = holder(orgs.hanoi, name="Chủ tịch chưa học")
    waiting = build.nomination(orgs.hanoi, 7, state="confirmed", person_=due)
    build.nomination(orgs.hanoi, 8, state="withdrawn", person_=due)
    build.nomination(orgs.danang, 9)  # another branch
    login(users.hanoi)
    page = client.get(f"{orgs.hanoi.get_absolute_url()}?tab=training")
    assert page.status_code == 200
    overview = page.context["overview"]
    assert overview.trained == [(2025, str(leaders), 2)]
    assert [(str(gap.person), gap.requirement.programme) for gap in overview.gaps] == [
        ("Chủ tịch chưa học", leaders)
    ]
    assert overview.in_progress == [waiting]
    member_page = client.get(f"{orgs.hanoi_member.get_absolute_url()}?tab=training")
    assert member_page.context["overview"].trained == [(2025, str(leaders), 1)]
    assert member_page.context["overview"].gaps == []


def test_an_organizations_tab_out_of_scope_is_not_found(client, orgs, users, login):
    login(users.danang)
    assert client.get(f"{orgs.hanoi.get_absolute_url()}?tab=training").status_code == 404


def test_the_organizations_tab_reads_the_same_queries_for_few_people_or_many(
    client, orgs, users, login, leaders
):
    holder(orgs.hanoi, name="Người 0")
    login(users.hanoi)
    url = f"{orgs.hanoi.get_absolute_url()}?tab=training"
    few = queries_of(client, url)
    for index in range(1, 8):
        person = holder(orgs.hanoi, name=f"Người {index}")
        attended_course(person, leaders) if index % 2 else build.nomination(
            orgs.hanoi, 20 + index, person_=person
        )
    assert queries_of(client, url) == few


# --- the gaps page ------------------------------------------------------------------------------

GAPS = reverse("training:gaps")


def people_on(page) -> list[str]:
    return [str(gap.person) for gap in page.context["gaps"]]


def test_the_gaps_page_is_scoped_a_unit_sees_its_branch(client, orgs, users, login, leaders):
    holder(orgs.hanoi, name="Chủ tịch Hà Nội")
    holder(orgs.danang, name="Chủ tịch Đà Nẵng")
    login(users.hanoi)
    assert people_on(client.get(GAPS)) == ["Chủ tịch Hà Nội"]
    login(users.central)
    assert people_on(client.get(GAPS)) == ["Chủ tịch Hà Nội", "Chủ tịch Đà Nẵng"]
    page = client.get(GAPS, {"organization": orgs.danang.pk})
    assert people_on(page) == ["Chủ tịch Đà Nẵng"]


def test_the_gaps_page_filters_by_title_and_programme(client, orgs, users, login, leaders):
    vice = build.programme(orgs.central, 2)
    models.Requirement.objects.create(
        organization=orgs.central, position_title="vice_president", programme=vice
    )
    holder(orgs.hanoi, name="Chủ tịch")
    holder(orgs.hanoi, title="vice_president", name="Phó chủ tịch")
    login(users.hanoi)
    assert people_on(client.get(GAPS, {"title": "vice_president"})) == ["Phó chủ tịch"]
    assert people_on(client.get(GAPS, {"programme": leaders.pk})) == ["Chủ tịch"]
    assert people_on(client.get(GAPS)) == ["Chủ tịch", "Phó chủ tịch"]


@pytest.mark.parametrize(
    "query",
    [
        {"organization": "danang"},
        {"organization": "99999999999999999999"},
        {"organization": "abc"},
        {"title": "emperor"},
        {"programme": "-1"},
        {"programme": "x" * 5000},
    ],
)
def test_the_gaps_page_refuses_a_bad_filter_with_400_and_no_row(
    client, orgs, users, login, leaders, query
):
    holder(orgs.hanoi, name="Chủ tịch")
    if query.get("organization") == "danang":
        query = {"organization": orgs.danang.pk}  # another branch: not a choice for Ha Noi
    login(users.hanoi)
    page = client.get(GAPS, query)
    assert page.status_code == 400
    assert page.context["gaps"] == []
    assert client.get(GAPS, {**query, "export": "xlsx"}).status_code == 400


def test_the_gaps_export(client, orgs, users, login, leaders):
    person = holder(orgs.hanoi, name="=Chủ tịch")
    completed(person, leaders, date(2001, 1, 1))
    models.Requirement.objects.filter(programme=leaders).update(within_years=5)
    holder(orgs.danang, name="Chủ tịch Đà Nẵng")
    login(users.hanoi)
    response = client.get(GAPS, {"export": "xlsx"})
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][:4] == ("Person", "Organization", "Position", "Required programme")
    assert len(rows) == 2
    assert rows[1][0] == "'=Chủ tịch"  # a formula is written as text
    assert rows[1][1:5] == (str(orgs.hanoi), "President", str(leaders), 5)
    assert rows[1][5].date() == date(2001, 1, 1)


def test_the_gaps_page_reads_the_same_queries_for_few_people_or_many(
    client, orgs, users, login, leaders, django_assert_max_num_queries
):
    holder(orgs.hanoi, name="Người 0")
    login(users.hanoi)
    few = queries_of(client, GAPS)
    for index in range(1, 25):
        holder(orgs.hanoi if index % 2 else orgs.hanoi_member, name=f"Người {index}")
    with django_assert_max_num_queries(few):
        page = client.get(GAPS)
    assert page.context["total"] == 13


def test_an_organizations_tab_shows_the_first_gaps_and_links_to_them_all(
    client, orgs, users, login, leaders, monkeypatch
):
    from amity.training.views import records as pages

    monkeypatch.setattr(pages, "TAB_GAPS_SHOWN", 2)
    for index in range(3):
        holder(orgs.hanoi, name=f"Chủ tịch {index}")
    login(users.hanoi)
    html = client.get(f"{orgs.hanoi.get_absolute_url()}?tab=training").content.decode()
    assert "The first 2 of 3 are shown." in html
    assert f"{GAPS}?organization={orgs.hanoi.pk}" in html
    assert "Chủ tịch 1" in html and "Chủ tịch 2" not in html
