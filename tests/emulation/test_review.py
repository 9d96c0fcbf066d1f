"""The yearly review: deciding, scoping, the lifecycle step it leads to, the dormant board, the
review year's table and export, the profile page, and bad input."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from amity.emulation import review_services
from amity.emulation.models import Review
from amity.emulation.models.review import ReviewState
from amity.organizations.choices import LineageEventKind, OrganizationKind
from amity.organizations.models import LineageEvent, Organization
from amity.partners.models import Interaction, Partner

pytestmark = pytest.mark.django_db


def review_of(orgs, organization, year=2025, **extra):
    extra.setdefault("reviewer", orgs.central)
    return Review.objects.create(organization=organization, year=year, **extra)


def interaction(organization, day):
    partner = Partner.objects.create(kind="ngo", name=f"NGO {organization.pk} {day}")
    return Interaction.objects.create(
        partner=partner, organization=organization, occurred_on=day, kind="meeting"
    )


# --- deciding -------------------------------------------------------------------------------------


def test_a_review_says_what_it_decides_before_it_is_decided(orgs, users):
    review = review_of(orgs, orgs.hanoi, assessment="weakly")
    with pytest.raises(ValidationError) as refused:
        review_services.decide_review(review, by=users.central)
    assert refused.value.message_dict == {"proposal": ["Give the proposal before deciding."]}
    review.refresh_from_db()
    assert (review.state, review.decided_on, review.decided_by, review.version) == (
        ReviewState.DRAFT,
        None,
        None,
        1,
    )


def test_deciding_fixes_the_review_with_who_and_when(orgs, users):
    review = review_of(orgs, orgs.hanoi, assessment="weakly", proposal="strengthen")
    decided = review_services.decide_review(review, by=users.central)
    decided.refresh_from_db()
    assert (decided.state, decided.decided_on, decided.decided_by) == (
        ReviewState.DECIDED,
        timezone.localdate(),
        users.central,
    )
    assert decided.history.latest().history_user == users.central
    with pytest.raises(ValidationError, match="decided already"):
        review_services.decide_review(decided, by=users.central)


def test_a_unit_may_not_decide_the_centres_review(orgs, users):
    review = review_of(orgs, orgs.hanoi, assessment="well", proposal="keep")
    with pytest.raises(PermissionDenied):
        review_services.decide_review(review, by=users.hanoi)
    review.refresh_from_db()
    assert review.state == ReviewState.DRAFT


def test_a_decided_review_is_not_edited_by_the_form_or_the_api(client, orgs, users, login):
    review = review_of(orgs, orgs.hanoi, assessment="well", proposal="keep")
    review_services.decide_review(review, by=users.central)
    login(users.central)
    page = client.post(
        reverse("emulation:review_edit", args=[review.pk]),
        {"reviewer_note": "changed", "version": 2},
    )
    assert page.status_code == 403
    api = client.patch(
        f"/api/emulation/reviews/{review.pk}/",
        {"reviewer_note": "changed", "version": 2},
        content_type="application/json",
    )
    assert api.status_code == 403
    review.refresh_from_db()
    assert (review.reviewer_note, review.version) == ("", 2)


def test_decide_from_the_page_and_the_refusal_is_shown(client, orgs, users, login):
    review = review_of(orgs, orgs.hanoi)
    login(users.central)
    url = reverse("emulation:review_decide", args=[review.pk])
    page = client.post(url, follow=True)
    assert "Give the assessment before deciding." in page.content.decode()
    review.assessment, review.proposal = "well", "keep"
    review.save()
    client.post(url)
    review.refresh_from_db()
    assert review.state == ReviewState.DECIDED
    assert client.get(url).status_code == 405


def test_only_the_centre_reopens_a_decided_review(client, orgs, users, login):
    review = review_of(
        orgs, orgs.hanoi_member, reviewer=orgs.hanoi, assessment="well", proposal="keep"
    )
    review_services.decide_review(review, by=users.hanoi)
    with pytest.raises(PermissionDenied):
        review_services.reopen_review(review, by=users.hanoi)
    reopened = review_services.reopen_review(review, by=users.central)
    assert (reopened.state, reopened.decided_on, reopened.decided_by) == ("draft", None, None)
    with pytest.raises(ValidationError, match="Only a decided review"):
        review_services.reopen_review(reopened, by=users.central)


# --- rules of the record --------------------------------------------------------------------------


def test_an_organization_is_reviewed_by_one_above_it(orgs):
    for reviewer in (orgs.danang, orgs.hanoi):
        with pytest.raises(ValidationError) as refused:
            Review(organization=orgs.hanoi, reviewer=reviewer, year=2025).full_clean()
        assert refused.value.message_dict["reviewer"] == [
            "An organization is reviewed by one above it."
        ]
    Review(organization=orgs.hanoi, reviewer=orgs.central, year=2025).full_clean()


def test_one_review_per_organization_and_year_and_bad_periods(orgs):
    review_of(orgs, orgs.hanoi, 2025)
    with pytest.raises(ValidationError) as refused:
        Review(organization=orgs.hanoi, reviewer=orgs.central, year=2025).full_clean()
    assert "year" in refused.value.message_dict
    for fields, field in (
        ({"year": 3000}, "year"),
        (
            {"year": 2024, "period_start": date(2024, 6, 1), "period_end": date(2024, 1, 1)},
            "period_end",
        ),
        ({"year": 2024, "merge_into": None, "proposal": "keep"}, None),
    ):
        review = Review(organization=orgs.hanoi, reviewer=orgs.central, **fields)
        if field is None:
            review.full_clean()
            continue
        with pytest.raises(ValidationError) as refused:
            review.full_clean()
        assert field in refused.value.message_dict


def test_merge_into_only_for_a_merger_and_not_under_itself(orgs):
    keep = Review(
        organization=orgs.hanoi,
        reviewer=orgs.central,
        year=2024,
        proposal="keep",
        merge_into=orgs.danang,
    )
    with pytest.raises(ValidationError, match="Only a proposal to merge"):
        keep.full_clean()
    inward = Review(
        organization=orgs.hanoi,
        reviewer=orgs.central,
        year=2024,
        proposal="merge",
        merge_into=orgs.hanoi_member,
    )
    with pytest.raises(ValidationError, match="cannot merge into itself"):
        inward.full_clean()


def test_the_period_defaults_to_the_year(orgs):
    review = review_of(orgs, orgs.hanoi, 2024)
    assert (review.period_start, review.period_end) == (date(2024, 1, 1), date(2024, 12, 31))


# --- who sees what --------------------------------------------------------------------------------


def test_a_union_sees_its_own_review_once_decided_and_never_edits_it(client, orgs, users, login):
    review = review_of(orgs, orgs.hanoi, assessment="weakly", proposal="strengthen")
    url = review.get_absolute_url()
    login(users.hanoi)
    assert client.get(url).status_code == 404
    assert client.get("/api/emulation/reviews/").json()["count"] == 0
    review_services.decide_review(review, by=users.central)
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["may_decide"] is False and page.context["lifecycle"] is None
    assert [row["id"] for row in client.get("/api/emulation/reviews/").json()["results"]] == [
        review.pk
    ]
    login(users.danang)
    assert client.get(url).status_code == 404


# --- the lifecycle step ---------------------------------------------------------------------------


def test_a_decided_termination_opens_the_registrys_termination_prefilled(
    client, orgs, users, login
):
    review = review_of(orgs, orgs.danang, assessment="not_operating", proposal="terminate")
    login(users.central)
    assert client.get(review.get_absolute_url()).context["lifecycle"] is None
    review_services.decide_review(review, by=users.central)
    step = client.get(review.get_absolute_url()).context["lifecycle"]
    assert step.method == "get"
    assert step.url.startswith("/organizations/lineage-events/add/?")
    form = client.get(step.url).context["form"]
    assert form.initial["organization"] == str(orgs.danang.pk)
    assert form.initial["kind"] == LineageEventKind.TERMINATED
    assert form.initial["decision"] == (f"Yearly review 2025 of {orgs.danang}: terminate")
    assert LineageEvent.objects.count() == 0  # opened, not written
    # once the registry records it, the page links to it instead
    event = LineageEvent.objects.create(
        organization=orgs.danang,
        kind=LineageEventKind.TERMINATED,
        occurred_on=timezone.localdate(),
        decision=form.initial["decision"],
    )
    page = client.get(review.get_absolute_url())
    assert (page.context["lifecycle"], page.context["lifecycle_recorded"]) == (None, event)
    assert event.get_absolute_url() in page.content.decode()


def test_a_decided_merger_opens_the_mergers_preview_prefilled(client, orgs, users, login):
    review = review_of(
        orgs, orgs.danang, assessment="weakly", proposal="merge", merge_into=orgs.hanoi
    )
    review_services.decide_review(review, by=users.central)
    login(users.central)
    step = client.get(review.get_absolute_url()).context["lifecycle"]
    assert (step.method, step.url) == ("post", "/organizations/organizations/merge/")
    preview = client.post(step.url, step.fields)
    assert preview.status_code == 200
    plan = preview.context["plan"]
    assert (plan.sources, plan.successor) == ([orgs.danang], orgs.hanoi)
    orgs.danang.refresh_from_db()
    assert orgs.danang.status == "active"  # a preview: nothing merged


# --- the dormant board ----------------------------------------------------------------------------


def test_the_dormant_board_lists_members_without_activity_for_n_months(client, orgs, users, login):
    today = timezone.localdate()
    interaction(orgs.hanoi_member, today - timedelta(days=40))
    interaction(orgs.danang, today - timedelta(days=400))
    login(users.central)
    url = reverse("emulation:review_dormant")
    rows = client.get(url).context["rows"]
    assert [(row.organization, row.latest) for row, _days, _add in rows] == [
        (orgs.danang, today - timedelta(days=400))
    ]
    row, days, add_url = rows[0]
    assert days[3] == today - timedelta(days=400)  # the partners' column
    assert add_url == (
        f"/emulation/reviews/add/?organization={orgs.danang.pk}&year={today.year}"
        f"&reviewer={orgs.central.pk}"
    )
    one_month = client.get(url, {"months": 1}).context["rows"]
    assert [row.organization for row, _d, _a in one_month] == [orgs.danang, orgs.hanoi]
    two_years = client.get(url, {"months": 24}).context["rows"]
    assert two_years == []
    # a review started: the row links to it
    review_of(orgs, orgs.danang, today.year)
    row, _days, add_url = client.get(url).context["rows"][0]
    assert row.review is not None and add_url == ""


@pytest.mark.parametrize("months", ["0", "121", "-3", "abc", "1e9", "99999999999999999999"])
def test_the_dormant_board_refuses_a_bad_number_of_months(client, orgs, users, login, months):
    login(users.central)
    page = client.get(reverse("emulation:review_dormant"), {"months": months})
    assert page.status_code == 400
    assert page.context["rows"] == []


def test_the_dormant_board_keeps_its_queries_whatever_the_members(
    client, orgs, users, login, django_assert_max_num_queries
):
    login(users.central)
    url = reverse("emulation:review_dormant")
    client.get(url)
    for index in range(30):
        Organization.objects.create(
            name=f"Hội hữu nghị {index}", kind=OrganizationKind.CENTRAL_MEMBER, parent=orgs.central
        )
    with django_assert_max_num_queries(25):
        page = client.get(url)
    assert len(page.context["rows"]) == 32


def test_a_union_officer_sees_only_its_own_union_on_the_board(client, orgs, users, login):
    login(users.hanoi)
    rows = client.get(reverse("emulation:review_dormant")).context["rows"]
    assert [(row.organization, add_url) for row, _days, add_url in rows] == [(orgs.hanoi, "")]


# --- the review year ------------------------------------------------------------------------------


def test_the_review_year_shows_each_member_its_figures_and_its_review(client, orgs, users, login):
    interaction(orgs.hanoi_member, date(2025, 3, 3))
    review = review_of(orgs, orgs.hanoi, assessment="well", proposal="keep")
    login(users.central)
    page = client.get(reverse("emulation:review_year"), {"year": 2025})
    rows = page.context["rows"]
    # Vietnamese alphabetical order: Đà Nẵng before Hà Nội
    assert [row.organization for row, _cells, _add in rows] == [orgs.danang, orgs.hanoi]
    danang, hanoi = rows
    columns = [key for key, _label in page.context["columns"]]
    partners = columns.index("partners_engaged")
    assert hanoi[1][partners] == (
        1,
        f"/partners/interactions/?organization={orgs.hanoi.pk}"
        "&occurred_after=2025-01-01&occurred_before=2025-12-31",
    )
    assert danang[1][partners][0] == 0
    assert (hanoi[0].review, hanoi[2]) == (review, "")
    assert danang[0].review is None and danang[2].startswith("/emulation/reviews/add/")


def test_the_review_year_exports_to_xlsx(client, orgs, users, login):
    interaction(orgs.hanoi, date(2025, 3, 3))
    review = review_of(orgs, orgs.hanoi, assessment="weakly", proposal="strengthen")
    review_services.decide_review(review, by=users.central)
    login(users.central)
    response = client.get(reverse("emulation:review_year"), {"year": 2025, "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="review-2025-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = rows[0]
    assert header[:3] == ["Organization", "Kind", "reports submitted"]
    assert header[-3:] == ["Assessment", "Proposal", "State"]
    partners = header.index("partners with interactions")
    by_name = {row[0]: row for row in rows[1:]}
    hanoi, danang = by_name[str(orgs.hanoi)], by_name[str(orgs.danang)]
    assert hanoi[partners] == 1 and danang[partners] == 0
    assert hanoi[-3:] == ["Operating weakly", "Strengthen", "Decided"]
    assert danang[-3:] == [None, None, "Not reviewed"]


@pytest.mark.parametrize("year", ["0", "1899", "2201", "abc", "99999999999999999999", "2025.5"])
def test_the_review_year_refuses_a_far_out_year(client, orgs, users, login, year):
    login(users.central)
    page = client.get(reverse("emulation:review_year"), {"year": year})
    assert page.status_code == 400
    export = client.get(reverse("emulation:review_year"), {"year": year, "export": "xlsx"})
    assert export.status_code == 400


def test_the_review_year_keeps_its_queries_whatever_the_members(
    client, orgs, users, login, django_assert_max_num_queries
):
    login(users.central)
    url = reverse("emulation:review_year")
    for index in range(30):
        member = Organization.objects.create(
            name=f"Hội hữu nghị {index}", kind=OrganizationKind.CENTRAL_MEMBER, parent=orgs.central
        )
        review_of(orgs, member, timezone.localdate().year)
    with django_assert_max_num_queries(30):
        page = client.get(url)
    assert len(page.context["rows"]) == 32


# --- the profile page -----------------------------------------------------------------------------


def test_the_profile_for_a_chosen_period(client, orgs, users, login):
    interaction(orgs.hanoi, date(2025, 3, 3))
    login(users.hanoi)
    url = reverse("emulation:review_profile", args=[orgs.hanoi.pk])
    page = client.get(url, {"start": "01/01/2025", "end": "31/12/2025"})
    assert page.status_code == 200
    values = {str(label): value for label, value, _link in page.context["rows"]}
    assert values["partners with interactions"] == 1
    assert values["reports submitted"] == 0
    assert client.get(reverse("emulation:review_profile", args=[orgs.danang.pk])).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"start": "31/12/2025", "end": "01/01/2025"},
        {"start": "01/01/0001"},
        {"end": "32/13/2025"},
        {"start": "01/01/1990", "end": "31/12/2025"},
        {"start": "<script>"},
    ],
)
def test_the_profile_refuses_bad_periods(client, orgs, users, login, query):
    login(users.central)
    page = client.get(reverse("emulation:review_profile", args=[orgs.hanoi.pk]), query)
    assert page.status_code == 400
    assert page.context["rows"] == []


def test_months_before_keeps_to_the_months_last_day():
    assert review_services.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert review_services.months_before(date(2026, 1, 15), 12) == date(2025, 1, 15)
    assert review_services.months_before(date(2026, 1, 15), 120) == date(2016, 1, 15)


def test_deciding_through_the_api(client, orgs, users, login):
    review = review_of(orgs, orgs.hanoi, assessment="weakly")
    url = f"/api/emulation/reviews/{review.pk}/decide/"
    login(users.hanoi)
    assert client.post(url).status_code == 404  # a draft the Union does not see
    login(users.central)
    refused = client.post(url)
    assert refused.status_code == 400
    assert refused.json() == {"proposal": ["Give the proposal before deciding."]}
    review.proposal = "strengthen"
    review.save()
    decided = client.post(url)
    assert decided.status_code == 200
    assert (decided.json()["state"], decided.json()["decided_by"]) == ("decided", users.central.pk)
    login(users.hanoi)
    assert client.post(f"/api/emulation/reviews/{review.pk}/reopen/").status_code == 403
    review.refresh_from_db()
    assert review.state == "decided"


def test_the_review_pages_speak_vietnamese(client, orgs, users, login):
    review = review_of(orgs, orgs.hanoi, assessment="weakly", proposal="strengthen")
    login(users.central)
    pages = {
        reverse("emulation:review_dormant"): ["Tổ chức không hoạt động", "Hoạt động gần nhất"],
        reverse("emulation:review_year"): ["Năm rà soát", "Báo cáo đã gửi", "Bắt đầu rà soát"],
        review.get_absolute_url(): ["Hồ sơ hoạt động", "Hoạt động yếu", "Củng cố, kiện toàn"],
        reverse("emulation:review_profile", args=[orgs.hanoi.pk]): ["Hồ sơ hoạt động"],
    }
    for url, words in pages.items():
        page = client.get(url, {"lang": "vi"}).content.decode()
        for word in words:
            assert word in page, (url, word)
