"""Proposals and the Charter consultation in a real browser, on a laptop and on a phone: the
centre's board and synthesis, and the Ha Noi Union sending its response."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def consultation_path():
    from amity.proposals.models import Consultation

    return Consultation.objects.get().get_absolute_url()


def test_board_and_consultation_as_the_centre(visit):
    visit.log_in("central")
    page = visit.go("/proposals/board/?lang=vi")
    expect(page.locator(".proposal-column")).to_have_count(7)
    expect(page.locator(".proposal-board")).to_contain_text("Quyết định số 118")
    expect(page.locator(".list-group-item-danger").first).to_be_visible()
    visit.screenshot("70-proposals-board")
    path = consultation_path()
    page = visit.go(path)
    expect(page.locator("main")).to_contain_text("Tên gọi của tổ chức")
    visit.screenshot("71-consultation")
    page = visit.go(path + "?tab=tracker")
    expect(page.locator("main table tbody tr").first).to_be_visible()
    visit.screenshot("72-consultation-tracker")
    page = visit.go(path + "?tab=synthesis")
    expect(page.locator(".synthesis-matrix")).to_be_visible()
    visit.screenshot("73-consultation-synthesis")
    assert not visit.foreign_hosts


def test_hanoi_responds_to_the_charter_consultation(visit):
    visit.log_in("hanoi")
    path = consultation_path()
    page = visit.go(path)
    with page.expect_navigation():
        page.click("a[href$='/respond/']")
    expect(page.locator(".article-response")).to_have_count(8)
    second = page.locator(".article-response").nth(1)
    second.locator("input[value=amend]").check()
    second.locator("textarea").first.fill(
        "Liên hiệp các tổ chức hữu nghị Việt Nam là tổ chức chính trị - xã hội được Đảng, Nhà "
        "nước giao nhiệm vụ."
    )
    page.fill("input[name=signed_by]", "Chủ tịch Liên hiệp Hà Nội")
    visit.screenshot("74-consultation-respond")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    expect(page.locator(".word-diff").first).to_be_visible()
    expect(page.locator(".word-diff ins").first).to_be_visible()
    visit.screenshot("75-consultation-response")
    page = visit.go("/proposals/mine/")
    visit.screenshot("76-proposals-mine-hanoi")
    assert not visit.foreign_hosts


@pytest.mark.parametrize("username", ["central", "hanoi"])
def test_board_and_response_on_a_phone(phone_visit, username):
    phone_visit.log_in(username)
    page = phone_visit.go("/proposals/board/")
    expect(page.locator(".proposal-column").first).to_be_visible()
    phone_visit.screenshot(f"77-proposals-board-phone-{username}")
    path = consultation_path()
    target = path + ("?tab=synthesis" if username == "central" else "respond/")
    page = phone_visit.go(target)
    phone_visit.screenshot(f"78-consultation-phone-{username}")
