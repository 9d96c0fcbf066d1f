"""Log-in, two-factor authentication, throttling, the API token."""

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from amity.accounts.choices import Role
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def code_for(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_password_is_hashed_with_argon2(users):
    users.hanoi.refresh_from_db()
    # The test settings use MD5 for speed; production's first hasher is Argon2.
    from amity import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert users.hanoi.check_password("amity-demo")


def test_login_and_logout(client, users):
    response = client.post(
        reverse("accounts:login"), {"username": "hanoi", "password": "amity-demo"}
    )
    assert response.status_code == 302
    assert client.get(reverse("organizations:tree")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("organizations:tree")).status_code == 302


def test_failed_logins_are_throttled(client, users):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "hanoi", "password": "wrong"})
    locked = client.post(reverse("accounts:login"), {"username": "hanoi", "password": "amity-demo"})
    assert locked.status_code == 429
    assert client.get(reverse("organizations:tree")).status_code == 302


def _session_expiry(client):
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_idle_sessions_expire_from_the_last_request(client, users, login, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    login(users.hanoi)
    page = reverse("organizations:tree")
    client.get(page)
    first = _session_expiry(client)
    settings.SESSION_REFRESH_SECONDS = 0  # as if a minute had passed: the expiry moves on
    client.get(page)
    moved = _session_expiry(client)
    assert moved > first
    settings.SESSION_REFRESH_SECONDS = 3600  # within the margin: reading writes nothing
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(page)
    assert _session_expiry(client) == moved
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))]


def test_admin_must_set_up_two_factor_before_anything_else(client, orgs):
    admin = make_user("root", Role.SYSTEM_ADMIN, orgs.central)
    client.force_login(admin)
    response = client.get(reverse("organizations:tree"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    assert client.get("/api/organizations/organizations/").status_code == 403
    setup = client.get(reverse("accounts:two_factor"))
    assert setup.context["setting_up"] is True
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    wrong = client.post(reverse("accounts:two_factor"), {"token": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp slows down guessing
    device.throttle_reset()
    done = client.post(reverse("accounts:two_factor"), {"token": code_for(device), "next": "/"})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.get(reverse("organizations:tree")).status_code == 200


def test_the_qr_code_is_an_svg_image_a_browser_draws(client, orgs):
    """An SVG shown through <img> is drawn only with its namespace (issue 16, item 1)."""
    from urllib.parse import unquote
    from xml.etree import ElementTree

    client.force_login(make_user("root", Role.SYSTEM_ADMIN, orgs.central))
    qr = client.get(reverse("accounts:two_factor")).context["qr"]
    header, _comma, data = qr.partition(",")
    assert header == "data:image/svg+xml;charset=utf-8"
    root = ElementTree.fromstring(unquote(data))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert int(root.get("width")) == int(root.get("height")) > 100


def test_two_factor_is_optional_for_officers(client, users, login):
    login(users.hanoi)
    assert client.get(reverse("organizations:tree")).status_code == 200
    assert client.get(reverse("accounts:two_factor")).status_code == 200


def test_api_token(client, users):
    response = client.post("/api/auth/token/", {"username": "hanoi", "password": "amity-demo"})
    assert response.status_code == 200
    token = response.json()["token"]
    listing = client.get("/api/organizations/organizations/", HTTP_AUTHORIZATION=f"Token {token}")
    assert listing.status_code == 200
    assert listing.json()["count"] == 2  # the Ha Noi Union and its member association


def test_api_token_refuses_bad_credentials_and_admins_without_a_code(client, users):
    bad = client.post("/api/auth/token/", {"username": "hanoi", "password": "nope"})
    assert bad.status_code == 400
    admin = client.post("/api/auth/token/", {"username": "admin", "password": "amity-demo"})
    assert admin.status_code == 400
    assert "otp_token" in admin.json()
    device = TOTPDevice.objects.get(user=users.admin)
    with_code = client.post(
        "/api/auth/token/",
        {"username": "admin", "password": "amity-demo", "otp_token": code_for(device)},
    )
    assert with_code.status_code == 200


def test_api_schema_and_docs_are_served_locally(client, users, login):
    login(users.hanoi)
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/organizations/organizations/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs
    assert "https://" not in docs.split("<body")[0]  # no asset from another host


def test_api_stale_version_is_409(client, orgs, users, login):
    login(users.hanoi)
    url = f"/api/organizations/organizations/{orgs.hanoi.pk}/"
    stale = orgs.hanoi.version
    assert (
        client.patch(
            url, {"website": "https://a.example", "version": stale}, content_type="application/json"
        ).status_code
        == 200
    )
    conflict = client.patch(
        url, {"website": "https://b.example", "version": stale}, content_type="application/json"
    )
    assert conflict.status_code == 409
    orgs.hanoi.refresh_from_db()
    assert orgs.hanoi.website == "https://a.example"


def test_api_duplicate_reference_is_400_not_500(client, orgs, users, login):
    orgs.hanoi_member.external_ref = "ref-1"
    orgs.hanoi_member.save()
    login(users.hanoi)
    data = {
        "name": "Hội Y",
        "kind": "local_member",
        "parent": orgs.hanoi.pk,
        "external_ref": "ref-1",
    }
    response = client.post(
        "/api/organizations/organizations/", data, content_type="application/json"
    )
    assert response.status_code == 400


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_user_is_named_family_name_first_in_both_languages(client, orgs, login, language):
    """Django's own `get_full_name` gives "Thu Hà Trần"; Viet Nam writes "Trần Thu Hà"."""
    officer = make_user(
        "thuha", Role.CENTRAL_OFFICER, orgs.department, first_name="Thu Hà", last_name="Trần"
    )
    assert officer.get_full_name() == "Trần Thu Hà"
    assert str(officer) == "Trần Thu Hà"
    assert str(make_user("solo", Role.VIEWER, orgs.central, last_name="Trần ")) == "Trần"
    assert str(make_user("anon", Role.VIEWER, orgs.central)) == "anon"
    login(officer)
    page = client.get(reverse("home"), {"lang": language}).content.decode()
    assert "Trần Thu Hà" in page
    assert "Thu Hà Trần" not in page
