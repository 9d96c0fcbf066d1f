from amity.core.filtersets import BaseFilterSet
from amity.training import models


class ProgrammeFilterSet(BaseFilterSet):
    search_fields = ("title_vi", "title_en", "goals")

    class Meta:
        model = models.Programme
        fields = {"organization": ["exact"], "target_group": ["exact"]}


class ModuleFilterSet(BaseFilterSet):
    search_fields = ("title_vi", "title_en")

    class Meta:
        model = models.Module
        fields = {"programme": ["exact"], "topic": ["exact"]}
