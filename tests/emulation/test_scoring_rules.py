"""The rules of emulation scoring: points within a criterion's bounds, the sheet's workflow and
who takes each step, the computed values beside the self-scores, the ranking and its tie-break,
copying clusters to next year, and the pages and files."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from amity.core.writes import ChangeRefused, save_record
from amity.emulation import scoring_services as services
from amity.emulation.models import Cluster, Criterion, Score, ScoreSheet
from amity.emulation.models.scoring import CriterionKind, SheetState
from amity.organizations.choices import LineageEventKind, OrganizationKind, OrganizationStatus
from amity.organizations.models import LineageEvent
from tests.conftest import make_org
from tests.emulation import scoring_builders as build

pytestmark = pytest.mark.django_db

D = Decimal
Given = services.ScoreInput


@pytest.fixture
def table(orgs):
    """A table of two sections: 1.1 (max 10), 1.2 (max 5, no evidence needed), 2.1 (max 20),
    and the penalty 2.9 (max 5)."""
    made = build.table(orgs.central)
    first = build.section(orgs.central, of_table=made, number=1)
    second = build.section(orgs.central, of_table=made, number=2)
    build.criterion(first, "1.1", "10")
    build.criterion(first, "1.2", "5", evidence_required=False)
    build.criterion(second, "2.1", "20")
    build.criterion(second, "2.9", "5", kind=CriterionKind.PENALTY, evidence_required=False)
    return made


@pytest.fixture
def cluster(orgs):
    return build.cluster(
        orgs.central, [orgs.hanoi, orgs.danang], head=orgs.danang, deputy=orgs.hanoi
    )


def new_sheet(unit, table, cluster=None, user=None, year=2026):
    """A sheet as the write path makes it: with a row for every criterion."""
    sheet = ScoreSheet(organization=unit, year=year, criteria_table=table, cluster=cluster)
    return save_record(sheet, user, check_scope=False)


def rows_of(sheet) -> dict[str, Score]:
    return {
        s.criterion.code: s for s in Score.objects.filter(sheet=sheet).select_related("criterion")
    }


def inputs(sheet, **by_code) -> dict[int, services.ScoreInput]:
    scores = rows_of(sheet)
    return {scores[code[1:].replace("_", ".")].pk: given for code, given in by_code.items()}


def full_self_score(sheet, user):
    services.save_self_scores(
        sheet,
        inputs(
            sheet,
            c1_1=Given("8", "Báo cáo 1"),
            c1_2=Given("5"),
            c2_1=Given("15", "Kế hoạch 2"),
            c2_9=Given("0"),
        ),
        by=user,
    )


def points(sheet) -> dict[str, tuple]:
    return {
        code: (s.self_points, s.cluster_points, s.council_points)
        for code, s in rows_of(sheet).items()
    }


# --- a new sheet --------------------------------------------------------------------------------


def test_a_new_sheet_has_a_row_for_every_criterion(orgs, users, table, cluster):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    assert sorted(rows_of(sheet)) == ["1.1", "1.2", "2.1", "2.9"]
    assert all(s.self_points is None for s in rows_of(sheet).values())


# --- points within the criterion's bounds -------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "raw", "message"),
    [
        ("1_1", "10.5", "At most 10.00 points for criterion 1.1."),
        ("1_1", "-1", "Criterion 1.1 is not a penalty: its points cannot be negative."),
        ("2_9", "2", "Criterion 2.9 is a penalty: its points are zero or negative."),
        ("2_9", "-6", "At most 5.00 points for criterion 2.9."),
        ("1_1", "ten", "Criterion 1.1: “ten” is not a number of points."),
        ("1_1", "NaN", "Criterion 1.1: “NaN” is not a number of points."),
        ("1_1", "1e9", "Criterion 1.1: “1e9” is not a number of points."),
    ],
)
def test_points_out_of_bounds_are_refused_and_nothing_is_written(
    orgs, users, table, cluster, code, raw, message
):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    given = {"c1_2": Given("4"), f"c{code}": Given(raw, "Bằng chứng")}
    with pytest.raises(ValidationError) as refused:
        services.save_self_scores(sheet, inputs(sheet, **given), by=users.hanoi)
    assert refused.value.messages == [message]
    assert points(sheet)["1.2"] == (None, None, None)  # the good row is not written either


def test_a_penalty_takes_negative_points(orgs, users, table, cluster):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    services.save_self_scores(sheet, inputs(sheet, c2_9=Given("-2,5")), by=users.hanoi)
    assert points(sheet)["2.9"] == (D("-2.50"), None, None)


def test_a_unit_may_not_score_another_units_sheet(orgs, users, table, cluster):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    with pytest.raises(PermissionDenied):
        services.save_self_scores(sheet, inputs(sheet, c1_1=Given("5", "x")), by=users.danang)
    assert points(sheet)["1.1"] == (None, None, None)


# --- submitting ---------------------------------------------------------------------------------


def test_submit_needs_every_criterion_scored(orgs, users, table, cluster):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    services.save_self_scores(sheet, inputs(sheet, c1_1=Given("8", "Báo cáo")), by=users.hanoi)
    with pytest.raises(ValidationError) as refused:
        services.submit_sheet(sheet, by=users.hanoi)
    assert refused.value.messages == ["Criteria without a self-score: 1.2, 2.1, 2.9."]
    sheet.refresh_from_db()
    assert sheet.state == SheetState.DRAFT


def test_submit_needs_the_evidence_where_required(orgs, users, table, cluster):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    services.save_self_scores(
        sheet,
        inputs(sheet, c1_1=Given("8"), c1_2=Given("5"), c2_1=Given("0"), c2_9=Given("0")),
        by=users.hanoi,
    )
    with pytest.raises(ValidationError) as refused:
        services.submit_sheet(sheet, by=users.hanoi)
    # 2.1 is scored 0: nothing to evidence; 1.2 needs none
    assert refused.value.messages == ["Criteria scored without their evidence: 1.1."]


def test_submit_moves_the_sheet_and_locks_the_self_scores(orgs, users, table, cluster):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    full_self_score(sheet, users.hanoi)
    services.submit_sheet(sheet, by=users.hanoi)
    sheet.refresh_from_db()
    assert sheet.state == SheetState.SELF_SCORED
    assert sheet.submitted_at is not None
    with pytest.raises(ValidationError) as refused:
        services.save_self_scores(sheet, inputs(sheet, c1_1=Given("10", "x")), by=users.hanoi)
    assert refused.value.messages == [
        "The sheet has been submitted for review: its self-scores cannot change."
    ]
    assert points(sheet)["1.1"] == (D("8.00"), None, None)


# --- a self-score beside the computed value -----------------------------------------------------


def test_a_self_score_differing_from_the_computed_value_needs_an_explanation(
    orgs, users, table, cluster
):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    Score.objects.filter(sheet=sheet, criterion__code="2.1").update(
        computed_value=D("3"), computed_points=D("12.00")
    )
    with pytest.raises(ValidationError) as refused:
        services.save_self_scores(
            sheet, inputs(sheet, c2_1=Given("15", "Kế hoạch")), by=users.hanoi
        )
    assert refused.value.messages == [
        "2.1: The self-score (15.00) differs from the computed value (12.00): explain the "
        "difference."
    ]
    services.save_self_scores(
        sheet,
        inputs(sheet, c2_1=Given("15", "Kế hoạch", "Hai sự kiện chưa nhập vào hệ thống")),
        by=users.hanoi,
    )
    assert rows_of(sheet)["2.1"].explanation == "Hai sự kiện chưa nhập vào hệ thống"


def test_submit_refuses_an_unexplained_difference(orgs, users, table, cluster):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    full_self_score(sheet, users.hanoi)
    Score.objects.filter(sheet=sheet, criterion__code="2.1").update(computed_points=D("12.00"))
    with pytest.raises(ValidationError) as refused:
        services.submit_sheet(sheet, by=users.hanoi)
    assert refused.value.messages == [
        "Self-scores differing from the computed value without an explanation: 2.1."
    ]


# --- the cluster's review and the council's confirmation ----------------------------------------


@pytest.fixture
def submitted(orgs, users, table, cluster):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    full_self_score(sheet, users.hanoi)
    return services.submit_sheet(sheet, by=users.hanoi)


def test_a_cluster_adjustment_needs_a_reason(users, submitted):
    with pytest.raises(ValidationError) as refused:
        services.adjust_cluster_scores(
            submitted, inputs(submitted, c1_1=Given("6")), by=users.danang
        )
    assert refused.value.messages == ["Criterion 1.1: say why the points change from 8.00 to 6.00."]
    assert points(submitted)["1.1"] == (D("8.00"), None, None)


def test_the_cluster_head_adjusts_with_a_reason_and_history_keeps_it(users, submitted):
    services.adjust_cluster_scores(
        submitted,
        inputs(submitted, c1_1=Given("6", "Thiếu báo cáo quý IV"), c1_2=Given("5")),
        by=users.danang,
    )
    score = rows_of(submitted)["1.1"]
    assert (score.cluster_points, score.cluster_reason) == (D("6.00"), "Thiếu báo cáo quý IV")
    assert points(submitted)["1.2"] == (D("5.00"), None, None)  # unchanged: no adjustment
    latest = score.history.first()
    assert latest.history_user == users.danang
    assert latest.cluster_points == D("6.00")


def test_only_the_cluster_head_or_the_centre_reviews(users, submitted):
    with pytest.raises(PermissionDenied):
        services.adjust_cluster_scores(
            submitted, inputs(submitted, c1_1=Given("6", "Lý do")), by=users.hanoi
        )
    with pytest.raises(PermissionDenied):
        services.review_sheet(submitted, by=users.hanoi)
    services.review_sheet(submitted, by=users.central)
    submitted.refresh_from_db()
    assert submitted.state == SheetState.CLUSTER_REVIEWED


def test_a_self_score_cannot_change_after_the_cluster_reviewed(
    client, orgs, users, login, submitted
):
    services.review_sheet(submitted, by=users.danang)
    score = rows_of(submitted)["1.1"]
    with pytest.raises(ValidationError) as refused:
        services.save_self_scores(submitted, {score.pk: Given("10", "x")}, by=users.hanoi)
    assert refused.value.messages == [
        "The cluster has reviewed this sheet: its self-scores cannot change."
    ]
    score.self_points = D("10")
    with pytest.raises(ChangeRefused):
        save_record(score, users.hanoi)
    login(users.hanoi)
    response = client.patch(
        f"/api/emulation/scores/{score.pk}/",
        {"self_points": "10", "version": score.version},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert client.post(f"/emulation/scores/{score.pk}/edit/", {}).status_code == 403
    assert points(submitted)["1.1"] == (D("8.00"), None, None)


def test_the_council_confirms_and_its_points_win(users, submitted):
    services.adjust_cluster_scores(
        submitted, inputs(submitted, c1_1=Given("6", "Thiếu báo cáo")), by=users.danang
    )
    services.review_sheet(submitted, by=users.danang)
    with pytest.raises(PermissionDenied):
        services.confirm_sheet(submitted, by=users.danang)
    with pytest.raises(ValidationError) as refused:
        services.adjust_council_scores(
            submitted, inputs(submitted, c1_1=Given("7")), by=users.central
        )
    assert refused.value.messages == ["Criterion 1.1: say why the points change from 6.00 to 7.00."]
    services.adjust_council_scores(
        submitted, inputs(submitted, c1_1=Given("7", "Bổ sung minh chứng")), by=users.central
    )
    services.confirm_sheet(submitted, by=users.central)
    submitted.refresh_from_db()
    assert submitted.state == SheetState.CONFIRMED
    assert points(submitted)["1.1"] == (D("8.00"), D("6.00"), D("7.00"))
    [row] = services.ranking(ScoreSheet.objects.filter(pk=submitted.pk))
    assert row.total == D("27.00")  # 7 (council) + 5 + 15 + 0


def test_a_step_out_of_order_is_refused(users, submitted):
    with pytest.raises(ValidationError) as refused:
        services.confirm_sheet(submitted, by=users.central)
    assert refused.value.messages == [
        "This step is for a sheet that is “Reviewed by the cluster”; this one is "
        "“Self-scored, awaiting the cluster's review”."
    ]


def test_a_returned_sheet_is_a_draft_again(users, submitted):
    services.return_sheet(submitted, reason="Thiếu minh chứng", by=users.danang)
    submitted.refresh_from_db()
    assert submitted.state == SheetState.DRAFT


# --- the ranking ----------------------------------------------------------------------------------


def scored(unit, table, cluster, user, values, year=2026):
    sheet = new_sheet(unit, table, cluster, user, year=year)
    services.save_self_scores(
        sheet,
        inputs(sheet, **{f"c{code}": Given(raw, "Minh chứng") for code, raw in values.items()}),
        by=user,
    )
    return sheet


def test_ranking_breaks_ties_by_section_one_then_penalties_then_name(orgs, users, table):
    a = make_org("An Giang", OrganizationKind.PROVINCIAL_UNION, orgs.central)
    b = make_org("Bắc Ninh", OrganizationKind.PROVINCIAL_UNION, orgs.central)
    c = make_org("Cà Mau", OrganizationKind.PROVINCIAL_UNION, orgs.central)
    d = make_org("Đồng Nai", OrganizationKind.PROVINCIAL_UNION, orgs.central)
    north = build.cluster(orgs.central, [orgs.hanoi, a, b], name="Cụm 1")
    south = build.cluster(orgs.central, [c, d, orgs.danang], name="Cụm 2")
    admin = users.admin
    scored(orgs.hanoi, table, north, admin, {"1_1": "10", "2_1": "10"})  # 20, s1 10
    scored(a, table, north, admin, {"1_1": "5", "2_1": "15"})  # 20, s1 5
    scored(b, table, north, admin, {"1_1": "10", "2_1": "12", "2_9": "-2"})  # 20, s1 10, pen -2
    scored(c, table, south, admin, {"1_1": "10", "2_1": "10"})  # 20, s1 10: ties with Ha Noi
    scored(d, table, south, admin, {"1_1": "10", "1_2": "5", "2_1": "20"})  # 35
    with CaptureQueriesContext(connection) as queries:
        rows = services.ranking(ScoreSheet.objects.filter(year=2026))
    assert len(queries) == 1
    assert [(r.organization, r.total, r.rank, r.cluster_rank) for r in rows] == [
        ("Đồng Nai", D("35.00"), 1, 1),
        ("Cà Mau", D("20.00"), 2, 2),  # same points as Ha Noi: shares the rank, by name first
        ("Ha Noi Union", D("20.00"), 2, 1),
        ("Bắc Ninh", D("20.00"), 4, 2),  # penalties
        ("An Giang", D("20.00"), 5, 3),  # less in section 1
    ]
    assert services.cluster_result(north).leader.organization == "Ha Noi Union"


def test_the_ranking_matches_the_hand_written_sql(orgs, users, table, cluster):
    scored(orgs.hanoi, table, cluster, users.admin, {"1_1": "7", "2_9": "-1"})
    scored(orgs.danang, table, cluster, users.admin, {"1_1": "9", "2_1": "3"})
    sql, params = services.ranking_sql(2026)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        raw = [(row[1], D(str(row[3])).quantize(D("0.01"))) for row in cursor.fetchall()]
    rows = services.ranking(ScoreSheet.objects.filter(year=2026, campaign__isnull=True))
    assert (
        raw
        == [(r.organization_id, r.total) for r in rows]
        == [
            (orgs.danang.pk, D("12.00")),
            (orgs.hanoi.pk, D("6.00")),
        ]
    )


# --- copying the clusters to next year ------------------------------------------------------------


def test_copy_forward_follows_mergers_and_rotates_the_head(orgs, users, table):
    merged = make_org(
        "Liên hiệp Hà Tây",
        OrganizationKind.PROVINCIAL_UNION,
        orgs.central,
        status=OrganizationStatus.MERGED,
    )
    ended = make_org(
        "Liên hiệp Ngừng",
        OrganizationKind.PROVINCIAL_UNION,
        orgs.central,
        status=OrganizationStatus.TERMINATED,
    )
    LineageEvent.objects.create(
        organization=merged,
        kind=LineageEventKind.MERGED,
        occurred_on=date(2025, 7, 1),
        successor=orgs.hanoi,
    )
    old = build.cluster(
        orgs.central,
        [orgs.danang, orgs.hanoi, merged, ended],
        year=2025,
        name="Cụm 1",
        head=orgs.danang,
        deputy=orgs.hanoi,
        criteria_table=table,
        pact_commitments="Cam kết 2025",
    )
    [copy] = services.copy_clusters_forward(2025, by=users.central)
    assert (copy.year, copy.name, copy.criteria_table, copy.pact_commitments) == (
        2026,
        "Cụm 1",
        table,
        "",
    )
    # members by name: Da Nang, Ha Noi (Ha Tay merged into it), the ended one left out
    assert set(copy.members.all()) == {orgs.danang, orgs.hanoi}
    assert (copy.head, copy.deputy) == (orgs.hanoi, orgs.danang)
    assert old.history.count() == 1  # the source is untouched
    with pytest.raises(ValidationError) as refused:
        services.copy_clusters_forward(2025, by=users.central)
    assert refused.value.messages == ["2026 already has its clusters: nothing was copied."]
    assert Cluster.objects.filter(year=2026).count() == 1
    with pytest.raises(PermissionDenied):
        services.copy_clusters_forward(2026, by=users.hanoi)


# --- pages and files ------------------------------------------------------------------------------


def test_a_member_sees_the_ranking_once_published(client, orgs, users, login, submitted, cluster):
    login(users.hanoi)
    page = client.get(cluster.get_absolute_url())
    assert page.status_code == 200
    assert page.context["ranking_shown"] is False
    assert client.get(f"/emulation/clusters/{cluster.pk}/ranking.xlsx").status_code == 404
    api = client.get("/api/emulation/score-sheets/")
    assert [row["id"] for row in api.json()["results"]] == [submitted.pk]
    services.publish_ranking(cluster, by=users.central)
    page = client.get(cluster.get_absolute_url())
    assert page.context["ranking_shown"] is True
    assert [m["rank"].cluster_rank for m in page.context["board_members"] if m["rank"]] == [1]
    assert "Ties are broken by more points in section 1" in page.content.decode()


def test_the_cluster_head_sees_the_members_sheets(client, users, login, submitted, cluster):
    login(users.danang)
    assert client.get(submitted.get_absolute_url()).status_code == 200
    page = client.get(cluster.get_absolute_url())
    assert page.context["ranking_shown"] is True


def test_the_sheet_page_takes_the_units_steps(client, orgs, users, login, table, cluster):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.hanoi)
    scores = rows_of(sheet)
    login(users.hanoi)
    page = client.get(sheet.get_absolute_url())
    assert page.context["stage"] == "self"
    post = {
        "action": "submit",
        f"points-{scores['1.1'].pk}": "8",
        f"text-{scores['1.1'].pk}": "Báo cáo",
        f"points-{scores['1.2'].pk}": "5",
        f"points-{scores['2.1'].pk}": "30",  # above the maximum: nothing saved, not submitted
        f"points-{scores['2.9'].pk}": "0",
    }
    response = client.post(f"/emulation/score-sheets/{sheet.pk}/step/", post, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "At most 20.00 points for criterion 2.1."
    ]
    assert points(sheet)["1.1"] == (None, None, None)
    post[f"points-{scores['2.1'].pk}"] = "0"
    client.post(f"/emulation/score-sheets/{sheet.pk}/step/", post)
    sheet.refresh_from_db()
    assert sheet.state == SheetState.SELF_SCORED
    assert client.get(sheet.get_absolute_url()).context["stage"] == ""
    login(users.danang)
    assert client.get(sheet.get_absolute_url()).context["stage"] == "cluster"


def test_files_of_the_sheet_and_the_cluster(client, users, login, submitted, cluster):
    from docx import Document
    from openpyxl import load_workbook

    login(users.central)
    response = client.get(f"/emulation/score-sheets/{submitted.pk}/xlsx/")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[2]][:6] == ["1. Phần 1", "1.1", "Tiêu chí 1.1", 10, None, 8]
    response = client.get(f"/emulation/clusters/{cluster.pk}/ranking.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[3][:6] == (
        1,
        1,
        "Ha Noi Union",
        cluster.name,
        "Self-scored, awaiting the cluster's review",
        28,
    )
    response = client.get(f"/emulation/clusters/{cluster.pk}/results.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Proposed for the cluster's emulation flag: Ha Noi Union." in text


@pytest.mark.parametrize("year", ["", "1800", "99999999999", "２０２６", "2026\x00", "abc"])
def test_the_ranking_page_takes_any_year(client, users, login, submitted, year):
    login(users.central)
    response = client.get("/emulation/ranking/", {"year": year})
    assert response.status_code == 200


def test_the_ranking_page_and_its_export(client, users, login, submitted, cluster):
    login(users.central)
    page = client.get("/emulation/ranking/", {"year": "2026"})
    assert [row.organization for row in page.context["overall"]] == ["Ha Noi Union"]
    response = client.get("/emulation/ranking/", {"year": "2026", "export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_board_and_the_sheet_do_not_grow_in_queries(
    client, orgs, users, login, table, cluster, django_assert_max_num_queries
):
    sheet = new_sheet(orgs.hanoi, table, cluster, users.admin)
    login(users.central)
    with django_assert_max_num_queries(25):
        assert client.get(cluster.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(sheet.get_absolute_url()).status_code == 200


# --- computed criteria ----------------------------------------------------------------------------


class FakeFacts:
    """What `emulation.facts.activity_facts` gives for one organization: values and links."""

    def __init__(self, values):
        self.values = values

    def value(self, key):
        return self.values.get(key, 0)

    def link(self, key):
        return f"/records/{key}/" if key in self.values else ""


@pytest.fixture
def facts(monkeypatch, orgs):
    """The facts module as the review's helper writes it, with fixed figures: Ha Noi organised 3
    events and mobilised 250,000 USD; Da Nang has no facts at all."""
    import sys
    import types

    asked = []

    def activity_facts(organizations, start, end):
        asked.append((sorted(org.pk for org in organizations), start, end))
        figures = {"events_organised": 3, "aid_committed_usd": Decimal("250000")}
        return {orgs.hanoi.pk: FakeFacts(figures)}

    module = types.ModuleType("amity.emulation.facts")
    module.activity_facts = activity_facts
    monkeypatch.setitem(sys.modules, "amity.emulation.facts", module)
    return asked


@pytest.fixture
def computed_table(orgs):
    made = build.table(orgs.central, 7)
    section = build.section(orgs.central, of_table=made)
    build.criterion(section, "1.1", "8", computed_from="events_organised", computed_target=D("4"))
    build.criterion(
        section, "1.2", "10", computed_from="aid_committed_usd", computed_target=D("500000")
    )
    build.criterion(section, "1.3", "5")
    return made


def test_a_new_sheet_is_computed_from_the_records_with_links(orgs, users, facts, computed_table):
    hanoi = new_sheet(orgs.hanoi, computed_table, user=users.hanoi)
    danang = new_sheet(orgs.danang, computed_table, user=users.danang, year=2025)
    rows = rows_of(hanoi)
    assert [
        (code, s.computed_value, s.computed_points, s.self_points, s.computed_links)
        for code, s in sorted(rows.items())
    ] == [
        ("1.1", D("3.00"), D("6.00"), D("6.00"), ["/records/events_organised/"]),
        ("1.2", D("250000.00"), D("5.00"), D("5.00"), ["/records/aid_committed_usd/"]),
        ("1.3", None, None, None, []),
    ]
    assert facts[0] == ([orgs.hanoi.pk], date(2026, 1, 1), date(2026, 12, 31))
    assert rows_of(danang)["1.1"].computed_points == D("0.00")  # no facts of its own: no points


def test_computing_again_keeps_the_units_own_score_and_writes_only_what_moved(
    orgs, users, facts, computed_table
):
    sheet = new_sheet(orgs.hanoi, computed_table, user=users.hanoi)
    services.save_self_scores(
        sheet,
        inputs(sheet, c1_1=Given("8", "", "Một sự kiện chưa nhập"), c1_3=Given("4", "Báo cáo")),
        by=users.hanoi,
    )
    assert services.compute_sheets([sheet], by=users.hanoi) == 0
    assert rows_of(sheet)["1.1"].self_points == D("8.00")
    services.submit_sheet(sheet, by=users.hanoi)
    sheet.refresh_from_db()
    assert services.compute_sheets([sheet], by=users.hanoi) == 0  # a submitted sheet is kept


def test_points_for_a_computed_value():
    criterion = Criterion(max_points=D("8"), computed_target=D("4"))
    assert [criterion.points_for(v) for v in (0, 1, 3, 4, 9, None)] == [
        D("0.00"),
        D("2.00"),
        D("6.00"),
        D("8.00"),
        D("8.00"),
        D("0"),
    ]


def test_the_ranking_api_keeps_to_what_the_user_may_see(client, users, login, submitted, cluster):
    login(users.hanoi)
    assert client.get("/api/emulation/ranking/", {"year": "2026"}).json() == []
    for bad in ("", "1800", "２０２６", "2026.5"):
        response = client.get("/api/emulation/ranking/", {"year": bad})
        assert response.status_code == 400
        assert response.json() == {"year": ["A year between 2000 and 2100."]}
    services.publish_ranking(cluster, by=users.central)
    [row] = client.get("/api/emulation/ranking/", {"year": "2026"}).json()
    assert row == {
        "sheet": submitted.pk,
        "organization": submitted.organization_id,
        "organization_name": "Ha Noi Union",
        "cluster": cluster.pk,
        "state": "self_scored",
        "total": "28.00",
        "first_section": "13.00",
        "penalties": "0.00",
        "rank_in_cluster": 1,
    }
    login(users.danang)  # the head sees it as it forms; a stranger to the cluster nothing
    assert len(client.get("/api/emulation/ranking/", {"year": "2026"}).json()) == 1


def test_computed_from_the_real_records(orgs, users, computed_table):
    """With the review's facts: Ha Noi hosted two events in 2026 (one in 2025 does not count)."""
    from tests.events.factories import event

    event(orgs.hanoi, 0, start=date(2026, 3, 1))
    event(orgs.hanoi, 1, start=date(2026, 9, 1))
    event(orgs.hanoi, 2, start=date(2025, 9, 1))
    sheet = new_sheet(orgs.hanoi, computed_table, user=users.hanoi)
    score = rows_of(sheet)["1.1"]
    assert (score.computed_value, score.computed_points, score.self_points) == (
        D("2.00"),
        D("4.00"),
        D("4.00"),
    )
    assert score.computed_links == [
        f"/events/events/?organization={orgs.hanoi.pk}"
        "&start_after=2026-01-01&start_before=2026-12-31"
    ]
    assert rows_of(sheet)["1.2"].computed_points == D("0.00")


def test_only_the_unit_refreshes_its_computed_values(client, users, login, submitted):
    services.return_sheet(submitted, reason="Thiếu minh chứng", by=users.central)
    login(users.danang)  # the cluster head sees the sheet, but does not score it
    response = client.post(
        f"/emulation/score-sheets/{submitted.pk}/step/", {"action": "compute"}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["Only the unit scores itself."]
    response = client.post(
        f"/emulation/score-sheets/{submitted.pk}/step/", {"action": "fly"}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == ["Unknown step."]
