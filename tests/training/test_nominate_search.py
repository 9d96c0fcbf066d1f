"""The nominate form's person box: it offers the people as the user types (an endpoint answering
as the API's lists do), and works without JavaScript (the page's own search). Either way the form
accepts the user's people in the nominating organization's branch, and refuses any other id with
a form error."""

import json

import pytest
from django.urls import reverse

from amity.training.models import Nomination
from tests.training import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(orgs):
    course = builders.course(orgs.central, 0)
    builders.quota(course, orgs.hanoi)
    builders.quota(course, orgs.danang)
    return course


@pytest.fixture
def people(orgs):
    return {
        "an": builders.person(orgs.hanoi, name="Nguyễn Văn An"),
        "anh": builders.person(orgs.hanoi_member, name="Trần Thị Ánh"),
        "binh": builders.person(orgs.hanoi, name="Lê Bình"),
        "danang": builders.person(orgs.danang, name="Nguyễn Văn An"),
        "central": builders.person(orgs.central, name="Phạm An"),
    }


def search(client, course, **query):
    response = client.get(reverse("training:course_nominate_people", args=[course.pk]), query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [(row["id"], row["label"]) for row in json.loads(response.content)["results"]]


def test_the_search_offers_the_users_people_matching_every_word_folded(
    client, login, course, orgs, people, users
):
    login(users.hanoi)
    found = search(client, course, q="an")
    assert found == [
        (people["an"].pk, f"Nguyễn Văn An – {orgs.hanoi}"),
        (people["anh"].pk, f"Trần Thị Ánh – {orgs.hanoi_member}"),
    ]  # not Da Nang's An, nor the centre's
    assert search(client, course, q="nguyen van") == [found[0]]
    assert search(client, course, q="  ") == [
        (people[key].pk, f"{people[key].full_name} – {people[key].organization}")
        for key in ("binh", "an", "anh")
    ]
    assert search(client, course, q="xyz") == []
    login(users.danang)
    assert search(client, course, q="nguyen") == [
        (people["danang"].pk, f"Nguyễn Văn An – {orgs.danang}")
    ]


def test_the_search_keeps_to_the_nominating_organizations_branch(
    client, login, course, orgs, people, users
):
    login(users.central)  # may edit every organization: those with a quota are Ha Noi, Da Nang
    assert {pk for pk, _label in search(client, course, q="an")} == {
        people["an"].pk,
        people["anh"].pk,
        people["danang"].pk,
    }
    chosen = search(client, course, q="an", organization=orgs.danang.pk)
    assert [pk for pk, _label in chosen] == [people["danang"].pk]
    for odd in ("abc", "-1", "9" * 30, str(orgs.central.pk)):  # central has no quota
        assert search(client, course, q="an", organization=odd) == []


def test_the_search_answers_at_most_fifty_in_a_fixed_number_of_queries(
    client, login, course, orgs, users, django_assert_max_num_queries
):
    for index in range(80):
        builders.person(orgs.hanoi, name=f"Hoàng Văn {index:02d}")
    login(users.hanoi)
    url = reverse("training:course_nominate_people", args=[course.pk])
    with django_assert_max_num_queries(7):
        response = client.get(url, {"q": "x" * 5000})
    assert json.loads(response.content)["results"] == []
    with django_assert_max_num_queries(7):
        response = client.get(url, {"q": "hoang " * 400})  # its first words only
    assert len(json.loads(response.content)["results"]) == 50
    with django_assert_max_num_queries(7):
        found = json.loads(client.get(url, {"q": "hoang van"}).content)["results"]
    assert len(found) == 50 and found[0]["label"].startswith("Hoàng Văn 00")


def test_the_search_needs_a_course_the_user_sees_and_a_role_that_nominates(
    client, login, orgs, people, users
):
    hidden = builders.course(orgs.danang, 1)
    login(users.hanoi)
    url = reverse("training:course_nominate_people", args=[hidden.pk])
    assert client.get(url, {"q": "an"}).status_code == 404
    assert client.get(reverse("training:course_nominate_people", args=[99999])).status_code == 404
    shared = builders.course(orgs.central, 2, open_to_all=True)
    login(users.hanoi_viewer)
    viewer = reverse("training:course_nominate_people", args=[shared.pk])
    assert client.get(viewer, {"q": "an"}).status_code == 403
    client.logout()
    assert client.get(viewer).status_code == 302


def test_the_form_writes_only_the_chosen_person_and_asks_the_rest_as_one_types(
    client, login, course, orgs, people, users
):
    login(users.hanoi)
    url = reverse("training:course_nominate", args=[course.pk])
    page = client.get(url)
    html = page.content.decode()
    people_url = reverse("training:course_nominate_people", args=[course.pk])
    assert f'data-options-url="{people_url}"' in html
    assert 'data-searchable="remote"' in html
    assert "Trần Thị Ánh" not in html  # the people come as one types
    assert "<noscript>" in html and 'name="q"' in html
    refused = client.post(url, {"organization": orgs.hanoi.pk, "person": people["danang"].pk})
    assert refused.status_code == 200
    assert refused.context["form"].errors["person"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]
    assert f'<option value="{people["an"].pk}"' not in refused.content.decode()


def test_without_javascript_the_pages_search_fills_the_list(
    client, login, course, orgs, people, users
):
    login(users.hanoi)
    url = reverse("training:course_nominate", args=[course.pk])
    page = client.get(url, {"q": "ANH"})
    html = page.content.decode()
    assert f'<option value="{people["anh"].pk}">Trần Thị Ánh – {orgs.hanoi_member}</option>' in html
    assert f'value="{people["an"].pk}"' not in html and 'value="ANH"' in html
    done = client.post(f"{url}?q=ANH", {"organization": orgs.hanoi.pk, "person": people["anh"].pk})
    assert done.status_code == 302
    nomination = Nomination.objects.get()
    assert (nomination.person, nomination.organization) == (people["anh"], orgs.hanoi)
    assert nomination.history.count() == 1


def test_a_person_outside_the_nominating_organizations_branch_is_a_form_error(
    client, login, course, orgs, people, users
):
    login(users.central)
    url = reverse("training:course_nominate", args=[course.pk])
    response = client.post(url, {"organization": orgs.danang.pk, "person": people["an"].pk})
    assert response.status_code == 200
    assert response.context["form"].errors["person"] == [
        f"{orgs.danang} nominates its own people only."
    ]
    for odd in ("abc", "-5", "9" * 40, "", str(people["central"].pk)):
        response = client.post(url, {"organization": orgs.hanoi.pk, "person": odd})
        assert response.status_code == 200, odd
        assert "person" in response.context["form"].errors, odd
    assert not Nomination.all_objects.exists()
