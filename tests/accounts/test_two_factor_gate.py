"""Before the second factor an admin reaches only the way in and the way out (issue 14, item 9)."""

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture
def half_logged_in(client, users, english):
    """The admin gave the right password but not yet the TOTP code."""
    client.force_login(users.admin)
    return client


def test_password_change_needs_the_second_factor(half_logged_in, users):
    client = half_logged_in
    page = client.get(reverse("accounts:password_change"))
    assert page.status_code == 302
    assert page["Location"] == f"{reverse('accounts:two_factor')}?next=/accounts/password/"
    changed = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "amity-demo",
            "new_password1": "n3w-Pass-w0rd!",
            "new_password2": "n3w-Pass-w0rd!",
        },
    )
    assert changed.status_code == 302
    assert changed["Location"].startswith(reverse("accounts:two_factor"))
    users.admin.refresh_from_db()
    assert users.admin.check_password("amity-demo")


def test_only_the_way_in_and_out_are_open_before_the_second_factor(half_logged_in):
    client = half_logged_in
    assert client.get(reverse("accounts:two_factor")).status_code == 200
    assert client.get("/healthz").status_code == 200
    for blocked in (reverse("accounts:password_change"), "/admin/", reverse("home")):
        response = client.get(blocked)
        assert response.status_code == 302, blocked
        assert response["Location"].startswith(reverse("accounts:two_factor")), blocked
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_session_api_needs_the_second_factor(half_logged_in, users):
    client = half_logged_in
    response = client.get("/api/organizations/organizations/")
    assert response.status_code == 403
    assert response.json() == {"detail": "Two-factor verification is required."}
    assert client.get("/api/").status_code == 403
    # once the code is given, the same session may use the API
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = users.admin.totpdevice_set.get().persistent_id
    session.save()
    assert client.get("/api/organizations/organizations/").status_code == 200
