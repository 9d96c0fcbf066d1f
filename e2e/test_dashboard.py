"""The home page of a unit officer, on a laptop and on a phone, with the demo data set."""

import pytest
from playwright.sync_api import expect

# Same database arrangement as the registry's browser tests (see test_organizations_flow).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PANELS = ("#panel-partners-dormant", "#panel-partners-recent-interactions")


def hanoi_has_recent_interactions() -> bool:
    """Whether the home page's recent interactions panel has something for `hanoi`: asked of
    the panel's own query (the demo gives Ha Noi a few in the last weeks)."""
    from amity.accounts.models import User
    from amity.partners.dashboard import recent_interactions_of

    return recent_interactions_of(User.objects.get(username="hanoi")).exists()


def test_hanoi_officer_lands_on_the_dashboard(visit):
    page = visit.log_in("hanoi")
    assert page.url == visit.base_url + "/"
    expect(page.locator(PANELS[0])).to_be_visible()
    # the demo gives Ha Noi interactions in the panel's last 30 days, so the panel is shown
    assert hanoi_has_recent_interactions()
    expect(page.locator(PANELS[1])).to_be_visible()
    expect(page.locator("#federation-tree")).to_be_visible()
    visit.screenshot("30-dashboard-hanoi")

    # "See all" of the dormant partners opens the list of the partners the badge counts.
    count = page.inner_text("#panel-partners-dormant .panel-count")
    with page.expect_navigation():
        page.click("#panel-partners-dormant .see-all")
    assert "dormant=true" in page.url and "held=true" not in page.url
    if not count.endswith("+"):
        expect(page.locator("main")).to_contain_text(count)

    page = visit.go("/?lang=en")
    expect(page.locator("#panel-partners-dormant h2")).to_contain_text("Dormant partners")
    visit.screenshot("31-dashboard-hanoi-en")
    assert visit.foreign_hosts == set(), visit.foreign_hosts


def test_the_dashboard_fits_a_phone(phone_visit):
    page = phone_visit.log_in("hanoi")
    assert page.url == phone_visit.base_url + "/"
    expect(page.locator(PANELS[0])).to_be_visible()
    phone_visit.screenshot("32-dashboard-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1  # nothing wider than the screen
    assert phone_visit.foreign_hosts == set()
