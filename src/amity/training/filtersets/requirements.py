from amity.core.filtersets import BaseFilterSet
from amity.training import models


class RequirementFilterSet(BaseFilterSet):
    search_fields = ("programme__title_vi", "programme__title_en", "notes")

    class Meta:
        model = models.Requirement
        fields = {
            "organization": ["exact"],
            "position_title": ["exact"],
            "organization_kind": ["exact"],
            "programme": ["exact"],
        }
