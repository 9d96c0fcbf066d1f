from amity.core.views import ModelViews
from amity.geo import filtersets, models, tables


class ProvinceViews(ModelViews):
    """Read-only: places change by a data migration generated from the national list."""

    model = models.Province
    table = tables.ProvinceTable
    filterset = filtersets.ProvinceFilterSet
    list_select_related = ("successor",)
    detail_select_related = ("successor",)

    has_history = False

    @classmethod
    def tabs_for(cls, obj):
        return []


class CountryViews(ModelViews):
    model = models.Country
    table = tables.CountryTable
    filterset = filtersets.CountryFilterSet

    has_history = False

    @classmethod
    def tabs_for(cls, obj):
        return []
