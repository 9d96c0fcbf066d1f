import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.emulation import models


class RegulationFilterSet(BaseFilterSet):
    search_fields = ("code", "title_vi", "title_en", "decision_number")
    in_force_on = django_filters.DateFilter(label=_("in force on"), method="filter_in_force_on")

    class Meta:
        model = models.Regulation
        fields = {"organization": ["exact"], "decided_on": ["gte", "lte"]}

    def filter_in_force_on(self, queryset, name, value):
        return queryset.in_force_on(value)
