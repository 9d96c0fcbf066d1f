"""The inbox on the home page and the notifications under the bell, with the demo data set:
a unit officer sees what is theirs, filters it by kind, reads a notification and marks the rest
read; the pages fit a phone. Screenshots 135 (inbox) and 136 (notifications)."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DOCS = Path(__file__).parent.parent / "docs" / "screenshots"


def keep(path: Path, name: str) -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, DOCS / f"{name}.png")


def tell(username: str, count: int = 2) -> None:
    """Notifications for `username`, as the workflow steps write them."""
    from amity.accounts.models import User
    from amity.inbox.models import Kind
    from amity.inbox.services import notify

    user = User.objects.get(username=username)
    for index in range(count):
        notify(
            [user],
            Kind.APPROVED,
            "Your report “%(report)s” was approved.",
            {"report": f"Quý {index + 1}/2026"},
            "/inbox/",
        )


def test_the_inbox_and_the_bell_of_a_unit_officer(visit):
    tell("hanoi")
    page = visit.log_in("hanoi")
    inbox = page.locator("#inbox")
    expect(inbox).to_be_visible()
    expect(inbox.locator(".inbox-item").first).to_be_visible()
    total = int(page.inner_text("#inbox-count"))
    assert total >= 1
    expect(page.locator("#notification-count")).to_have_text("2")
    path = visit.screenshot("135-inbox")
    keep(path, "135-inbox")

    # a kind keeps only its items, on the inbox page
    chip = inbox.locator(".inbox-kinds a[data-kind]").first
    kind = chip.get_attribute("data-kind")
    with page.expect_navigation():
        chip.click()
    items = page.locator("#inbox .inbox-item")
    expect(items.first).to_be_visible()
    assert set(items.evaluate_all("rows => rows.map(row => row.dataset.kind)")) == {kind}

    # the bell opens the notifications; one read, then all
    with page.expect_navigation():
        page.click("#notification-bell")
    expect(page.locator(".notification-unread")).to_have_count(2)
    expect(page.locator("#notifications")).to_contain_text("đã được duyệt")
    path = visit.screenshot("136-notifications")
    keep(path, "136-notifications")
    with page.expect_navigation():
        page.locator("#notifications a").first.click()
    assert page.url.endswith("/inbox/")
    expect(page.locator("#notification-count")).to_have_text("1")
    page = visit.go("/inbox/notifications/")
    with page.expect_navigation():
        page.click("#mark-all-read")
    expect(page.locator(".notification-unread")).to_have_count(0)
    expect(page.locator("#notification-count")).to_have_count(0)

    page = visit.go("/?lang=en")
    expect(page.locator("#inbox-title")).to_have_text("Your inbox")
    assert visit.foreign_hosts == set(), visit.foreign_hosts


def test_the_inbox_fits_a_phone(phone_visit):
    page = phone_visit.log_in("danang")
    expect(page.locator("#inbox .inbox-item").first).to_be_visible()
    for path in ("/", "/inbox/", "/inbox/notifications/", "/inbox/preferences/"):
        page = phone_visit.go(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 1, path
