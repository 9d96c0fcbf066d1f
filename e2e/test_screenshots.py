"""Screenshots of the main pages on a laptop and a phone, in both languages, for a person to
look at (e2e/artifacts/chrome-*.png); and what a screenshot shows that a test can measure: the
menu on one line on a laptop in Vietnamese, folded on a phone, and no page wider than a phone.
"""

import pytest

from e2e.conftest import scrolls_sideways, signed_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def pages():
    from amity.partners.models import Partner

    partner = Partner.objects.filter(contacts__isnull=False).order_by("pk").first()
    return [
        ("home", "/"),
        ("partners", "/partners/partners/"),
        ("partner", partner.get_absolute_url()),
        ("partner-add", "/partners/partners/add/"),
        ("aid-statistics", "/aid/statistics/"),
        ("proposals-board", "/proposals/board/"),
    ]


def menu_tops(page):
    """The top of every item of the bar (the brand, the menu, the language and user menus)."""
    return page.eval_on_selector_all(
        ".navbar-brand, #main-nav > ul > li",
        "items => items.map((item) => Math.round(item.getBoundingClientRect().top))",
    )


def test_main_pages_on_a_laptop_and_a_phone(browser, live_server, demo_data):
    shown = pages()
    problems = []
    for phone in (False, True):
        device = "phone" if phone else "laptop"
        for language in ("vi", "en"):
            context, visit = signed_in(browser, live_server.url, "central", language, phone)
            for name, path in shown:
                page = visit.go(path)
                page.wait_for_load_state("networkidle")
                visit.screenshot(f"chrome-{name}-{language}-{device}")
                if phone and scrolls_sideways(page):
                    width = page.evaluate("document.documentElement.scrollWidth")
                    problems.append(f"{name} ({language}) is {width} px wide on a 390 px phone")
                if phone and page.is_visible("#main-nav"):
                    problems.append(f"{name} ({language}): the menu is not folded on a phone")
                if not phone and language == "vi" and len(set(menu_tops(page))) != 1:
                    problems.append(f"{name}: the menu takes more than one line at 1366 px")
                if name == "partners" and language == "vi":
                    problems += filter_panel_problems(page, phone)
            context.close()
    assert problems == []


def filter_panel_problems(page, phone):
    """The list's filter panel: open beside the results on a laptop, closed above them on a
    phone; its button opens or closes it and says which."""
    device = "phone" if phone else "laptop"
    button = page.locator("[data-filters-toggle]")
    problems = []
    for expected in (not phone, phone):  # as the page opens, then after one click
        shown = page.is_visible("#list-filters")
        if shown != expected or button.get_attribute("aria-expanded") != str(expected).lower():
            problems.append(f"partners on a {device}: the filter panel shown={shown}")
        button.click()
    return problems
