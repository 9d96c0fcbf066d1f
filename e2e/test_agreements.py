"""Agreements in a real browser, as the demo users: Hà Nội's Union records an agreement in
force with its signed copy through the form, finds it on the board of agreements expiring soon,
and reads the board on a phone."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from e2e.conftest import scrolls_sideways, signed_in
from e2e.test_forms import pick, type_into

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TITLE = "Thỏa thuận hợp tác thử nghiệm trên trình duyệt"


def test_a_union_records_an_agreement_and_finds_it_on_the_board(visit):
    from django.utils import timezone

    from amity.accounts.models import User
    from amity.agreements.models import Agreement
    from amity.partners.models import Partner

    hanoi = User.objects.get(username="hanoi").organization
    partner = (
        Partner.objects.filter(holders__organization=hanoi)
        .exclude(sensitivity="restricted")
        .order_by("pk")
        .first()
    )
    today = timezone.localdate()
    page = visit.log_in("hanoi")
    page = visit.go("/agreements/agreements/add/")
    page.select_option("select[name=kind]", "cooperation")
    page.fill("input[name=title_vi]", TITLE)
    type_into(page, "signed_on", f"{today - timedelta(days=3):%d/%m/%Y}")
    type_into(page, "ends_on", f"{today + timedelta(days=40):%d/%m/%Y}")
    # the partner found by the API's search as one types, then the owner among those it edits
    pick(page, "partners", partner.name[:8], partner.display_name)
    pick(page, "organization", str(hanoi)[:6], str(hanoi))
    page.keyboard.press("Escape")  # the searchable select keeps the focus until then
    page.select_option("select[name=status]", "in_force")
    page.set_input_files(
        "input[name=signed_copy]",
        {"name": "ban-ky.pdf", "mimeType": "application/pdf", "buffer": PDF},
    )
    visit.screenshot("110-agreement-form-vi")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    agreement = Agreement.objects.get(title_vi=TITLE)
    assert (agreement.status, agreement.organization) == ("in_force", hanoi)
    assert list(agreement.partners.all()) == [partner]
    assert agreement.files.get().original_name == "ban-ky.pdf"
    expect(page.locator("#files")).to_contain_text("Bản đã ký")
    visit.screenshot("111-agreement-page-vi")

    page = visit.go("/agreements/expiring/")
    expect(page.locator("main")).to_contain_text(TITLE)
    visit.screenshot("112-agreements-board-vi")
    page = visit.go(f"{hanoi.get_absolute_url()}?tab=agreements")
    expect(page.locator("#agreements-of")).to_contain_text(TITLE)
    visit.screenshot("113-organization-agreements-tab-vi")
    assert visit.foreign_hosts == set()


def test_the_board_reads_on_a_phone(browser, live_server, demo_data):
    context, visit = signed_in(browser, live_server.url, "danang", "vi", phone=True)
    page = visit.go("/agreements/expiring/")
    expect(page.locator("main h1")).to_be_visible()
    assert not scrolls_sideways(page)
    visit.screenshot("114-agreements-board-phone")
    assert not visit.foreign_hosts
    context.close()
