"""Pages beyond the generic ones answer anything a user can send without a 500."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

GARBAGE = ["abc", "-1", "99999999999999999999", "", "<b>x</b>"]


def test_import_confirmation_with_garbage(client, users, login):
    login(users.hanoi)
    for value in GARBAGE:
        response = client.post(reverse("organizations:person_import"), {"confirm": value})
        assert response.status_code == 404, value


def test_merge_with_garbage(client, orgs, users, login):
    login(users.central)
    for value in GARBAGE:
        data = {
            "sources": [value],
            "successor": value,
            "occurred_on": value,
            "decision": value,
            "new_parent": value,
            "confirm": "1",
        }
        response = client.post(reverse("organizations:merge"), data)
        assert response.status_code == 200, value
        assert response.context["form"].errors


def test_attendance_with_garbage(client, orgs, users, login):
    login(users.hanoi)
    for value in GARBAGE:
        url = f"/organizations/committee-meetings/{value or 0}/attendance/"
        assert client.post(url, {"member-1": value}).status_code in (403, 404), value


def test_restore_and_jobs_with_garbage(client, users, login):
    login(users.admin)
    for value in ("abc", "nothing", "people"):
        assert client.post(f"/core/trash/{value}/999/restore/").status_code in (403, 404)
    for path in ("/core/jobs/999/", "/core/jobs/999/download/"):
        assert client.get(path).status_code == 404


def test_tree_and_schedule_with_garbage(client, users, login):
    login(users.hanoi)
    for value in GARBAGE:
        assert client.get("/organizations/", {"inactive": value}).status_code == 200
        assert client.get("/organizations/congresses/schedule/", {"x": value}).status_code == 200


def test_api_token_with_garbage(client, users):
    for body in ({}, {"username": "x"}, {"username": ["a"], "password": {"b": 1}}):
        response = client.post("/api/auth/token/", body, content_type="application/json")
        assert response.status_code == 400


def test_login_with_garbage(client, users):
    for value in GARBAGE:
        response = client.post(reverse("accounts:login"), {"username": value, "password": value})
        assert response.status_code in (200, 429)
        assert "_auth_user_id" not in client.session  # refused, not signed in as anyone


def test_huge_ids_in_paths_are_404(client, users, login):
    login(users.hanoi)
    huge = "99999999999999999999"
    for path in (
        f"/organizations/people/{huge}/",
        f"/organizations/people/{huge}/edit/",
        f"/organizations/people/{huge}/history/",
        f"/api/organizations/people/{huge}/",
    ):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/organizations/people/{huge}/delete/").status_code == 404
    patch = client.patch(f"/api/organizations/people/{huge}/", {}, content_type="application/json")
    assert patch.status_code == 404
