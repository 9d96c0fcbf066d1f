"""Training requirements: the generic view, import/export, API and filter tests, and what a
requirement means for the gaps (`amity.training.records.gaps`)."""

from datetime import date, timedelta

import pytest

from amity.organizations.models import Position
from amity.training import models, records
from amity.training.views import requirements
from tests.filtersets import FilterSetTestCase
from tests.generic import ModelTestCase
from tests.training import builders as build

TODAY = date(2026, 12, 7)


class TestRequirement(ModelTestCase):
    views = requirements.RequirementViews
    api_url = "/api/training/training-requirements/"
    edit_field = "within_years"
    edit_value = 3
    bad_import = {"position_title": "emperor"}
    api_bad_data = {"within_years": 0}

    def build(self, orgs, owner, index=0):
        return models.Requirement(
            organization=owner,
            position_title="president",
            organization_kind="provincial_union",
            programme=build.programme(owner, index),
        )

    def form_data(self, orgs):
        self.programme = build.programme(orgs.central, 900)  # the centre's, seen below it
        return {
            "organization": orgs.hanoi.pk,
            "position_title": "vice_president",
            "organization_kind": "local_member",
            "programme": self.programme.pk,
            "within_years": 5,
        }

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "position_title": "vice_president",
            "organization_kind": "local_member",
            "programme": self.programme,
            "within_years": 5,
        }


class TestRequirementFilters(FilterSetTestCase):
    model_case = TestRequirement


# --- what a requirement asks --------------------------------------------------------------------


def holder(organization, title="president", name="Trần Thu Hà", started=date(2020, 1, 1), **kw):
    person = build.person(organization, name=name)
    Position.objects.create(
        person=person, organization=organization, title=title, started_on=started, **kw
    )
    return person


def completed(person, programme, ends_on, organization=None, done=True):
    course = build.course(
        programme.organization,
        programme=programme,
        starts_on=ends_on - timedelta(days=2),
        ends_on=ends_on,
        nomination_deadline=ends_on - timedelta(days=10),
        status="done",
    )
    nomination = build.nomination(
        organization or person.organization, course_=course, person_=person
    )
    return models.Result.objects.create(nomination=nomination, completed=done)


@pytest.fixture
def leaders(orgs):
    programme = build.programme(orgs.central, 1)
    requirement = models.Requirement.objects.create(
        organization=orgs.central,
        position_title="president",
        organization_kind="provincial_union",
        programme=programme,
    )
    return programme, requirement


def gap_names(positions=None, **options):
    found = records.gaps(positions or Position.objects.all(), today=TODAY, **options)
    return sorted((str(gap.person), str(gap.organization)) for gap in found)


def test_a_holder_without_the_programme_is_a_gap_one_who_completed_it_is_not(orgs, leaders):
    programme, requirement = leaders
    holder(orgs.hanoi, name="Lê Văn A")
    done = holder(orgs.danang, name="Phạm Thị B")
    completed(done, programme, date(2025, 8, 13))
    found = records.gaps(Position.objects.all(), today=TODAY)
    assert [(str(gap.person), gap.requirement, gap.last_completed) for gap in found] == [
        ("Lê Văn A", requirement, None)
    ]


def test_only_the_title_and_kind_the_requirement_names_and_current_holders(orgs, leaders):
    holder(orgs.hanoi, title="vice_president", name="Phó chủ tịch")  # another title
    holder(orgs.hanoi_member, name="Chủ tịch hội")  # another kind of organization
    holder(orgs.hanoi, name="Đã nghỉ", ended_on=date(2025, 12, 31))  # term over
    holder(orgs.danang, name="Sắp nhận", started=date(2027, 1, 1))  # term not begun
    holder(orgs.danang, name="Đương nhiệm")
    assert gap_names() == [("Đương nhiệm", str(orgs.danang))]


def test_a_requirement_without_kind_binds_every_organization(orgs, leaders):
    programme, requirement = leaders
    requirement.organization_kind = ""
    requirement.save()
    holder(orgs.hanoi_member, name="Chủ tịch hội")
    holder(orgs.central, name="Chủ tịch trung ương")
    assert gap_names() == [
        ("Chủ tịch hội", str(orgs.hanoi_member)),
        ("Chủ tịch trung ương", str(orgs.central)),
    ]


def test_a_unit_requirement_binds_only_its_branch(orgs):
    programme = build.programme(orgs.hanoi, 2)
    models.Requirement.objects.create(
        organization=orgs.hanoi, position_title="president", programme=programme
    )
    holder(orgs.hanoi_member, name="Chủ tịch hội")
    holder(orgs.danang, name="Chủ tịch Đà Nẵng")
    assert gap_names() == [("Chủ tịch hội", str(orgs.hanoi_member))]


def test_within_years_a_too_old_completion_is_still_a_gap(orgs, leaders):
    programme, requirement = leaders
    requirement.within_years = 2
    requirement.save()
    old = holder(orgs.hanoi, name="Học lâu rồi")
    recent = holder(orgs.danang, name="Mới học")
    completed(old, programme, date(2024, 12, 6))  # more than two years before TODAY
    completed(recent, programme, date(2024, 12, 7))  # exactly two years: counts
    found = records.gaps(Position.objects.all(), today=TODAY)
    assert [(str(gap.person), gap.last_completed) for gap in found] == [
        ("Học lâu rồi", date(2024, 12, 6))
    ]


def test_an_unfinished_or_deleted_completion_does_not_count(orgs, leaders):
    programme, _requirement = leaders
    failed = holder(orgs.hanoi, name="Chưa hoàn thành")
    completed(failed, programme, date(2025, 8, 13), done=False)
    deleted = holder(orgs.danang, name="Khóa đã xóa")
    result = completed(deleted, programme, date(2025, 8, 13))
    result.nomination.course.soft_delete()
    assert [name for name, _org in gap_names()] == ["Chưa hoàn thành", "Khóa đã xóa"]


def test_a_completion_of_another_programme_does_not_count(orgs, leaders):
    person = holder(orgs.hanoi, name="Học nhầm")
    completed(person, build.programme(orgs.central, 5), date(2025, 8, 13))
    assert gap_names() == [("Học nhầm", str(orgs.hanoi))]


def test_the_gaps_take_four_queries_whatever_the_number_of_people(
    orgs, leaders, django_assert_num_queries
):
    programme, _requirement = leaders
    for index in range(3):
        holder(orgs.hanoi, name=f"Người {index}")
    with django_assert_num_queries(4):
        assert len(records.gaps(Position.objects.all(), today=TODAY)) == 3
    for index in range(3, 30):
        person = holder(orgs.danang, name=f"Người {index}")
        if index % 2:
            completed(person, programme, date(2025, 8, 13))
    with django_assert_num_queries(4):
        assert len(records.gaps(Position.objects.all(), today=TODAY)) == 3 + 13


def test_filtered_by_programme(orgs, leaders):
    holder(orgs.hanoi, name="Lê Văn A")
    other = build.programme(orgs.central, 6)
    assert gap_names(programme=other) == []
    assert len(gap_names(programme=leaders[0])) == 1


def test_the_demo_requirements_and_their_gaps(shared_demo, client):
    from amity.accounts.models import User

    assert "3 training requirements" in shared_demo
    rules = models.Requirement.objects.order_by("position_title")
    assert [(rule.position_title, rule.organization_kind, rule.within_years) for rule in rules] == [
        ("officer", "provincial_union", 5),
        ("president", "provincial_union", None),
        ("vice_president", "provincial_union", None),
    ]
    assert {rule.programme.target_group for rule in rules} == {
        "local_leaders",
        "diplomacy_officials",
    }
    found = records.gaps(Position.objects.all())
    assert {gap.organization.kind for gap in found} <= {"provincial_union"}
    for gap in found:
        assert gap.position.title == gap.requirement.position_title
    client.force_login(User.objects.filter(role="central_officer").order_by("pk").first())
    page = client.get("/training/gaps/")
    assert page.status_code == 200
    assert page.context["total"] == len(records.gaps(Position.objects.all()))
