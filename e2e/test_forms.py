"""Searchable selects and the date picker, in a real browser (core.widgets, amity/widgets.js)."""

import re

import pytest
from playwright.sync_api import expect

# Same database arrangement as the registry's browser tests (see test_organizations_flow).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def pick(page, name, typed, option_text):
    """Type into the searchable select `name` and choose the option that reads `option_text`."""
    page.locator(f"#id_{name}-ts-control").locator("xpath=..").click()
    page.keyboard.type(typed)
    # the option that reads exactly so ("Pháp", not "Guyane thuộc Pháp" sorted before it)
    exact = re.compile(rf"^\s*{re.escape(option_text)}\s*$")
    option = page.locator(f"#id_{name}-ts-dropdown .option", has_text=exact).first
    expect(option).to_be_visible()
    option.click()
    # a search still on its way would open the list again after the choice: wait for its answer
    expect(page.locator(f"#id_{name}-ts-control").locator("xpath=..")).not_to_have_class(
        re.compile(r"\bloading\b")
    )


def type_into(page, name, text):
    """Click a box and type, as a person does (the date picker opens on the click)."""
    box = page.locator(f"input[name={name}]")
    box.click()
    # the calendar opens first: keys typed while it opens were lost to it under load (a date
    # read as 05 of this January); then into the box itself, which must hold all of them
    page.locator(".flatpickr-calendar.open").wait_for()
    box.press_sequentially(text)
    expect(box).to_have_value(text)
    box.press("Escape")  # the calendar closes, the text stays


def test_a_country_typed_in_vietnamese_is_picked_and_saved(visit):
    from amity.partners.models import Partner

    page = visit.log_in("hanoi")
    page = visit.go("/partners/partners/add/")
    page.select_option("select[name=kind]", "ngo")
    page.fill("input[name=name]", "Amis du Viet Nam de Lyon")
    pick(page, "country", "pha", "Pháp")  # without the diacritics, as one types in a hurry
    type_into(page, "relationship_since", "05/03/2024")
    visit.screenshot("60-partner-form-searchable-vi")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    expect(page.locator("main")).to_contain_text("Pháp")
    partner = Partner.objects.get(name="Amis du Viet Nam de Lyon")
    assert partner.country.code == "FR"
    assert str(partner.relationship_since) == "2024-03-05"
    assert visit.foreign_hosts == set()


def test_a_partner_is_found_as_one_types_and_saved_on_an_event(visit):
    from django.utils import translation

    from amity.accounts.models import User
    from amity.events.models import Event
    from amity.partners.models import Partner

    page = visit.log_in("hanoi")
    known = (
        Partner.objects.filter(holders__organization__name__icontains="Hà Nội")
        .exclude(sensitivity="restricted")
        .order_by("pk")
        .first()
    )
    page = visit.go("/events/events/add/?lang=en")
    page.select_option("select[name=kind]", index=1)
    page.fill("input[name=title_vi]", "Gặp mặt bạn bè quốc tế thử nghiệm")
    type_into(page, "start", "20/11/2026")
    type_into(page, "start_time", "14:30")
    # typed by its name, found by the API's search, shown by its label (its Vietnamese name)
    with translation.override("en"):  # the page is in English: the name it shows there
        shown = known.display_name
    pick(page, "partners", known.name[:8], shown)
    with translation.override("en"):
        home = str(User.objects.get(username="hanoi").organization)
    pick(page, "organization", home[:6], home)  # the owner: among the organizations it edits
    visit.screenshot("61-event-form-searchable-en")
    # the date picker writes dd/mm/yyyy and 24-hour times, in English too; the searchable
    # select just chosen keeps the focus until Escape (a click elsewhere only closed it)
    page.keyboard.press("Escape")
    expect(page.locator(".ts-dropdown:visible")).to_have_count(0)
    page.locator("input[name=end]").click()
    expect(page.locator(".flatpickr-calendar.open")).to_be_visible()
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    event = Event.objects.get(title_vi="Gặp mặt bạn bè quốc tế thử nghiệm")
    assert list(event.partners.values_list("pk", flat=True)) == [known.pk]
    assert str(event.start) == "2026-11-20" and event.start_time.strftime("%H:%M") == "14:30"
    assert visit.foreign_hosts == set()
