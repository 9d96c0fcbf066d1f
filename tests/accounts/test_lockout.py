"""Failed log-ins lock the user name whatever the address, and throttle the address whatever the
user name (issue 14, item 11)."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

A, B, C = "203.0.113.1", "198.51.100.2", "192.0.2.3"


def log_in(client, username, password, address):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def get_token(client, username, password, address):
    return client.post(
        "/api/auth/token/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_the_account_is_locked_whatever_the_address(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "hanoi", "wrong", A).status_code == 200
    assert log_in(client, "hanoi", "wrong", A).status_code == 429  # the last one locks
    refused = log_in(client, "hanoi", "amity-demo", B)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert get_token(client, "hanoi", "amity-demo", C).status_code == 429
    # another account is not locked by it
    assert log_in(client, "danang", "amity-demo", B).status_code == 302


def test_the_documented_command_unlocks_the_account(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "hanoi", "wrong", A)
    assert log_in(client, "hanoi", "amity-demo", B).status_code == 429
    call_command("axes_reset_username", "hanoi", stdout=open("/dev/null", "w"))
    assert log_in(client, "hanoi", "amity-demo", B).status_code == 302
    assert client.session["_auth_user_id"] == str(users.hanoi.pk)


def test_failures_spread_over_user_names_lock_the_address(client, users, orgs):
    limit = settings.AXES_IP_FAILURE_LIMIT
    assert limit > settings.AXES_FAILURE_LIMIT  # an office behind one address is not locked by
    # a few typing mistakes of its staff
    for n in range(limit - 1):
        assert log_in(client, f"guess{n}", "wrong", A).status_code == 200, n
    assert log_in(client, "guess-last", "wrong", A).status_code == 429
    assert log_in(client, "hanoi", "amity-demo", A).status_code == 429
    assert get_token(client, "hanoi", "amity-demo", A).status_code == 429
    # the accounts themselves are not locked: from another address they log in
    assert log_in(client, "hanoi", "amity-demo", B).status_code == 302


def test_a_valid_log_in_does_not_clear_the_address(client, users):
    """A caller with one real account must not reset the address's count by logging in with it."""
    limit = settings.AXES_IP_FAILURE_LIMIT
    for n in range(limit - 1):
        log_in(client, f"guess{n}", "wrong", A)
    assert log_in(client, "danang", "amity-demo", A).status_code == 302
    client.post(reverse("accounts:logout"))
    log_in(client, "guess-last", "wrong", A)
    assert log_in(client, "hanoi", "amity-demo", A).status_code == 429


def test_a_valid_log_in_forgives_the_users_own_mistakes(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "hanoi", "wrong", A)
    assert log_in(client, "hanoi", "amity-demo", A).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "hanoi", "wrong", A)
    assert log_in(client, "hanoi", "amity-demo", A).status_code == 302


def test_the_token_endpoint_counts_failures_too(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert get_token(client, "hanoi", "wrong", A).status_code == 400
    assert get_token(client, "hanoi", "wrong", A).status_code == 429
    locked = get_token(client, "hanoi", "amity-demo", B)
    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/json"
    assert locked["Retry-After"] == "900"
    assert "token" not in locked.json()
    assert log_in(client, "hanoi", "amity-demo", B).status_code == 429


def test_admin_with_the_right_password_but_no_code_is_not_counted_as_a_failure(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = get_token(client, "admin", "amity-demo", A)
        assert response.status_code == 400 and "otp_token" in response.json()
