import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.geo import models


class ProvinceFilterSet(BaseFilterSet):
    search_fields = ("name", "full_name", "name_en", "code")
    is_current = django_filters.BooleanFilter(label=_("current (since 1 July 2025)"))

    class Meta:
        model = models.Province
        fields = ["kind", "is_current", "successor"]


class CountryFilterSet(BaseFilterSet):
    search_fields = ("name_en", "name_vi", "code", "alpha3")

    class Meta:
        model = models.Country
        fields = ["region"]
