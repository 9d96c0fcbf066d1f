"""The events calendar and the April 2024 online conference, in a real browser, on a laptop and
on a phone, for the centre and for a provincial Union."""

import pytest
from playwright.sync_api import expect

# Same database arrangement as the registry's browser tests (see test_organizations_flow).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

APRIL = "/events/calendar/?month=2024-04"


def conference_path():
    from amity.events.models import Event

    conference = Event.objects.get(kind="online_conference", start="2024-04-19")
    return f"/events/events/{conference.pk}/conference/"


@pytest.mark.parametrize("username", ["central", "hanoi"])
def test_calendar_and_conference_on_a_laptop(visit, username):
    visit.log_in(username)
    page = visit.go(APRIL)
    grid = page.locator("#calendar-grid")
    expect(grid).to_be_visible()
    expect(grid.locator(".calendar-event").first).to_be_visible()
    expect(grid).to_contain_text("Hội nghị trực tuyến")
    visit.screenshot(f"60-calendar-{username}")
    page = visit.go(APRIL + "&view=list")
    expect(page.locator("#calendar-list")).to_contain_text("Hội nghị trực tuyến")
    visit.screenshot(f"61-calendar-list-{username}")
    page = visit.go(conference_path())
    expect(page.locator("#bridge-points tbody tr")).to_have_count(53)
    expect(page.locator("#conference-totals")).to_contain_text("53")
    visit.screenshot(f"62-conference-{username}")
    assert not visit.foreign_hosts


@pytest.mark.parametrize("username", ["central", "hanoi"])
def test_calendar_and_conference_on_a_phone(phone_visit, username):
    phone_visit.log_in(username)
    page = phone_visit.go(APRIL)
    # On a phone the grid becomes a list of the days that have events, without weekday headers.
    expect(page.locator(".calendar-weekday").first).to_be_hidden()
    event = page.locator(".calendar-event", has_text="Hội nghị trực tuyến").first
    expect(event).to_be_visible()
    box = event.bounding_box()
    assert box["width"] > 300  # the full width of the phone, readable
    phone_visit.screenshot(f"63-calendar-phone-{username}")
    page = phone_visit.go(conference_path())
    expect(page.locator("#conference-totals")).to_be_visible()
    phone_visit.screenshot(f"64-conference-phone-{username}")
