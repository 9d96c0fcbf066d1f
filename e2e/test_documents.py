"""The document register in a real browser, as the demo users: a provincial Union registers an
outgoing document and reads the number its register gave; a document is drafted from a record,
downloaded as Word and issued (a test-only draft for organizations stands for the agreements'
and orientations' own, which are declared in their apps)."""

import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import scrolls_sideways, signed_in
from e2e.test_forms import type_into

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def organization_draft(organization):
    from amity.documents.drafting import Draft

    return Draft(
        kind="official_letter",
        issuer=organization,
        subject="V/v kiện toàn Ban Thường vụ nhiệm kỳ mới",
        paragraphs=["Căn cứ Điều lệ Liên hiệp các tổ chức hữu nghị Việt Nam.", "Đề nghị phối hợp."],
        recipients=["Như trên", "Lưu: VT"],
    )


def test_a_union_registers_an_outgoing_document_and_sees_its_number(
    browser, live_server, demo_data
):
    from amity.accounts.models import User
    from amity.documents.models import RegisterEntry

    hanoi = User.objects.get(username="hanoi").organization
    context, visit = signed_in(browser, live_server.url, "hanoi", "en")
    page = visit.go("/documents/register/")
    expect(page.locator("main table")).to_be_visible()
    visit.screenshot("115-register-list-en")
    # "Add" for its own register, as the register's toolbar links it
    page = visit.go(f"/documents/register/add/?organization={hanoi.pk}")
    page.select_option("select[name=direction]", "outgoing")
    page.select_option("select[name=document_type]", "decision")
    type_into(page, "issued_on", "12/03/2026")
    page.fill("textarea[name=subject]", "V/v thành lập Ban tổ chức Ngày hội hữu nghị thử nghiệm")
    visit.screenshot("116-register-form-en")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    entry = RegisterEntry.objects.get(subject__contains="Ngày hội hữu nghị thử nghiệm")
    assert entry.number is not None and entry.year == 2026
    expect(page.locator("main")).to_contain_text(f"{entry.number}/QĐ-")
    visit.screenshot("117-register-entry-en")
    assert not scrolls_sideways(page)
    assert not visit.foreign_hosts
    context.close()


def test_a_document_is_drafted_from_a_record_and_issued(
    browser, live_server, demo_data, monkeypatch
):
    from amity.accounts.models import User
    from amity.core.registry import registry
    from amity.documents.models import RegisterEntry

    monkeypatch.setattr(
        registry.entry("organizations.Organization"), "draft", f"{__name__}.organization_draft"
    )
    hanoi = User.objects.get(username="hanoi").organization
    context, visit = signed_in(browser, live_server.url, "hanoi", "vi", phone=True)
    page = visit.go(f"/documents/draft/organizations/organization/{hanoi.pk}/")
    expect(page.locator("textarea[name=paragraphs]")).to_contain_text("Đề nghị phối hợp.")
    assert not scrolls_sideways(page)
    visit.screenshot("118-draft-page-phone-vi")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải dự thảo DOCX").click()
    assert download.value.path().read_bytes()[:2] == b"PK"
    with page.expect_navigation():
        page.locator("#issue").click()
    entry = RegisterEntry.objects.get(source_id=hanoi.pk, subject__startswith="V/v kiện toàn")
    expect(page.locator("main")).to_contain_text(entry.reference)
    expect(page.locator("#files")).to_contain_text(re.compile("DOCX"))
    visit.screenshot("119-issued-entry-phone-vi")
    context.close()
