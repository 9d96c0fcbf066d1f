"""The API's step that issues a course's certificates: the organizer's, as on the results page."""

from decimal import Decimal

import pytest

from amity.training.models import Result
from tests.training import builders as build

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(orgs):
    made = build.course(orgs.central, 1, title_vi="Bồi dưỡng đối ngoại nhân dân")
    build.quota(made, orgs.hanoi, places=4)
    for name, completed in (("Trần Thị Bình", True), ("Lê Văn Cường", False)):
        nomination = build.nomination(
            orgs.hanoi, course_=made, person_=build.person(orgs.hanoi, name=name)
        )
        Result.objects.create(nomination=nomination, completed=completed, score=Decimal("80"))
    return made


def url(course) -> str:
    return f"/api/training/courses/{course.pk}/issue-certificates/"


def test_the_organizer_issues_the_completed_ones_once(client, login, users, course):
    login(users.central)
    first = client.post(url(course))
    assert first.status_code == 200
    issued = first.json()["issued"]
    completed = Result.objects.get(nomination__person__full_name="Trần Thị Bình")
    assert [(row["id"], row["certificate_number"]) for row in issued] == [
        (completed.pk, completed.certificate_number)
    ]
    assert completed.certificate_number.endswith("-001")
    assert Result.objects.get(nomination__person__full_name="Lê Văn Cường").certificate_number == ""
    assert client.post(url(course)).json() == {"issued": []}  # nothing waits any more


def test_a_nominating_union_may_not_issue_them(client, login, users, course):
    login(users.hanoi)
    response = client.post(url(course))
    assert response.status_code in (403, 404)
    assert not Result.objects.exclude(certificate_number="").exists()
    client.logout()
    assert client.post(url(course)).status_code in (401, 403)
