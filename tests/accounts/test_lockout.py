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


PROXY = "10.0.0.5"  # nginx, as the application servers see it


def through_proxy(client, username, password, forwarded):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_behind_a_proxy_the_client_is_throttled_not_the_proxy(client, users, settings):
    settings.PROXY_COUNT = 1
    limit = settings.AXES_IP_FAILURE_LIMIT
    for n in range(limit):
        # a guesser may write what it likes left of the address nginx adds: not trusted
        through_proxy(client, f"guess{n}", "wrong", f"192.0.2.{n}, {A}")
    assert through_proxy(client, "hanoi", "amity-demo", A).status_code == 429
    # another office behind the same nginx logs in
    assert through_proxy(client, "danang", "amity-demo", B).status_code == 302


def test_the_client_address_read_from_the_proxies_header(rf, settings):
    from amity.accounts.lockout import client_address

    def address(forwarded=None, proxies=1):
        settings.PROXY_COUNT = proxies
        extra = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
        return client_address(rf.get("/", REMOTE_ADDR=PROXY, **extra))

    assert address(f"{B}, {A}") == A
    assert address(f"{C}, {B}, {A}", proxies=2) == B
    assert address(A, proxies=2) == PROXY  # shorter than the proxies: not through them
    assert address("not-an-address") == PROXY
    assert address(None) == PROXY
    assert address(f"{B}, {A}", proxies=0) == PROXY  # no proxy: the header is the client's say
    assert address(" 2001:db8::1 ") == "2001:db8::1"
