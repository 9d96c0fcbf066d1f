"""`amity demo`: a review year that flags a few dormant member organizations from the facts the
other loaders leave, with some reviews decided."""

from django.utils import timezone

from amity.emulation import review_services
from amity.emulation.models import Review
from amity.partners.demo import QUIET_ASSOCIATIONS


def test_review_demo_flags_dormant_members_and_decides_some(client, shared_demo):
    assert "reviews of member organizations" in shared_demo
    reviews = Review.objects.select_related("organization")
    assert reviews.exists() and not reviews.exclude(notes__contains="[demo]").exists()
    year = timezone.localdate().year
    assert set(reviews.values_list("year", flat=True)) == {year}
    terminations = reviews.filter(proposal="terminate")
    assert terminations.filter(state="decided").count() == 3
    assert terminations.filter(state="draft").exists()
    # the associations the partners' demo left quiet for over a year are those flagged, and
    # the dormant board lists exactly them at twelve months, its default
    from amity.accounts.models import User

    central = User.objects.get(username="central")
    flagged = {review.organization.external_ref for review in terminations}
    assert flagged == {f"demo-assoc-{code.lower()}" for code in QUIET_ASSOCIATIONS}
    assert len(flagged) == 4
    assert "không có hoạt động nào được ghi nhận trong 12 tháng qua" in (
        terminations.first().reviewer_note.lower()
    )
    dormant = review_services.dormant_organizations(central, review_services.DEFAULT_DORMANT_MONTHS)
    assert review_services.DEFAULT_DORMANT_MONTHS == 12
    assert {row.organization.external_ref for row in dormant} == flagged
    assert all(row.review is not None for row in dormant)
    # and they were active before: quiet for a year, not empty from the start
    assert all(row.latest is not None for row in dormant)
    client.force_login(central)
    page = client.get("/emulation/reviews/dormant/")  # the board at its default period
    assert page.context["months"] == 12
    assert {row.organization.external_ref for row, _last, _add in page.context["rows"]} == flagged
    # a decided review is seen by the reviewed organization's officers, a draft is not
    assert reviews.filter(state="decided", proposal="keep").exists()
    assert reviews.filter(state="draft", proposal="strengthen").exists()
