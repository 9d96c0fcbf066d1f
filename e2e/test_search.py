"""The search across domains in a real browser, as the demo users: "/" focuses the box of the
navigation, Enter shows the results grouped by kind; Ctrl+K in English with a typo; a phone."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e.conftest import scrolls_sideways

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DOCS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def test_a_unit_officer_searches_from_the_navigation(visit):
    page = visit.log_in("hanoi")
    page.keyboard.press("/")
    expect(page.locator("#nav-search")).to_be_focused()
    page.keyboard.type("hoi huu nghi ha noi")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/?q=hoi+huu+nghi+ha+noi" in page.url
    groups = page.locator("section.search-group")
    expect(groups.first).to_be_visible()
    expect(page.locator("#search-organizations")).to_contain_text("Hà Nội")
    expect(page.locator("#search-organizations mark").first).to_be_visible()
    # the search box keeps the query, the group links to its list filtered by it
    expect(page.locator("#nav-search")).to_have_value("hoi huu nghi ha noi")
    see_all = page.locator("#search-organizations .card-footer a")
    expect(see_all).to_have_attribute("href", "/organizations/organizations/?q=hoi+huu+nghi+ha+noi")
    DOCS.mkdir(exist_ok=True)
    shutil.copy(visit.screenshot("130-search-results"), DOCS / "130-search-results.png")
    assert not visit.foreign_hosts


def test_control_k_and_a_typo_in_english(visit):
    page = visit.log_in("central")
    page = visit.go("/?lang=en")
    page.keyboard.press("Control+k")
    expect(page.locator("#nav-search")).to_be_focused()
    page.keyboard.type("Frnace")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#search-corrected")).to_contain_text("france")
    expect(page.locator("#search-partners")).to_contain_text("France")
    visit.screenshot("131-search-typo-en")


def test_search_on_a_phone(phone_visit):
    page = phone_visit.log_in("danang")
    page.keyboard.press("/")  # the menu is folded: the search page opens
    page.wait_for_url("**/search/")
    page.fill("#search-page-q", "da nang")
    with page.expect_navigation():
        page.click("#search-page-form button[type=submit]")
    expect(page.locator("section.search-group").first).to_be_visible()
    assert not scrolls_sideways(page)
    phone_visit.screenshot("132-search-phone")
