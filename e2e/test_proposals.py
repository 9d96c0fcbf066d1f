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


def _contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two CSS colours given as rgb()/rgba()."""

    def luminance(colour: str) -> float:
        channels = [float(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_board_fits_a_laptop_and_its_overdue_titles_are_readable(visit):
    """Issue 16: the fifth column was cut off at 1366 px; overdue titles were blue on red."""
    visit.log_in("central")
    page = visit.go("/proposals/board/?lang=vi")
    columns = page.locator(".proposal-column")
    expect(columns).to_have_count(7)
    width = page.evaluate("document.documentElement.clientWidth")
    for box in (columns.nth(n).bounding_box() for n in range(7)):
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    board = page.locator(".proposal-board")
    assert board.evaluate("b => b.scrollWidth <= b.clientWidth")
    title = page.locator(".list-group-item-danger a").first
    colour = title.evaluate("a => getComputedStyle(a).color")
    background = title.evaluate("a => getComputedStyle(a.closest('li')).backgroundColor")
    assert _contrast(colour, background) >= 4.5, (colour, background)
    visit.screenshot("79-proposals-board-laptop")


def test_the_board_stacks_its_columns_on_a_phone(phone_visit):
    phone_visit.log_in("central")
    page = phone_visit.go("/proposals/board/")
    boxes = [column.bounding_box() for column in page.locator(".proposal-column").all()]
    assert len(boxes) == 7
    width = page.evaluate("document.documentElement.clientWidth")
    assert all(box["x"] + box["width"] <= width for box in boxes)
    assert len({round(box["x"]) for box in boxes}) == 1  # one under the other
    assert [box["y"] for box in boxes] == sorted(box["y"] for box in boxes)
    phone_visit.screenshot("80-proposals-board-stacked-phone")
