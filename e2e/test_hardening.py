"""What the outside probe found, as a user meets it in a browser (issue 14): two officials
editing one partner at once, and a user making and revoking an API token on a phone."""

import pytest
from playwright.sync_api import expect

from e2e.conftest import Visit

# Same database arrangement as the registry's browser tests (see test_organizations_flow).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def hanoi_partner(demo_data):
    from amity.accounts.models import User
    from amity.partners.models import Partner, RelationshipHolder

    partner = Partner.objects.create(kind="ngo", name="Lotus Bridge Foundation", acronym="LBF-T")
    RelationshipHolder.objects.create(
        partner=partner, organization=User.objects.get(username="hanoi").organization
    )
    return partner


def logged_in(browser, live_server, username):
    """A browser window of its own (its own cookies) with `username` logged in."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    visit = Visit(context.new_page(), live_server.url)
    visit.log_in(username)
    return visit


def test_the_second_of_two_edits_at_once_is_shown_the_first_not_overwritten(
    browser, live_server, hanoi_partner
):
    first, second = (logged_in(browser, live_server, "hanoi") for _ in range(2))
    edit = f"/partners/partners/{hanoi_partner.pk}/edit/?lang=en"
    page_one, page_two = first.go(edit), second.go(edit)
    page_one.fill("input[name=acronym]", "LBF-ONE")
    with page_one.expect_navigation():
        page_one.click("main button[type=submit]")
    page_two.fill("input[name=acronym]", "LBF-TWO")
    with page_two.expect_navigation():
        page_two.click("main button[type=submit]")
    expect(page_two.locator("#conflict")).to_be_visible()
    expect(page_two.locator("#conflict")).to_contain_text("LBF-ONE")
    second.screenshot("80-edit-conflict")
    hanoi_partner.refresh_from_db()
    assert hanoi_partner.acronym == "LBF-ONE"
    for visit in (first, second):
        visit.page.context.close()


def test_an_official_makes_and_revokes_an_api_token_on_a_phone(phone_visit):
    page = phone_visit.log_in("hanoi")
    page = phone_visit.go("/accounts/tokens/?lang=en")
    with page.expect_navigation():
        page.click("#make-api-token")
    key = page.inner_text("#new-api-token code").strip()
    assert len(key) == 40
    response = page.request.get(
        phone_visit.base_url + "/api/organizations/organizations/",
        headers={"Authorization": f"Token {key}"},
    )
    assert response.status == 200
    phone_visit.screenshot("81-api-token-made-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    page = phone_visit.go("/accounts/tokens/?lang=en")
    expect(page.locator("#api-tokens")).to_contain_text(key[:8])
    assert key not in page.content()
    with page.expect_navigation():
        page.click("#api-tokens button[type=submit]")
    expect(page.locator("main")).to_contain_text("You have no API token.")
    assert phone_visit.foreign_hosts == set()


def test_the_administrator_sees_the_qr_code_to_enrol(visit):
    """On the first log-in the administrator must enrol a second factor by scanning the code:
    the image must be drawn, not only present (issue 16, item 1)."""
    page = visit.log_in("admin")
    assert "/accounts/two-factor/" in page.url
    image = page.locator("main img").first
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth") > 100
    visit.screenshot("82-two-factor-enrolment")
    assert visit.foreign_hosts == set()
