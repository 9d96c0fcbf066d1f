"""`amity demo`: the demo data set loads, is marked as demo, and follows the 2025 merger."""

from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from amity.accounts.choices import Role
from amity.accounts.models import User
from amity.organizations import services
from amity.organizations.choices import OrganizationKind, OrganizationStatus
from amity.organizations.models import (
    Committee,
    Congress,
    MeetingAttendance,
    Organization,
    Person,
    StaffingRecord,
)

DEMO_USERS = {
    "admin": Role.SYSTEM_ADMIN,
    "central": Role.CENTRAL_OFFICER,
    "viewer": Role.VIEWER,
    "hanoi": Role.UNIT_OFFICER,
    "danang": Role.UNIT_OFFICER,
}


def counts():
    return {
        model.__name__: model.all_objects.count()
        for model in (Organization, Person, Congress, Committee, MeetingAttendance, StaffingRecord)
    } | {"User": User.objects.count()}


def test_demo_data_set(shared_demo):
    output = shared_demo
    for username in DEMO_USERS:
        assert username in output
    assert "amity-demo" in output

    # The five log-ins, with their roles, and the shared password.
    for username, role in DEMO_USERS.items():
        user = User.objects.get(username=username)
        assert user.role == role
        assert user.organization is not None
        request = RequestFactory().post("/accounts/login/")
        assert authenticate(request, username=username, password="amity-demo") == user
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert admin.organization.kind == OrganizationKind.CENTRAL_UNION
    assert User.objects.get(username="central").organization.kind == (
        OrganizationKind.STANDING_UNIT
    )

    # The tree, all of it marked as demo.
    organizations = Organization.objects.all()
    assert not organizations.exclude(notes__contains="[demo]").exists()
    assert not organizations.exclude(external_ref__startswith="demo-").exists()
    assert not Person.objects.exclude(notes__contains="[demo]").exists()
    assert not Person.objects.exclude(external_ref__startswith="demo-").exists()
    assert organizations.filter(kind=OrganizationKind.CENTRAL_UNION).count() == 1
    assert organizations.filter(kind=OrganizationKind.CENTRAL_MEMBER).count() >= 20

    # 52 Unions before 1 July 2025; each is active, or merged into one that is.
    unions = organizations.filter(kind=OrganizationKind.PROVINCIAL_UNION)
    before = unions.filter(founded_on__lt=date(2025, 7, 1))
    assert before.count() == 52
    for union in before:
        carrier = services.carrier_on(union, date(2025, 7, 2))
        assert carrier.status == OrganizationStatus.ACTIVE, union
        assert carrier.province.is_current, union
        if union.status != OrganizationStatus.ACTIVE:
            assert union.status == OrganizationStatus.MERGED, union
            assert carrier != union
    active = unions.filter(status=OrganizationStatus.ACTIVE)
    assert active.count() == 34
    assert not active.filter(province__is_current=False).exists()

    # The unit officers' homes are the Unions that carry on after the merger.
    for username, code in (("hanoi", "01"), ("danang", "48")):
        home = User.objects.get(username=username).organization
        assert home.status == OrganizationStatus.ACTIVE
        assert home.province.is_current
        assert home.province.code == code

    # Every active Union has people, congresses, an executive committee and staffing.
    for union in active:
        assert 4 <= union.people.count() <= 10, union
        assert union.congresses.exists(), union
        executive = union.committees.get(kind="executive")
        assert 5 <= executive.members.count() <= 15, union
        assert 3 <= executive.meetings.count() <= 8, union
        assert union.staffing.filter(year=2025).exists(), union

    # Running it again with --if-empty writes nothing; without it, it refuses.
    loaded = counts()
    out = StringIO()
    call_command("demo", "--if-empty", stdout=out)
    assert "not loaded" in out.getvalue()
    assert counts() == loaded
    with pytest.raises(CommandError):
        call_command("demo", stdout=StringIO())
    assert counts() == loaded
