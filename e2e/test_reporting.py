"""The half-year report in a real browser: a Union fills it (autosave, totals, submit), the
centre sees the completeness board and the consolidated figures."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _current_submission():
    from amity.reporting.models import Submission

    return (
        Submission.objects.filter(organization__external_ref="demo-org-hanoi", state="draft")
        .order_by("-period__starts_on")
        .first()
    )


def test_hanoi_fills_and_submits_then_the_centre_sees_the_board(visit):
    submission = _current_submission()
    assert submission is not None
    page = visit.log_in("hanoi")
    page = visit.go(f"/reporting/submissions/{submission.pk}/entry/?lang=en")
    expect(page.locator(".entry-field").first).to_be_visible()
    visit.screenshot("50-reporting-entry")

    page.on("console", lambda m: print("CONSOLE", m.text))
    page.on("response", lambda r: print("RESP", r.status, r.url))
    print("ATTR", page.locator("input[data-code='HD01']").get_attribute("hx-post"))
    # Letters in a number: the field answers with its error, nothing saved.
    field = page.locator("input[data-code='HD01']")
    field.fill("ba")
    field.press("Tab")
    expect(
        page.locator("#field-" + field.get_attribute("id")[2:] + " .invalid-feedback")
    ).to_contain_text("Enter a number")
    visit.screenshot("51-reporting-entry-error")

    # Numbers typed: saved on leaving the field, the total computed as one types.
    for code, number in (("HD01", "4"), ("HD02", "3")):
        field = page.locator(f"input[data-code='{code}']")
        field.fill(number)
        field.press("Tab")
        expect(page.locator(f"#field-{field.get_attribute('id')[2:]} .entry-saved")).to_be_visible()
    expect(page.locator("[data-total-of='HD01,HD02']")).to_have_value("7")
    visit.screenshot("52-reporting-entry-saved")

    # Fill every required field left empty, explain the partners' figure, save and submit.
    page.locator("input[data-code='TC02']").fill("5000")  # members outnumber the staff
    for field in page.locator("input[data-code]").all():
        if not field.input_value():
            field.fill("1")
    partners = page.locator("input[data-code='DT01']").get_attribute("id")[2:]
    page.click(f"#field-{partners} details summary")
    page.fill(f"input[name=c-{partners}]", "Số đối tác đã rà soát lại")
    page.press(f"input[name=c-{partners}]", "Tab")  # its autosave now, not beside the submit
    for select in page.locator("select[name^='i-']").all():
        if not select.input_value():
            select.select_option("1")
    page.on("dialog", lambda dialog: dialog.accept())
    page.wait_for_load_state("networkidle")  # the last autosave has answered
    with page.expect_navigation():
        page.click("button[name=submit]")
    expect(page.locator("main .badge.text-bg-primary").first).to_be_visible()  # submitted
    visit.screenshot("53-reporting-after-submit")
    page = visit.go(f"/reporting/submissions/{submission.pk}/print/?lang=vi")
    expect(page.locator(".letterhead")).to_contain_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    expect(page.locator(".letter-closing")).to_contain_text("Nơi nhận:")
    visit.screenshot("53b-reporting-print")

    page.context.clear_cookies()  # log out: the centre's officer now
    page = visit.log_in("central")
    page = visit.go(f"/reporting/report-periods/{submission.period_id}/board/?lang=en")
    expect(page.locator("#board tbody tr").first).to_be_visible()
    visit.screenshot("54-reporting-board")
    page = visit.go(f"/reporting/consolidation/?lang=en&form={submission.period.form_id}")
    expect(page.locator("#pivot tbody tr").first).to_be_visible()
    visit.screenshot("55-reporting-consolidation")
    assert visit.foreign_hosts == set()


def test_entry_and_board_on_a_phone(phone_visit):
    submission = _current_submission()
    page = phone_visit.log_in("hanoi")
    page = phone_visit.go(f"/reporting/submissions/{submission.pk}/entry/?lang=vi")
    expect(page.locator(".entry-field").first).to_be_visible()
    # the section buttons wrap onto more lines: every one is on the screen, none hidden
    width = page.evaluate("document.documentElement.clientWidth")
    for link in page.locator(".entry-toc a").all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    phone_visit.screenshot("56-reporting-entry-phone")
    page = phone_visit.go(f"/reporting/submissions/{submission.pk}/print/?lang=vi")
    expect(page.locator(".letterhead")).to_contain_text("Độc lập - Tự do - Hạnh phúc")
    phone_visit.screenshot("58-reporting-print-phone")
    page = phone_visit.go(f"/reporting/report-periods/{submission.period_id}/board/?lang=vi")
    expect(page.locator("#board")).to_be_visible()
    phone_visit.screenshot("57-reporting-board-phone")


def test_a_refused_submit_marks_the_fields_of_the_rule(visit):
    """Issue 16, fault 5: more full-time staff than members is refused, and the page says which
    fields, beside each and in a summary at the top, with one message."""
    submission = _current_submission()
    page = visit.log_in("hanoi")
    page = visit.go(f"/reporting/submissions/{submission.pk}/entry/?lang=vi")
    members, staff = (
        page.locator("input[data-code='TC02']"),
        page.locator("input[data-code='TC03']"),
    )
    members.fill("10")
    staff.fill("40")
    # leave the field, so that its autosave is not sent beside the submission (the in-memory
    # test database locks a table against a second writer instead of waiting)
    staff.press("Tab")
    page.on("dialog", lambda dialog: dialog.accept())
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.click("button[name=submit]")
    summary = page.locator("#entry-summary")
    expect(summary).to_be_visible()
    expect(summary.locator(f"a[href='#{members.get_attribute('id')}']")).to_be_visible()
    expect(summary.locator(f"a[href='#{staff.get_attribute('id')}']")).to_be_visible()
    expect(members).to_have_attribute("aria-invalid", "true")
    expect(staff).to_have_attribute("aria-invalid", "true")
    alerts = page.locator(".alert").filter(has_text="Đã lưu nhưng chưa gửi")
    expect(alerts).to_have_count(1)
    expect(page.get_by_text("Đã lưu.", exact=True)).to_have_count(0)
    visit.screenshot("59-reporting-refused-submit")
