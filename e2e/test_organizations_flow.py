"""A unit officer's day with the registry, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

# The live server sees only committed data, so each test runs on a flushed database that is
# restored to its migrated state (the places) and then given the demo data set.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_hanoi_officer_edits_its_union_and_sees_the_history(visit):
    page = visit.log_in("hanoi")
    assert page.url == visit.base_url + "/"  # the dashboard, with the tree a click away
    with page.expect_navigation():
        page.click("#federation-tree")
    assert page.url.endswith("/organizations/")
    visit.screenshot("01-tree-hanoi")
    tree_text = page.inner_text(".tree")
    assert "Hà Nội" in tree_text
    assert "Đà Nẵng" not in tree_text  # another Union is out of scope

    with page.expect_navigation():
        page.click(".tree > ul > li > .tree-item > a")
    union_url = page.url
    assert re.search(r"/organizations/organizations/\d+/$", union_url)
    visit.screenshot("02-union-overview")

    with page.expect_navigation():
        page.click("text=Sửa")  # "Edit" in Vietnamese, the default language
    page.fill("input[name=phone]", "+84 24 3942 1111")
    page.fill("input[name=website]", "https://hanoi-union.example.vn")
    visit.screenshot("03-union-edit")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    visit.screenshot("03b-after-save")
    assert page.url == union_url
    assert "+84 24 3942 1111" in page.inner_text("main")

    page.click(".nav-tabs a[href$='/history/']")
    page.wait_for_load_state()
    history = page.inner_text("#history")
    assert "hanoi" in history.lower() or "Hà Nội" in history
    assert "+84 24 3942 1111" in history
    visit.screenshot("04-union-history")

    page.click("#language-menu")
    with page.expect_navigation():
        page.click("#lang-en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "History" in page.inner_text(".nav-tabs")
    visit.screenshot("05-union-history-en")

    assert visit.foreign_hosts == set(), visit.foreign_hosts


def test_bad_input_is_shown_on_the_field(visit):
    page = visit.log_in("hanoi")
    page = visit.go("/organizations/people/add/")
    page.fill("input[name=full_name]", "Nguyễn Thị Hoa")
    page.fill("input[name=email]", "not-an-email")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.locator(".invalid-feedback").count() >= 1
    assert "/add/" in page.url
    visit.screenshot("06-person-form-errors")
    assert visit.foreign_hosts == set()


def test_central_officer_sees_the_whole_federation(visit):
    visit.log_in("central")
    page = visit.go("/organizations/")
    summary = page.inner_text("main")
    assert "Đà Nẵng" in summary and "Hà Nội" in summary
    visit.screenshot("07-tree-central")
    for path, name in (
        ("/organizations/organizations/", "08-organization-list"),
        ("/organizations/people/", "09-people-list"),
        ("/organizations/committees/", "10-committees-list"),
        ("/organizations/congresses/schedule/", "11-congress-schedule"),
        ("/organizations/organizations/merge/", "12-merge"),
        ("/geo/provinces/", "13-provinces"),
    ):
        visit.go(path)
        assert visit.page.locator("h1").count() == 1
        visit.screenshot(name)
    assert visit.foreign_hosts == set()


def test_pages_fit_a_phone(phone_visit):
    phone_visit.log_in("hanoi")
    page = phone_visit.go("/organizations/")
    phone_visit.screenshot("14-phone-tree")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1  # nothing wider than the screen
    page.click(".navbar-toggler")
    expect(page.locator("#main-nav")).to_be_visible()  # waits for the collapse to open
    phone_visit.go("/organizations/people/")
    phone_visit.screenshot("15-phone-people")
    assert phone_visit.foreign_hosts == set()
