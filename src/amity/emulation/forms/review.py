from amity.core.forms import ScopedModelForm
from amity.emulation import models

REVIEW_FIELDS = [
    "organization",
    "reviewer",
    "year",
    "period_start",
    "period_end",
    "assessment",
    "reviewer_note",
    "proposal",
    "merge_into",
    "notes",
]


class ReviewForm(ScopedModelForm):
    """A review as its reviewer writes it; the decision is the workflow's step, not a field."""

    owner_field = "reviewer"

    class Meta(ScopedModelForm.Meta):
        model = models.Review
        fields = REVIEW_FIELDS
