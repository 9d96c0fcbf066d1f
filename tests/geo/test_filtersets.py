"""Each filter of the reference lists (provinces, countries) narrows them as it says."""

from amity.geo import views
from amity.geo.models import Country, Province
from tests.filtersets import FilterSetTestCase


class Records:
    """What the filter tests read of a model's generic test class, for reference data that
    has none: its views, its API and two records of it (the migrations load them)."""

    def __init__(self):
        self.views = type(self).views

    def url(self, action=""):
        from django.urls import reverse

        return reverse(self.views.url_name(action))


class ProvinceRecords(Records):
    views = views.ProvinceViews
    api_url = "/api/geo/provinces/"


class CountryRecords(Records):
    views = views.CountryViews
    api_url = "/api/geo/countries/"


class TestProvinceFilters(FilterSetTestCase):
    model_case = ProvinceRecords
    not_filtered = {
        "valid_from": "two dates for all 97 provinces: `is_current` is the filter they make",
        "valid_until": "two dates for all 97 provinces: `is_current` is the filter they make",
    }

    def pair(self, orgs):
        # the former Tien Giang, merged into today's Dong Thap; today's Da Nang
        return Province.objects.get(code="82", is_current=False), Province.objects.get(
            code="48", is_current=True
        )


class TestCountryFilters(FilterSetTestCase):
    model_case = CountryRecords

    def pair(self, orgs):
        return Country.objects.get(code="LA"), Country.objects.get(code="CU")
