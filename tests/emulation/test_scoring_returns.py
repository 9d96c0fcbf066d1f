"""A sheet sent back to the unit carries its reason: required, shown on the sheet page until the
unit submits again, kept in the sheet's history, and taken by the API's return step."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from amity.emulation import scoring_services as services
from amity.emulation.models import ScoreSheet
from amity.emulation.models.scoring import CriterionKind, SheetState
from tests.emulation import scoring_builders as build
from tests.emulation.test_scoring_rules import full_self_score, new_sheet

pytestmark = pytest.mark.django_db

REASON = "Thiếu minh chứng cho tiêu chí 1.1"


@pytest.fixture
def submitted(orgs, users):
    table = build.table(orgs.central)
    first = build.section(orgs.central, of_table=table, number=1)
    second = build.section(orgs.central, of_table=table, number=2)
    build.criterion(first, "1.1", "10")
    build.criterion(first, "1.2", "5", evidence_required=False)
    build.criterion(second, "2.1", "20")
    build.criterion(second, "2.9", "5", kind=CriterionKind.PENALTY, evidence_required=False)
    cluster = build.cluster(
        orgs.central, [orgs.hanoi, orgs.danang], head=orgs.danang, deputy=orgs.hanoi
    )
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    full_self_score(sheet, users.hanoi)
    return services.submit_sheet(sheet, by=users.hanoi)


def unchanged(sheet) -> tuple:
    current = ScoreSheet.objects.get(pk=sheet.pk)
    return current.state, current.return_reason, current.returned_at, current.version


@pytest.mark.parametrize("reason", ["", "   \n ", "x" * 5001])
def test_a_return_without_a_reason_is_refused_and_changes_nothing(users, submitted, reason):
    before = unchanged(submitted)
    history = submitted.history.count()
    with pytest.raises(ValidationError) as refused:
        services.return_sheet(submitted, reason=reason, by=users.danang)
    expected = (
        "The reason is longer than 5000 characters."
        if len(reason) > 5000
        else "Say why the sheet goes back to the unit."
    )
    assert refused.value.messages == [expected]
    assert unchanged(submitted) == before
    assert submitted.history.count() == history


def test_the_unit_may_not_return_its_own_sheet(users, submitted):
    before = unchanged(submitted)
    with pytest.raises(PermissionDenied):
        services.return_sheet(submitted, reason=REASON, by=users.hanoi)
    assert unchanged(submitted) == before


def test_the_reason_is_kept_until_the_unit_submits_again_and_history_keeps_every_return(
    users, submitted
):
    services.return_sheet(submitted, reason=f"  {REASON}  ", by=users.danang)
    sheet = ScoreSheet.objects.get(pk=submitted.pk)
    assert (sheet.state, sheet.return_reason) == (SheetState.DRAFT, REASON)
    assert sheet.returned_at is not None
    services.submit_sheet(sheet, by=users.hanoi)
    sheet.refresh_from_db()
    assert (sheet.state, sheet.return_reason) == (SheetState.SELF_SCORED, "")
    services.return_sheet(sheet, reason="Điểm mục 2.1 quá cao", by=users.central)
    returns = services.returns_of(sheet)
    assert [(r.reason, r.by) for r in returns] == [
        (REASON, "danang"),
        ("Điểm mục 2.1 quá cao", "central"),
    ]
    assert returns[0].returned_at < returns[1].returned_at


def test_the_sheet_page_shows_the_reason_and_the_returns(client, login, users, submitted):
    services.return_sheet(submitted, reason=REASON, by=users.danang)
    login(users.hanoi)
    page = client.get(f"/emulation/score-sheets/{submitted.pk}/").content.decode()
    assert "The sheet was returned to the unit" in page
    assert page.count(REASON) == 3  # the notice on top, the overview field, the list of returns
    with translation.override("vi"):
        client.cookies["django_language"] = "vi"
        page = client.get(f"/emulation/score-sheets/{submitted.pk}/").content.decode()
    assert "Bảng điểm đã được trả lại cho đơn vị" in page
    assert "Các lần trả lại đơn vị" in page
    history = client.get(f"/emulation/score-sheets/{submitted.pk}/history/").content.decode()
    assert REASON in history


def test_the_page_step_requires_the_reason(client, login, users, submitted):
    login(users.danang)
    url = f"/emulation/score-sheets/{submitted.pk}/step/"
    before = unchanged(submitted)
    response = client.post(url, {"action": "return", "return_reason": " "}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Say why the sheet goes back to the unit."
    ]
    assert unchanged(submitted) == before
    response = client.post(url, {"action": "return", "return_reason": REASON}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Done."]
    sheet = ScoreSheet.objects.get(pk=submitted.pk)
    assert (sheet.state, sheet.return_reason) == (SheetState.DRAFT, REASON)
    assert sheet.history.first().history_user == users.danang


def test_the_api_return_step_takes_the_reason(client, login, users, submitted):
    url = f"/api/emulation/score-sheets/{submitted.pk}/return/"
    before = unchanged(submitted)
    login(users.hanoi)  # the unit sees its sheet but does not return it
    assert client.post(url, {"reason": REASON}, content_type="application/json").status_code == 403
    login(users.viewer)
    assert client.post(url, {"reason": REASON}, content_type="application/json").status_code == 403
    login(users.danang)
    refused = client.post(url, {"reason": ""}, content_type="application/json")
    assert refused.status_code == 400
    assert set(refused.json()) == {"reason"}
    assert unchanged(submitted) == before
    done = client.post(url, {"reason": REASON}, content_type="application/json")
    assert done.status_code == 200
    assert (done.json()["state"], done.json()["return_reason"]) == ("draft", REASON)
    again = client.post(url, {"reason": REASON}, content_type="application/json")
    assert again.status_code == 400  # a draft is not returned twice
    assert ScoreSheet.objects.get(pk=submitted.pk).history.count() == 3  # made, submitted, returned
