"""API tokens expire, die with a password change, and their user sees and revokes them
(issue 14, item 12)."""

import importlib
from datetime import timedelta
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from amity.accounts.models import ApiToken
from amity.accounts.services import create_api_token
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

ORGANIZATIONS = "/api/organizations/organizations/"


def api_get(client, key, url=ORGANIZATIONS):
    """A request with the token alone: a fresh client, so that no session speaks for it."""
    return Client().get(url, HTTP_AUTHORIZATION=f"Token {key}")


def obtain(client, username="hanoi", password="amity-demo"):
    response = client.post("/api/auth/token/", {"username": username, "password": password})
    assert response.status_code == 200
    assert list(response.json()) == ["token"]
    return response.json()["token"]


def test_the_endpoint_gives_a_new_key_kept_only_as_a_digest(client, users, settings):
    settings.API_TOKEN_LIFETIME_DAYS = 7
    key = obtain(client)
    second = obtain(client)
    assert key != second and len(key) == 40
    assert api_get(client, key).status_code == 200
    token = ApiToken.objects.get(prefix=key[:8])
    assert token.user == users.hanoi and key not in (token.digest, token.prefix)
    expected = timezone.now() + timedelta(days=7)
    assert abs(token.expires_at - expected) < timedelta(minutes=1)
    assert token.last_used_at is not None  # the request above
    assert ApiToken.objects.filter(user=users.hanoi).count() == 2


def test_lifetime_zero_means_no_expiry(users, settings):
    settings.API_TOKEN_LIFETIME_DAYS = 0
    token, _key = create_api_token(users.hanoi)
    assert token.expires_at is None


def test_an_expired_token_is_refused_with_401(client, users):
    token, key = create_api_token(users.hanoi)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = api_get(client, key)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert api_get(client, "0" * 40).status_code == 401
    # the calendar feed, which also takes a token, refuses it too
    assert api_get(client, key, "/events/calendar.ics").status_code == 401


def test_an_inactive_users_token_is_refused(client, users):
    _token, key = create_api_token(users.hanoi)
    users.hanoi.is_active = False
    users.hanoi.save()
    assert api_get(client, key).status_code == 401


def test_the_password_change_page_revokes_the_tokens(client, users, login):
    _token, key = create_api_token(users.hanoi)
    _other, danang_key = create_api_token(users.danang)
    login(users.hanoi)
    new = "Another-passw0rd!"
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "amity-demo", "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert api_get(client, key).status_code == 401
    assert not ApiToken.objects.filter(user=users.hanoi).exists()
    assert api_get(client, danang_key).status_code == 200  # nobody else's


def test_the_admins_password_form_revokes_the_tokens(client, users):
    _token, key = create_api_token(users.hanoi)
    log_in(client, users.admin)
    new = "Another-passw0rd!"
    response = client.post(
        reverse("admin:auth_user_password_change", args=[users.hanoi.pk]),
        {"password1": new, "password2": new, "usable_password": "true"},
    )
    assert response.status_code == 302
    users.hanoi.refresh_from_db()
    assert users.hanoi.check_password(new)
    assert api_get(client, key).status_code == 401


def test_the_changepassword_command_revokes_the_tokens(client, users):
    _token, key = create_api_token(users.hanoi)
    with mock.patch("getpass.getpass", return_value="Another-passw0rd!"):
        call_command("changepassword", "hanoi", stdout=mock.Mock())
    assert api_get(client, key).status_code == 401


def test_disabling_the_password_revokes_the_tokens(client, users):
    _token, key = create_api_token(users.hanoi)
    users.hanoi.set_unusable_password()
    users.hanoi.save()
    assert api_get(client, key).status_code == 401


def test_other_saves_of_the_user_keep_the_tokens(client, users):
    _token, key = create_api_token(users.hanoi)
    users.hanoi.first_name = "Lan"
    users.hanoi.save()
    assert (
        client.post(
            reverse("accounts:login"), {"username": "hanoi", "password": "amity-demo"}
        ).status_code
        == 302
    )  # a log-in writes last_login
    # a log-in that re-hashes the same password (after a hasher upgrade) keeps them too
    users.hanoi.refresh_from_db()
    with mock.patch("django.contrib.auth.hashers.MD5PasswordHasher.must_update", return_value=True):
        assert users.hanoi.check_password("amity-demo")
    assert api_get(client, key).status_code == 200


def test_the_page_lists_my_tokens_by_prefix_and_revokes_them(client, users, login, english):
    token, key = create_api_token(users.hanoi)
    other, _other_key = create_api_token(users.danang)
    login(users.hanoi)
    page = client.get(reverse("accounts:api_tokens"))
    assert page.status_code == 200
    assert list(page.context["tokens"]) == [token]
    content = page.content.decode()
    assert f"{key[:8]}…" in content and key not in content
    assert _other_key[:8] not in content
    assert (
        reverse("accounts:api_tokens") in client.get(reverse("organizations:tree")).content.decode()
    )
    revoke = reverse("accounts:api_token_revoke", args=[token.pk])
    assert client.get(revoke).status_code == 405
    assert client.post(reverse("accounts:api_token_revoke", args=[other.pk])).status_code == 404
    assert ApiToken.objects.filter(pk=other.pk).exists()
    done = client.post(revoke, follow=True)
    assert done.redirect_chain == [(reverse("accounts:api_tokens"), 302)]
    assert "was revoked" in done.content.decode()
    assert api_get(client, key).status_code == 401


def test_the_page_makes_a_token_and_shows_its_key_once(client, users, login, english):
    login(users.hanoi)
    made = client.post(reverse("accounts:api_tokens"))
    assert made.status_code == 200
    token = ApiToken.objects.get(user=users.hanoi)
    key = made.context["new_key"]
    assert key[:8] == token.prefix and key in made.content.decode()
    assert api_get(client, key).status_code == 200
    again = client.get(reverse("accounts:api_tokens")).content.decode()
    assert key not in again and f"{key[:8]}…" in again  # shown once, then only its prefix
    assert not [value for value in client.session.values() if key in str(value)]
    log_in(client, users.viewer)  # a viewer reads through the API too
    assert client.post(reverse("accounts:api_tokens")).status_code == 200
    assert ApiToken.objects.filter(user=users.viewer).count() == 1


def test_the_page_is_in_vietnamese_by_default(client, users, login):
    create_api_token(users.hanoi)
    login(users.hanoi)
    content = client.get(reverse("accounts:api_tokens")).content.decode()
    assert "Thu hồi" in content


def test_the_api_lists_and_revokes_my_tokens(client, users):
    token, key = create_api_token(users.hanoi)
    other, other_key = create_api_token(users.danang)
    listing = api_get(client, key, "/api/auth/tokens/")
    assert listing.status_code == 200
    rows = listing.json()["results"]
    assert [row["id"] for row in rows] == [token.pk]
    assert set(rows[0]) == {"id", "prefix", "created_at", "last_used_at", "expires_at"}
    assert rows[0]["prefix"] == key[:8]
    url = f"/api/auth/tokens/{other.pk}/"
    assert client.delete(url, HTTP_AUTHORIZATION=f"Token {key}").status_code == 404
    assert api_get(client, other_key).status_code == 200
    mine = f"/api/auth/tokens/{token.pk}/"
    assert client.delete(mine, HTTP_AUTHORIZATION=f"Token {key}").status_code == 204
    assert api_get(client, key).status_code == 401
    assert client.get("/api/auth/tokens/").status_code == 403  # anonymous


def test_token_pages_need_the_second_factor(client, users):
    client.force_login(users.admin)  # password given, TOTP code not yet
    page = client.get(reverse("accounts:api_tokens"))
    assert page.status_code == 302
    assert page["Location"].startswith(reverse("accounts:two_factor"))
    assert client.get("/api/auth/tokens/").status_code == 403


def test_drf_tokens_are_moved_on_upgrade(client, users, settings):
    settings.API_TOKEN_LIFETIME_DAYS = 30
    old = Token.objects.create(user=users.viewer)
    migration = importlib.import_module("amity.accounts.migrations.0003_api_token")
    migration.move_drf_tokens(apps, None)
    assert not Token.objects.exists()
    moved = ApiToken.objects.get(user=users.viewer)
    assert moved.prefix == old.key[:8] and moved.created_at == old.created
    assert api_get(client, old.key).status_code == 200


def test_a_write_by_token_names_the_token_user_in_the_history(client, users):
    """No session speaks for a token's request: the history still names who wrote."""
    from amity.partners.models import Partner

    key = obtain(client)
    response = Client().post(
        "/api/partners/partners/",
        {"name": "Mekong Friends", "kind": "ngo", "country": "SE"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 201, response.content
    partner = Partner.objects.get(pk=response.json()["id"])
    assert partner.history.get().history_user == users.hanoi
