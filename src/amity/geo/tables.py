import django_tables2 as tables

from amity.core.tables import BaseTable
from amity.geo import models


class ProvinceTable(BaseTable):
    name = tables.Column(linkify=True)
    successor = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Province
        fields = ("code", "name", "name_en", "kind", "is_current", "successor")


class CountryTable(BaseTable):
    # sorted in Vietnamese alphabetical order, by the stored keys
    name_vi = tables.Column(linkify=True, order_by=("sort_name_vi", "code"))
    name_en = tables.Column(order_by=("sort_name_en", "code"))

    class Meta(BaseTable.Meta):
        model = models.Country
        fields = ("code", "alpha3", "name_vi", "name_en", "region")
