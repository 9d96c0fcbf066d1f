from amity.core.filtersets import BaseFilterSet
from amity.emulation import models


class ReviewFilterSet(BaseFilterSet):
    search_fields = ("organization__name", "organization__name_en", "reviewer_note")

    class Meta:
        model = models.Review
        fields = ["organization", "reviewer", "year", "assessment", "proposal", "state"]
