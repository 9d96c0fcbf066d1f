from amity.core.filtersets import BaseFilterSet
from amity.emulation import models


class RegulationFilterSet(BaseFilterSet):
    search_fields = ("code", "title_vi", "title_en", "decision_number")

    class Meta:
        model = models.Regulation
        fields = ["organization"]
