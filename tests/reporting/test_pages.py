"""The reporting pages: data entry with autosave, workflow buttons, board, consolidation, API."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from amity.organizations.choices import LineageEventKind, OrganizationKind, OrganizationStatus
from amity.organizations.models import LineageEvent
from amity.reporting import services
from amity.reporting.choices import SubmissionState
from amity.reporting.completeness import completeness_board
from amity.reporting.consolidation import consolidate
from amity.reporting.models import Submission, Value
from tests.conftest import make_org
from tests.reporting.conftest import filled
from tests.reporting.factories import submission

pytestmark = pytest.mark.django_db

HANOI_TIME = ZoneInfo("Asia/Ho_Chi_Minh")


def post_entries(raw: dict, sub) -> dict:
    versions = dict(sub.values.values_list("indicator_id", "version"))
    data = {}
    for key, value in raw.items():
        data[f"i-{key}"], data[f"v-{key}"] = value, versions.get(key, 0)
    return data


def test_entry_page_shows_each_input_and_the_system_figure(client, login, report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    login(users.hanoi)
    page = client.get(reverse("reporting:entry", args=[sub.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('class="entry-field ') == 8
    assert 'data-total-of="D1,D2"' in html
    assert "from the system" in html or "từ hệ thống" in html
    assert "<script>" not in html  # no inline script: the CSP forbids them


def test_autosave_of_a_bad_number_answers_the_field_with_its_error(
    client, login, english, report, orgs, users
):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    login(users.hanoi)
    url = reverse("reporting:entry_field", args=[sub.pk])
    key = report.items.delegations_in.pk
    bad = client.post(url, {f"i-{key}": "năm", f"v-{key}": 0}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 200
    assert "Enter a number: “năm” is not one." in bad.content.decode()
    assert not Value.objects.filter(submission=sub, indicator_id=key).exists()
    good = client.post(url, {f"i-{key}": "5", f"v-{key}": 0}, HTTP_HX_REQUEST="true")
    assert "Saved" in good.content.decode()
    assert Value.objects.get(submission=sub, indicator_id=key).number == 5
    stale = client.post(url, {f"i-{key}": "6", f"v-{key}": 0}, HTTP_HX_REQUEST="true")
    assert "saved “5” here meanwhile" in stale.content.decode()
    assert Value.objects.get(submission=sub, indicator_id=key).number == 5


def test_full_save_and_submit_from_the_page(client, login, english, report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    login(users.hanoi)
    url = reverse("reporting:entry", args=[sub.pk])
    bad = client.post(url, post_entries(filled(report.items, committed="x"), sub))
    assert bad.status_code == 200
    assert not Value.objects.filter(submission=sub, indicator__code="D1").exists()
    response = client.post(url, {**post_entries(filled(report.items), sub), "submit": "1"})
    assert response.status_code == 302
    sub.refresh_from_db()
    assert (sub.state, sub.submitted_by) == (SubmissionState.SUBMITTED, users.hanoi)
    assert client.get(url).status_code == 200  # read-only now, with the reason


def test_only_reviewers_approve_or_return_from_the_page(client, login, report, orgs, users):
    sub = submission(orgs.hanoi, report.version, report.h1, SubmissionState.SUBMITTED)
    url = reverse("reporting:review", args=[sub.pk])
    login(users.hanoi)
    assert client.post(url, {"action": "approve"}).status_code == 403
    login(users.danang)
    assert client.post(url, {"action": "approve"}).status_code == 404
    assert Submission.objects.get(pk=sub.pk).state == SubmissionState.SUBMITTED
    login(users.central)
    key = report.items.committed.pk
    client.post(url, {"action": "return", f"comment-{key}": "Thiếu cam kết"})
    sub.refresh_from_db()
    assert sub.state == SubmissionState.RETURNED
    assert list(sub.comments.values_list("indicator_id", "text")) == [(key, "Thiếu cam kết")]


def test_unit_officer_cannot_open_another_unions_entry_page(client, login, report, orgs, users):
    sub = submission(orgs.danang, report.version, report.h1)
    login(users.hanoi)
    assert client.get(reverse("reporting:entry", args=[sub.pk])).status_code == 404
    login(users.hanoi_viewer)
    mine = submission(orgs.hanoi, report.version, report.h1)
    assert client.get(reverse("reporting:entry", args=[mine.pk])).status_code == 403


def test_second_submission_through_the_add_form_is_refused(client, login, report, orgs, users):
    submission(orgs.hanoi, report.version, report.h1)
    login(users.hanoi)
    data = {
        "organization": orgs.hanoi.pk,
        "form_version": report.version.pk,
        "period": report.h1.pk,
    }
    response = client.post(reverse("reporting:submission_add"), data)
    assert response.status_code == 200
    assert Submission.objects.filter(organization=orgs.hanoi).count() == 1


def test_api_submit_and_approve(client, login, report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    services.save_entries(
        sub, {k: services.Entry(v) for k, v in filled(report.items).items()}, by=users.hanoi
    )
    login(users.hanoi)
    url = f"/api/reporting/submissions/{sub.pk}/"
    assert client.get("/api/reporting/submissions/").json()["count"] == 1
    assert client.post(f"{url}submit/").json()["state"] == "submitted"
    assert client.post(f"{url}approve/").status_code == 403
    login(users.central)
    answer = client.post(
        f"{url}return/", {"fields": {"D1": "Sai"}}, content_type="application/json"
    )
    assert answer.json()["state"] == "returned"
    assert sub.comments.get().indicator == report.items.delegations_in


def test_api_refuses_values_of_a_locked_period(client, login, report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    services.set_period_lock(report.h1, locked=True, by=users.central)
    login(users.hanoi)
    data = {"submission": sub.pk, "indicator": report.items.delegations_in.pk, "number": "3"}
    response = client.post("/api/reporting/values/", data, content_type="application/json")
    assert response.status_code == 400
    assert "locked" in str(response.json())
    assert not sub.values.filter(indicator=report.items.delegations_in).exists()


# --- the completeness board ---------------------------------------------------------------------


def unions(orgs, count):
    return [
        make_org(f"Liên hiệp tỉnh {n}", OrganizationKind.PROVINCIAL_UNION, orgs.central)
        for n in range(count)
    ]


def test_board_counts_states_lateness_and_sections(report, orgs, users):
    approved = submission(
        orgs.hanoi,
        report.version,
        report.h1_2024,
        SubmissionState.APPROVED,
        {report.items.partners: 3, report.items.committed: 5},
        submitted_at=datetime(2024, 7, 1, 9, tzinfo=HANOI_TIME),
    )
    assert approved.pk
    board = completeness_board(
        report.version, report.h1_2024, users.central, today=date(2024, 8, 1)
    )
    rows = {row.organization.pk: row for row in board.rows}
    assert set(rows) == {orgs.hanoi.pk, orgs.danang.pk}
    hanoi, danang = rows[orgs.hanoi.pk], rows[orgs.danang.pk]
    # section 1 holds P1, D2, A1, R1 (4 items); section 2 holds D1, D3, A2, N1
    assert [(f.filled, f.total) for f in hanoi.sections] == [(2, 4), (0, 4)]
    assert (hanoi.state, hanoi.late, hanoi.percent) == ("approved", False, 25)
    assert (danang.state, danang.late, danang.percent) == ("", True, 0)
    assert board.counts == {
        "approved": 1,
        "not_started": 1,
        "late": 1,
        "total": 2,
        "draft": 0,
        "submitted": 0,
        "returned": 0,
    }


def test_board_queries_do_not_grow_with_organizations(client, login, report, orgs, users):
    login(users.central)
    url = reverse("reporting:board", args=[report.h1.pk])

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    few = queries()
    # the session, the user, the period, the version, the organizations, the submissions, the
    # sections, the filled values…: nothing per organization or section
    assert few <= 11  # with the navigation bell's unread count
    for union in unions(orgs, 12):
        submission(union, report.version, report.h1, values={report.items.partners: 1})
    assert queries() == few


def test_unit_officer_board_shows_only_its_scope(report, orgs, users):
    board = completeness_board(report.version, report.h1, users.hanoi)
    assert [row.organization for row in board.rows] == [orgs.hanoi]


# --- consolidation ------------------------------------------------------------------------------


@pytest.fixture
def merged(report, orgs, users):
    """Ha Tay and Ha Noi reported in 2024; Ha Tay merged into Ha Noi in 2025."""
    hatay = make_org("Liên hiệp Hà Tây", OrganizationKind.PROVINCIAL_UNION, orgs.central)
    for org, partners, share in ((orgs.hanoi, 10, 40), (hatay, 5, 60), (orgs.danang, 7, 50)):
        submission(
            org,
            report.version,
            report.h1_2024,
            SubmissionState.APPROVED,
            {report.items.partners: partners, report.items.share: share},
        )
    submission(
        orgs.hanoi,
        report.version,
        report.h1,
        SubmissionState.SUBMITTED,
        {report.items.partners: 20},
    )
    submission(
        orgs.danang, report.version, report.h1, SubmissionState.DRAFT, {report.items.partners: 99}
    )  # a draft does not count
    LineageEvent.objects.create(
        organization=hatay,
        kind=LineageEventKind.MERGED,
        occurred_on=date(2025, 7, 1),
        successor=orgs.hanoi,
    )
    hatay.status, hatay.parent = OrganizationStatus.MERGED, orgs.hanoi  # as a merger does
    hatay.save()
    return hatay


def _table(pivot):
    return {row.label: row.cells for row in pivot.rows}


def test_consolidation_to_current_boundaries_rolls_merged_unions_into_successors(
    report, orgs, users, merged
):
    items = [report.items.partners, report.items.share]
    periods = [report.h1_2024, report.h1]
    current = consolidate(users.central, items, periods, by="organization")
    assert _table(current) == {  # the names as the page shows them (in English here)
        str(orgs.hanoi): [35, Decimal("50.00")],
        str(orgs.danang): [7, Decimal("50.00")],
    }
    assert current.totals == [Decimal(42), Decimal("50.00")]
    reported = consolidate(users.central, items, periods, by="organization", boundaries="reported")
    assert sorted(row.cells[0] for row in reported.rows) == [Decimal(5), Decimal(7), Decimal(30)]
    assert reported.totals == current.totals
    by_period = consolidate(users.central, items, periods, by="period")
    assert [(row.label, row.cells[0]) for row in by_period.rows] == [
        ("First half of 2024", Decimal(22)),
        ("First half of 2025", Decimal(20)),
    ]


def test_consolidation_is_scoped(report, orgs, users, merged):
    pivot = consolidate(users.hanoi, [report.items.partners], [report.h1_2024], by="organization")
    assert pivot.totals == [Decimal(15)]  # Ha Noi and, now under it, merged Ha Tay


def test_pivot_queries_do_not_grow_with_organizations(client, login, report, orgs, users, merged):
    login(users.central)
    url = reverse("reporting:consolidation")
    query = {"form": report.form.pk, "period": [report.h1_2024.pk, report.h1.pk]}

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url, query).status_code == 200
        return len(context.captured_queries)

    few = queries()
    # the session, the user, their organization, the forms, the periods, the version, its
    # indicators, the mergers, the figures, the rows' names: nothing per row, cell or option
    assert few <= 11  # with the navigation bell's unread count
    for union in unions(orgs, 12):
        submission(
            union, report.version, report.h1, SubmissionState.SUBMITTED, {report.items.partners: 1}
        )
    assert queries() == few
    export = client.get(url, {**query, "export": "xlsx"})
    assert export.content[:2] == b"PK"


def test_consolidated_word_report(client, login, report, orgs, users, merged):
    from amity.reporting.report import report_context

    Value.objects.create(
        submission=Submission.objects.get(organization=orgs.hanoi, period=report.h1),
        indicator=report.items.narrative,
        text="Đón 3 đoàn Lào",
    )
    context = report_context(report.h1, users.central)
    assert context["narratives"][0]["entries"] == [
        {"organization": str(orgs.hanoi), "text": "Đón 3 đoàn Lào"}
    ]
    login(users.central)
    response = client.get(reverse("reporting:report", args=[report.h1.pk]))
    assert response.status_code == 200
    assert response.content[:2] == b"PK"


def test_consolidation_follows_a_chain_of_mergers_to_a_carrier_that_reported_nothing(
    report, orgs, users
):
    from amity.geo.models import Province

    capital = Province.objects.filter(is_current=True).order_by("code").first()
    hatay = make_org(
        "Liên hiệp Hà Tây", OrganizationKind.PROVINCIAL_UNION, orgs.central, province=capital
    )
    new_capital = make_org(
        "Liên hiệp Thủ đô", OrganizationKind.PROVINCIAL_UNION, orgs.central, province=capital
    )
    orgs.hanoi.province = capital
    orgs.hanoi.save()
    for org, partners, share in (
        (orgs.hanoi, 10, "40.5"),
        (hatay, 5, "60"),
        (orgs.danang, 7, "50"),
    ):
        submission(
            org,
            report.version,
            report.h1_2024,
            SubmissionState.APPROVED,
            {report.items.partners: partners, report.items.share: share},
        )
    for before, after, day in (
        (hatay, orgs.hanoi, date(2024, 1, 1)),
        (orgs.hanoi, new_capital, date(2025, 7, 1)),
    ):
        LineageEvent.objects.create(
            organization=before, kind=LineageEventKind.MERGED, occurred_on=day, successor=after
        )
    items = [report.items.partners, report.items.share]
    current = consolidate(users.central, items, [report.h1_2024])
    assert _table(current) == {  # Ha Tay into Ha Noi, Ha Noi into the new Union: all of it there
        str(new_capital): [15, Decimal("50.25")],  # (40.5 + 60) / 2
        str(orgs.danang): [7, Decimal("50.00")],
    }
    assert current.totals == [22, Decimal("50.17")]  # (40.5 + 60 + 50) / 3
    reported = consolidate(users.central, items, [report.h1_2024], boundaries="reported")
    assert _table(reported)[str(hatay)] == [5, Decimal("60.00")]
    assert reported.totals == current.totals
    by_province = consolidate(users.central, items, [report.h1_2024], by="province")
    assert _table(by_province) == {
        str(capital): [15, Decimal("50.25")],
        "No province": [7, Decimal("50.00")],
    }


def test_one_period_read_value_by_value_gives_what_the_database_adds_up(report, orgs, users):
    """One period's values are read one by one (a Union has one submission a period, and it one
    value an indicator); over several periods the database adds them up: the same figures."""
    items = [report.items.partners, report.items.share]
    for org, partners, share in ((orgs.hanoi, 3, "12.5"), (orgs.danang, 4, "20")):
        submission(
            org,
            report.version,
            report.h1,
            SubmissionState.APPROVED,
            {report.items.partners: partners, report.items.share: share},
        )
    one_period = consolidate(users.central, items, [report.h1])
    two_periods = consolidate(users.central, items, [report.h1, report.h1_2024])  # 2024: none
    assert _table(one_period) == {
        str(orgs.hanoi): [3, Decimal("12.50")],
        str(orgs.danang): [4, Decimal("20.00")],
    }
    assert _table(two_periods) == _table(one_period)
    assert one_period.totals == two_periods.totals == [7, Decimal("16.25")]
