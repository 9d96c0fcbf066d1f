"""Fixtures shared by every test: a small federation and one user of each role, and the demo
data set loaded once per worker for the tests that read it (`shared_demo`)."""

from datetime import date
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from amity.accounts.choices import Role
from amity.accounts.models import User
from amity.core.management.commands.demo import Command as DemoCommand
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


# --- the demo data set, shared by the tests that read it ------------------------------------------
#
# `amity demo` writes thousands of rows in every app: loaded for each test that reads it, it was
# the longest part of the suite. A test that reads it is marked `django_db` and asks for the
# `shared_demo` fixture; a module whose tests want the set drawn around another day than today
# says which with `pytestmark = pytest.mark.demo_on(date(...))`. The set is loaded once per
# worker and day, in an outer transaction opened before the test's own (a module-scoped fixture
# comes before the function-scoped `db`) and rolled back as soon as the tests of that day are
# done: no other test ever sees its rows, and each test's writes are rolled back after it as
# usual. The tests of one day run one after the other, on one worker (`xdist_group`, with
# `--dist loadgroup`), and first: before the transactional tests have flushed the reference
# data the demo builds on. (pytest-xdist 3.8 names a group in `item._nodeid`, which pytest 9
# no longer reads: until it does, the groups are not kept and each worker loads each day at
# most once, as its demo tests still come first and by day.)


def demo_day_of(item) -> date | None | bool:
    """The day `item` wants the shared demo loaded on (None: today), False if it does not."""
    if item is None or "shared_demo" not in getattr(item, "fixturenames", ()):
        return False
    marker = item.get_closest_marker("demo_on")
    return marker.args[0] if marker else None


class SharedDemo:
    """The demo data set loaded in an open outer transaction, on one day at a time."""

    def __init__(self):
        self.blocker = None
        self.loaded = None  # the atomic block that holds the load
        self.day: date | None = None
        self.output = ""  # what the command printed

    def ensure(self, blocker, day: date | None) -> None:
        if self.loaded is not None and self.day == day:
            return
        self.unload()
        if connection.in_atomic_block:
            raise RuntimeError("the shared demo is loaded before the test's own transaction")
        self.blocker = blocker
        with blocker.unblock():
            self.loaded = transaction.atomic()
            self.loaded.__enter__()
            args = ["--today", day.isoformat()] if day else []
            out = StringIO()
            call_command("demo", *args, stdout=out)
        self.day, self.output = day, out.getvalue()

    def unload(self) -> None:
        if self.loaded is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.loaded.__exit__(None, None, None)
            # what the next tests see: not one organization of the demo's tree
            assert not DemoCommand.holds_a_tree(), "the shared demo was not rolled back"
        self.loaded = None


SHARED_DEMO = SharedDemo()


@pytest.fixture(scope="session")
def _shared_demo_session(django_db_setup):
    """Rolls the last load back before the test database goes."""
    yield SHARED_DEMO
    SHARED_DEMO.unload()


@pytest.fixture(scope="module")
def _shared_demo_loaded(request, _shared_demo_session, django_db_blocker):
    """Loads the demo on the module's `demo_on` day (today by default) unless it is loaded."""
    marker = request.node.get_closest_marker("demo_on")
    _shared_demo_session.ensure(django_db_blocker, marker.args[0] if marker else None)


@pytest.fixture
def shared_demo(request, _shared_demo_loaded, db):
    """The demo data set, loaded once for the tests of its day: the command's output."""
    wanted = demo_day_of(request.node)
    if SHARED_DEMO.loaded is None or SHARED_DEMO.day != wanted:
        raise RuntimeError(f"the demo of {wanted or 'today'} is not loaded (demo_on: per module)")
    return SHARED_DEMO.output


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "demo_on(day): the day the shared demo data set is drawn around (shared_demo)"
    )


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """One xdist group per demo day, named before xdist reads the groups; then, once pytest-django
    has put the database tests first, the demo's tests before them all, a day's tests together."""
    for item in items:
        day = demo_day_of(item)
        if day is not False:
            item.add_marker(pytest.mark.xdist_group(f"demo-{day or 'today'}"))
    result = yield
    days = {id(item): demo_day_of(item) for item in items}
    items.sort(key=lambda item: (1, "") if days[id(item)] is False else (0, str(days[id(item)])))
    return result


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """Roll the shared demo back once the tests of its day are done on this worker."""
    result = yield
    wanted = demo_day_of(nextitem) if nextitem is not None else False
    if wanted is False or wanted != SHARED_DEMO.day:
        SHARED_DEMO.unload()
    return result
