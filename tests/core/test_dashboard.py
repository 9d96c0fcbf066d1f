"""The home page: a registry of panels that the domains fill, shown to signed-in users only."""

import pytest
from django.urls import reverse

from amity.core import dashboard

pytestmark = pytest.mark.django_db


@pytest.fixture
def extra_panels():
    """Two panels of a pretend domain, removed again after the test."""
    calls = []

    @dashboard.register_panel(
        key="test.shown", title="Shown panel", template="core/dashboard_panel_test.html", order=1
    )
    def shown(request):
        calls.append(request.user.username)
        return {"count": 7, "see_all": "/somewhere/"}

    @dashboard.register_panel(key="test.hidden", title="Hidden panel", template="x.html", order=2)
    def hidden(request):
        return None

    yield calls
    dashboard.unregister_panel("test.shown")
    dashboard.unregister_panel("test.hidden")


@pytest.fixture
def panel_template(settings, tmp_path):
    folder = tmp_path / "templates" / "core"
    folder.mkdir(parents=True)
    (folder / "dashboard_panel_test.html").write_text("<p id='test-body'>{{ data.count }}</p>")
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path / "templates", *engine["DIRS"]]}]


def test_anonymous_users_are_sent_to_the_log_in_page(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next=/"


def test_home_is_the_dashboard_with_the_federation_tree_at_hand(client, orgs, users, login):
    login(users.hanoi)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert [template.name for template in response.templates][0] == "core/dashboard.html"
    html = response.content.decode()
    assert f'href="{reverse("organizations:tree")}"' in html
    assert 'id="federation-tree"' in html
    assert orgs.hanoi.get_absolute_url() in html  # the officer's own organization


def test_with_nothing_to_show_the_page_says_so(client, orgs, users, login, english):
    login(users.hanoi)
    response = client.get("/")
    assert response.context["panels"] == []
    assert "Nothing needs your attention right now." in response.content.decode()


def test_panels_are_shown_in_order_and_none_hides_one(
    client, orgs, users, login, extra_panels, panel_template
):
    login(users.danang)
    response = client.get("/")
    keys = [shown.panel.key for shown in response.context["panels"]]
    assert keys == ["test.shown"]  # the partners' panels have nothing to say on an empty base
    assert extra_panels == ["danang"]
    html = response.content.decode()
    assert 'id="panel-test-shown"' in html
    assert "<p id='test-body'>7</p>" in html
    assert 'href="/somewhere/"' in html
    assert "Hidden panel" not in html


def test_registering_a_key_again_replaces_the_panel(extra_panels):
    before = len(dashboard.panels())

    @dashboard.register_panel(key="test.shown", title="Again", template="y.html", order=99)
    def again(request):
        return None

    panels = dashboard.panels()
    assert len(panels) == before
    assert next(panel for panel in panels if panel.key == "test.shown").title == "Again"
    assert panels[-1].key == "test.shown" or panels[-1].order >= 99


def test_the_apps_panels_are_discovered():
    keys = [panel.key for panel in dashboard.panels() if panel.key.startswith("partners.")]
    assert keys == [
        "partners.follow_ups",
        "partners.expiring_registrations",
        "partners.dormant",
        "partners.recent_interactions",
    ]


def test_vietnamese_by_default_and_english_on_request(client, orgs, users, login):
    login(users.hanoi)
    vietnamese = client.get("/").content.decode()
    assert '<html lang="vi">' in vietnamese
    assert "Trang chủ · Amity" in vietnamese
    assert "Hệ thống Liên hiệp" in vietnamese  # the link to the tree
    english = client.get("/", {"lang": "en"}).content.decode()
    assert '<html lang="en">' in english
    assert "Home · Amity" in english
    assert "The federation" in english


# --- the helpers of issue 21 (the home within 150 ms) -------------------------------------------


def test_capped_counts_count_the_conditions_in_the_same_query_under_the_cap(orgs):
    from django.db import connection
    from django.db.models import Q
    from django.test.utils import CaptureQueriesContext

    from amity.organizations.models import Organization

    every = Organization.objects.all()
    with CaptureQueriesContext(connection) as queries:
        totals = dashboard.capped_counts(every, top=Q(parent=None), none=Q(pk=-1))
    assert totals == {"count": every.count(), "top": 1, "none": 0}
    assert len(queries) == 1


def test_capped_counts_past_the_cap_count_each_condition_on_its_own(orgs, monkeypatch):
    """Past the cap, the first rows read are not all of them: a condition met only by rows
    after them would be counted 0 if it were counted among them."""
    from django.db.models import Q

    from amity.organizations.models import Organization

    monkeypatch.setattr(dashboard, "COUNT_CAP", 1)
    every = Organization.objects.order_by("id")
    last = every.last()
    totals = dashboard.capped_counts(every, last=Q(pk=last.pk), top=Q(parent=None))
    assert totals == {"count": 2, "last": 1, "top": 1}


def test_read_once_shares_a_read_within_the_home_only():
    reads = []

    def read():
        reads.append(1)
        return [len(reads)]

    assert dashboard.read_once(("k",), read) == [1]
    assert dashboard.read_once(("k",), read) == [2]  # outside the home: read afresh
    with dashboard.shared_reads():
        assert dashboard.read_once(("k",), read) == [3]
        assert dashboard.read_once(("k",), read) == [3]
        assert dashboard.read_once(("other",), read) == [4]
    assert dashboard.read_once(("k",), read) == [5]
