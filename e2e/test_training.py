"""Training in a real browser, as the demo users: the organizer takes a course from its
attendance to its certificates (the grid saved, certificates numbered, all of them in Word);
a provincial Union reads the course, its own gaps and the year's plan, on a laptop and a phone."""

import pytest
from playwright.sync_api import expect

from e2e.conftest import scrolls_sideways, signed_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _held_course(username="central"):
    """A demo course with sessions and confirmed participants that `username` sees, the first
    by id."""
    from amity.accounts.models import User
    from amity.training.models import Course

    user = User.objects.get(username=username)
    return (
        Course.objects.visible_to(user)
        .filter(nominations__state="confirmed", sessions__isnull=False)
        .distinct()
        .order_by("pk")
        .first()
    )


def test_the_organizer_takes_a_course_from_attendance_to_certificates(
    browser, live_server, demo_data
):
    from amity.training.models import Attendance, Result

    course = _held_course()
    assert course is not None, "the demo has no course with confirmed participants"
    context, visit = signed_in(browser, live_server.url, "central", "vi")
    page = visit.go(course.get_absolute_url())
    expect(page.locator("main")).to_contain_text(course.title_vi)
    visit.screenshot("100-course-page-vi")

    page = visit.go(f"/training/courses/{course.pk}/attendance/")
    boxes = page.locator("#attendance-grid tbody input[type=checkbox]")
    expect(boxes.first).to_be_visible()
    present_before = Attendance.objects.filter(session__course=course, present=True).count()
    first = boxes.first
    was_checked = first.is_checked()
    first.set_checked(not was_checked)
    visit.screenshot("101-course-attendance-vi")
    page.get_by_role("button", name="Lưu điểm danh").click()
    expect(page.locator(".alert-success")).to_be_visible()
    present_after = Attendance.objects.filter(session__course=course, present=True).count()
    assert present_after == present_before + (-1 if was_checked else 1)

    page = visit.go(f"/training/courses/{course.pk}/results/")
    visit.screenshot("102-course-results-vi")
    page.get_by_role("button", name="Cấp giấy chứng nhận").click()
    expect(page.locator(".alert-success, .alert-info, .alert-warning").first).to_be_visible()
    numbered = Result.objects.filter(nomination__course=course).exclude(certificate_number="")
    assert numbered.exists()
    assert all(result.completed for result in numbered)
    with page.expect_download() as download:
        page.click(f"a[href$='/courses/{course.pk}/certificates.docx']")
    assert download.value.path().read_bytes()[:2] == b"PK"
    assert not visit.foreign_hosts
    context.close()


@pytest.mark.parametrize("phone", [False, True], ids=["laptop", "phone"])
def test_a_union_reads_the_course_its_gaps_and_the_plan(browser, live_server, demo_data, phone):
    course = _held_course("hanoi")
    assert course is not None, "the demo has no course Hà Nội's Union takes part in"
    size = "phone" if phone else "laptop"
    context, visit = signed_in(browser, live_server.url, "hanoi", "vi", phone=phone)
    page = visit.go(course.get_absolute_url())
    expect(page.locator("main")).to_contain_text(course.title_vi)
    assert not scrolls_sideways(page)
    visit.screenshot(f"103-course-page-hanoi-{size}")
    page = visit.go("/training/gaps/")
    expect(page.locator("main h1")).to_be_visible()
    assert not scrolls_sideways(page)
    visit.screenshot(f"104-training-gaps-{size}")
    page = visit.go("/training/plan/")
    expect(page.locator("main h1")).to_be_visible()
    assert not scrolls_sideways(page)
    visit.screenshot(f"105-training-plan-{size}")
    assert not visit.foreign_hosts
    context.close()
