"""`amity demo`: a review year that flags a few dormant member organizations from the facts the
other loaders leave, with some reviews decided."""

from django.utils import timezone

from amity.emulation import review_services
from amity.emulation.demo.review import DORMANT_MONTHS, FEW
from amity.emulation.models import Review


def test_review_demo_flags_dormant_members_and_decides_some(client, shared_demo):
    assert "reviews of member organizations" in shared_demo
    reviews = Review.objects.select_related("organization")
    assert reviews.exists() and not reviews.exclude(notes__contains="[demo]").exists()
    year = timezone.localdate().year
    assert set(reviews.values_list("year", flat=True)) == {year}
    terminations = reviews.filter(proposal="terminate")
    assert terminations.filter(state="decided").count() == 3
    assert terminations.filter(state="draft").exists()
    # the dormant board, at the period the demo flagged them by, lists exactly those
    from amity.accounts.models import User

    central = User.objects.get(username="central")
    flagged = {review.organization for review in terminations}
    months = next(
        months
        for months in DORMANT_MONTHS
        if len(review_services.dormant_organizations(central, months)) >= FEW
    )
    dormant = review_services.dormant_organizations(central, months)
    assert {row.organization for row in dormant} == flagged
    assert all(row.review is not None for row in dormant)
    # a decided review is seen by the reviewed organization's officers, a draft is not
    assert reviews.filter(state="decided", proposal="keep").exists()
    assert reviews.filter(state="draft", proposal="strengthen").exists()
