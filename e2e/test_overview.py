"""The year in one picture in a real browser, with the demo data set: the centre's view of the
network and Ha Noi's Union beside its cluster, their charts and map drawn, a table opened, the
annual review downloaded, and the page on a phone."""

import pytest
from playwright.sync_api import expect

from e2e.conftest import ARTIFACTS, scrolls_sideways, signed_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = ARTIFACTS.parent.parent / "docs" / "screenshots"


def keep(page, name):
    """A screenshot for the docs (docs/screenshots/), as the user guide shows it."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def drawn(page, key):
    """The chart of `key` has been drawn by ECharts (a canvas in its box)."""
    expect(page.locator(f"#chart-{key} canvas").first).to_be_attached(timeout=10_000)


def test_the_centre_sees_the_network_and_downloads_the_review(browser, live_server, demo_data):
    context, visit = signed_in(browser, live_server.url, "central", "en")
    page = visit.go("/overview/?year=2025")
    expect(page.locator("#overview-subject")).to_contain_text("The whole network · 2025")
    for key in ("partners", "provinces", "regions", "sectors", "events"):
        drawn(page, key)
    expect(page.locator("#figure-aid_disbursed .figure-value")).not_to_have_text("0")
    # a chart's table opens under it
    page.click("#card-events summary")
    expect(page.locator("#table-events")).to_be_visible()
    expect(page.locator("#table-events tbody tr")).to_have_count(4)
    page.wait_for_load_state("networkidle")
    keep(page, "140-overview-centre")
    with page.expect_download() as download:
        page.click("#annual-review")
    assert download.value.suggested_filename.endswith(".docx")
    with page.expect_download() as download:
        page.click("#card-provinces .table-export")
    assert download.value.suggested_filename.endswith(".xlsx")
    assert visit.foreign_hosts == set()
    context.close()


def test_a_union_sees_itself_beside_its_cluster_in_vietnamese(browser, live_server, demo_data):
    from amity.accounts.models import User

    hanoi = User.objects.get(username="hanoi").organization
    context, visit = signed_in(browser, live_server.url, "hanoi", "vi")
    page = visit.go("/overview/?year=2025")
    expect(page.locator("#overview-subject")).to_contain_text(hanoi.name)
    # the chooser offers Ha Noi's Union alone
    assert page.locator("#id_organization option").all_inner_texts() == [hanoi.name]
    expect(page.locator("#cluster-note")).to_be_visible()
    drawn(page, "events")
    page.wait_for_load_state("networkidle")
    keep(page, "141-overview-province")
    # another Union's figures answer "not found"
    other = User.objects.get(username="danang").organization
    response = page.goto(f"{visit.base_url}/overview/?organization={other.pk}")
    assert response.status == 404
    context.close()

    context, visit = signed_in(browser, live_server.url, "hanoi", "vi", phone=True)
    page = visit.go("/overview/?year=2025")
    drawn(page, "events")
    assert not scrolls_sideways(page)
    visit.screenshot("142-overview-province-phone")
    context.close()
