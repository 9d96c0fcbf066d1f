"""Another publisher's IATI file in a real browser: the dry run names each place, the import
lists the places not placed, and a province chosen by hand places the activity."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FILE = Path(__file__).resolve().parent.parent / "tests" / "aid" / "data" / "publishers-vn.xml"


def test_import_report_and_the_not_placed_list(visit, phone_visit):
    page = visit.log_in("central")
    page = visit.go("/aid/activities/iati/import/?lang=en")
    page.set_input_files("input[name=file]", str(FILE))
    page.check("input[name=dry_run]")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    expect(page.locator("#iati-report")).to_contain_text("Dry run: nothing was written.")
    expect(page.locator("#iati-places")).to_contain_text("6 not placed")
    visit.screenshot("60-iati-dry-run")

    page.set_input_files("input[name=file]", str(FILE))
    page.uncheck("input[name=dry_run]")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    expect(page.locator("#iati-report")).to_contain_text("What was done")
    expect(page.locator("#iati-report")).to_contain_text("27 added")
    with page.expect_navigation():
        page.click("#iati-places a")
    expect(page.locator("table tbody tr")).to_have_count(6)
    visit.screenshot("61-not-placed-list")

    with page.expect_navigation():
        page.click("tr:has-text('Northern Mountainous Region') >> text=Choose the province")
    page.select_option("select[name=province]", label="Lao Cai (before 1/7/2025)")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    expect(page.locator("main")).to_contain_text("Lao Cai")
    visit.screenshot("62-placed-by-hand")

    phone = phone_visit.log_in("central")
    phone = phone_visit.go("/aid/unplaced-locations/?lang=vi")
    expect(phone.locator("main")).to_contain_text("Chọn tỉnh, thành phố")
    phone_visit.screenshot("63-not-placed-list-phone")
    assert visit.foreign_hosts == set()
