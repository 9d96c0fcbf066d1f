"""Fixtures shared by every test: a small federation and one user of each role."""

from types import SimpleNamespace

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from amity.accounts.choices import Role
from amity.accounts.models import User
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_org(name, kind, parent=None, **extra):
    return Organization.objects.create(name=name, kind=kind, parent=parent, **extra)


@pytest.fixture
def orgs(db):
    central = make_org(
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        OrganizationKind.CENTRAL_UNION,
        name_en="Viet Nam Union of Friendship Organizations",
        short_name="VUFO",
    )
    department = make_org("Ban Tổ chức", OrganizationKind.STANDING_UNIT, central)
    hanoi = make_org(
        "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội",
        OrganizationKind.PROVINCIAL_UNION,
        central,
        name_en="Ha Noi Union",
    )
    hanoi_member = make_org(
        "Hội hữu nghị Việt – Lào thành phố Hà Nội", OrganizationKind.LOCAL_MEMBER, hanoi
    )
    danang = make_org(
        "Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng",
        OrganizationKind.PROVINCIAL_UNION,
        central,
        name_en="Da Nang Union",
    )
    return SimpleNamespace(
        central=central,
        department=department,
        hanoi=hanoi,
        hanoi_member=hanoi_member,
        danang=danang,
    )


def make_user(username, role, organization, **extra):
    user = User(username=username, role=role, organization=organization, **extra)
    user.set_password("amity-demo")
    user.save()
    return user


@pytest.fixture
def users(orgs):
    admin = make_user("admin", Role.SYSTEM_ADMIN, orgs.central, is_staff=True, is_superuser=True)
    TOTPDevice.objects.create(user=admin, name="default", confirmed=True)
    return SimpleNamespace(
        admin=admin,
        central=make_user("central", Role.CENTRAL_OFFICER, orgs.department),
        viewer=make_user("viewer", Role.VIEWER, orgs.central),
        hanoi=make_user("hanoi", Role.UNIT_OFFICER, orgs.hanoi),
        hanoi_viewer=make_user("hanoi_viewer", Role.VIEWER, orgs.hanoi),
        danang=make_user("danang", Role.UNIT_OFFICER, orgs.danang),
    )


def log_in(client, user):
    """Log `user` in; a system admin is also marked as having passed the TOTP check."""
    client.force_login(user)
    if user.requires_two_factor:
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def english(client, settings):
    """Pages in English, as after choosing it in the header (the default is Vietnamese)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def login(client):
    return lambda user: log_in(client, user)
