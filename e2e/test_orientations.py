"""Work orientations in a real browser, as the demo users: the centre distributes a new
orientation to the provincial Unions, Ha Noi's Union acknowledges it and reports on its tasks,
and the centre reads the matrix."""

from datetime import date

import pytest
from playwright.sync_api import expect

from e2e.conftest import scrolls_sideways, signed_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _new_orientation():
    from amity.documents.models import Orientation, OrientationTask
    from amity.organizations.models import Organization

    centre = Organization.objects.get(kind="central_union", parent__isnull=True)
    orientation = Orientation.objects.create(
        organization=centre,
        year=date.today().year,
        title="Định hướng công tác với châu Phi",
        kind="region",
        region="africa",
        status="issued",
        issued_on=date.today(),
    )
    for order in (1, 2):
        OrientationTask.objects.create(orientation=orientation, order=order, title=f"Việc {order}")
    return orientation


def test_the_centre_distributes_a_unit_acknowledges_and_reports(browser, live_server, demo_data):
    from amity.documents.models import Recipient, TaskReport

    orientation = _new_orientation()
    context, visit = signed_in(browser, live_server.url, "central", "en")
    page = visit.go(f"/documents/orientations/{orientation.pk}/distribute/")
    page.get_by_label("All provincial and city Unions").check()
    visit.screenshot("120-orientation-distribute-en")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".alert-success")).to_be_visible()
    assert Recipient.objects.filter(orientation=orientation).count() > 30
    context.close()

    context, visit = signed_in(browser, live_server.url, "hanoi", "en", phone=True)
    page = visit.go("/documents/orientations/for-us/")
    expect(page.locator("#concerns-table")).to_contain_text(orientation.title)
    assert not scrolls_sideways(page)
    visit.screenshot("121-orientations-for-us-phone-en")
    page = visit.go(f"/documents/orientations/{orientation.pk}/acknowledge/")
    # the day is today's already (a date picker opened by typing would cover the button)
    expect(page.get_by_label("Acknowledged by")).not_to_be_empty()
    visit.screenshot("122-orientation-acknowledge-phone-en")
    page.get_by_role("button", name="Acknowledge").click()
    expect(page.locator(".alert-success")).to_be_visible()
    page = visit.go(f"/documents/orientations/{orientation.pk}/report/")
    selects = page.locator("#report-form select")
    selects.nth(0).select_option("done")
    selects.nth(1).select_option("in_progress")
    visit.screenshot("123-orientation-report-phone-en")
    page.get_by_role("button", name="Save the report").click()
    expect(page.locator(".alert-success")).to_be_visible()
    assert sorted(
        TaskReport.objects.filter(task__orientation=orientation).values_list("progress", flat=True)
    ) == ["done", "in_progress"]
    context.close()

    context, visit = signed_in(browser, live_server.url, "central", "en")
    page = visit.go(f"/documents/orientations/{orientation.pk}/?tab=matrix")
    from amity.accounts.models import User

    hanoi = User.objects.get(username="hanoi").organization
    expect(page.locator("#matrix")).to_contain_text(hanoi.name_en or hanoi.name)
    expect(page.locator("#matrix td[data-progress=done]")).to_have_count(1)
    visit.screenshot("124-orientation-matrix-en")
    assert not visit.foreign_hosts
    context.close()
