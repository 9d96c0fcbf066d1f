"""The generic view, import/export and API tests of the yearly review's model."""

from datetime import date

from amity.emulation import models
from amity.emulation.views import review
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization
from tests.generic import ModelTestCase

API = "/api/emulation"


def reviewed_under(owner):
    """An organization under `owner` that it reviews (a Union's member association)."""
    child = owner.children.filter(kind=OrganizationKind.LOCAL_MEMBER).first()
    return child or Organization.objects.create(
        name=f"Hội hữu nghị của {owner.name}", kind=OrganizationKind.LOCAL_MEMBER, parent=owner
    )


class TestReview(ModelTestCase):
    views = review.ReviewViews
    api_url = f"{API}/reviews/"
    edit_field = "reviewer_note"
    edit_value = "Hoạt động cầm chừng, cần củng cố ban chấp hành."
    bad_import = {"year": "năm ngoái"}
    api_bad_data = {"assessment": "sleeping"}

    def build(self, orgs, owner, index=0):
        year = 2000 + index
        return models.Review(
            organization=reviewed_under(owner),
            reviewer=owner,
            year=year,
            # set here: a bulk creation does not derive them from the year
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi_member.pk,
            "reviewer": orgs.hanoi.pk,
            "year": 2025,
            "assessment": "weakly",
            "proposal": "strengthen",
            "reviewer_note": "Ít hoạt động trong năm.",
        }

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi_member,
            "reviewer": orgs.hanoi,
            "year": 2025,
            "assessment": "weakly",
            "proposal": "strengthen",
            "state": "draft",
        }
