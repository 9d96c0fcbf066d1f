"""Aid statistics and an activity, in a real browser."""

import pytest
from playwright.sync_api import expect

# Same database arrangement as the registry's browser tests (see test_organizations_flow).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_statistics_with_charts_map_and_an_activity(visit):
    page = visit.log_in("central")
    page = visit.go("/aid/statistics/?lang=en")
    expect(page.locator("#chart-map canvas")).to_have_count(1)
    expect(page.locator("#chart-years canvas")).to_have_count(1)
    expect(page.locator("#chart-regions canvas")).to_have_count(1)
    expect(page.locator("#by-province tbody tr").first).to_be_visible()
    assert int(page.inner_text("#total-activities")) > 100
    expect(page.locator(".missing-rate").first).to_contain_text("AUD")
    page.wait_for_timeout(800)  # the charts' entry animation
    visit.screenshot("40-aid-statistics")

    # A period and the provinces as they were: the map gives way to the table.
    page.fill("input[name=year_from]", "2013")
    page.fill("input[name=year_until]", "2018")
    page.select_option("select[name=lineage]", "as_recorded")
    with page.expect_navigation():
        page.click("aside button[type=submit]")
    # the map redraws on the 63 provinces as they were before the 2025 merger
    expect(page.locator("#chart-map")).to_have_attribute("data-map-name", "as_recorded")
    expect(page.locator("#chart-map canvas")).to_have_count(1)
    expect(page.locator("#by-province")).to_contain_text("before 1/7/2025")
    visit.screenshot("41-aid-statistics-as-they-were")

    # From the list to one activity, its transactions, in Vietnamese.
    page = visit.go("/aid/activities/?lang=vi")
    with page.expect_navigation():
        page.click("table tbody tr >> nth=0 >> a")
    expect(page.locator("#activity-totals")).to_be_visible()
    expect(page.locator("#provinces li").first).to_be_visible()
    visit.screenshot("42-aid-activity")
    with page.expect_navigation():
        page.click(".nav-tabs a[href$='?tab=transactions']")
    expect(page.locator("#transactions tbody tr").first).to_be_visible()
    visit.screenshot("43-aid-activity-transactions")
    with page.expect_navigation():
        page.click("main a.btn-primary[href$='/edit/']")
    expect(page.locator("select[name=provinces_key]").first).to_be_visible()
    visit.screenshot("44-aid-activity-form")
    assert visit.foreign_hosts == set()
