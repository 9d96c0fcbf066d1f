"""A provincial officer works with its partners, in a real browser."""

import pytest
from playwright.sync_api import expect

# Same database arrangement as the registry's browser tests (see test_organizations_flow).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def hanoi_partner(demo_data):
    from amity.accounts.models import User
    from amity.partners.models import Partner, RelationshipHolder

    partner = Partner.objects.create(
        kind="ngo",
        name="Deutsch-Vietnamesische Freundschaftsgesellschaft",
        name_vi="Hội hữu nghị Đức – Việt Nam Thử nghiệm",
        acronym="DVFG-T",
    )
    home = User.objects.get(username="hanoi").organization
    RelationshipHolder.objects.create(partner=partner, organization=home)
    return partner


def test_find_a_partner_and_record_a_meeting(visit, hanoi_partner):
    page = visit.log_in("hanoi")
    page = visit.go("/partners/partners/")
    page.fill("main input[name=q]", "hoi huu nghi duc viet nam thu nghiem")  # not the navigation's
    with page.expect_navigation():
        page.click("aside button[type=submit]")
    rows = page.locator("table tbody tr")
    expect(rows.first).to_contain_text("Hội hữu nghị Đức – Việt Nam Thử nghiệm")
    visit.screenshot("20-partner-search")
    with page.expect_navigation():
        page.click("table tbody tr >> nth=0 >> a")
    visit.screenshot("21-partner-overview")

    with page.expect_navigation():
        page.click(".nav-tabs a[href$='?tab=interactions']")
    with page.expect_navigation():
        page.click("main a[href*='/partners/interactions/add/']")
    page.fill("input[name=occurred_on]", "15/10/2026")
    page.select_option("select[name=kind]", "meeting")
    page.fill("textarea[name=summary]", "Gặp gỡ bàn chương trình giao lưu thanh niên 2027")
    visit.screenshot("22-interaction-form")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    expect(page.locator("main")).to_contain_text("15/10/2026")

    page = visit.go(f"/partners/partners/{hanoi_partner.pk}/?tab=interactions")
    expect(page.locator("#timeline")).to_contain_text("giao lưu thanh niên 2027")
    visit.screenshot("23-partner-timeline")
    assert visit.foreign_hosts == set()


def test_charts_duplicates_and_suggestions_render(visit, hanoi_partner):
    visit.log_in("central")
    page = visit.go("/partners/statistics/")
    expect(page.locator("#chart-regions canvas")).to_have_count(1)
    expect(page.locator("#chart-countries canvas")).to_have_count(1)
    visit.screenshot("24-partner-statistics")
    page = visit.go("/partners/partners/duplicates/")
    expect(page.locator("h1")).to_contain_text("")
    visit.screenshot("25-partner-duplicates")
    page = visit.go("/partners/suggestions/")
    visit.screenshot("26-partner-suggestions")
    assert visit.foreign_hosts == set()
