"""The places that migrations load into a fresh database."""

import pycountry
import pytest
from django.db.models import Count
from django.utils import translation

from amity.geo.choices import ProvinceKind, WorldRegion
from amity.geo.models import Country, Province
from amity.geo.services import current_province_for

pytestmark = pytest.mark.django_db


def former(code):
    return Province.objects.get(code=code, is_current=False)


def current(code):
    return Province.objects.get(code=code, is_current=True)


def test_there_are_63_former_and_34_current_provinces():
    assert Province.objects.former().count() == 63
    assert Province.objects.current().count() == 34
    assert Province.objects.count() == 97


def test_every_former_province_has_one_current_successor():
    orphans = Province.objects.former().filter(successor__isnull=True)
    assert list(orphans) == []
    successors_not_current = Province.objects.former().exclude(successor__is_current=True)
    assert list(successors_not_current) == []


def test_current_provinces_have_no_successor_and_at_least_one_predecessor():
    assert Province.objects.current().filter(successor__isnull=False).count() == 0
    with_counts = Province.objects.current().annotate(n=Count("predecessors"))
    counts = list(with_counts.values_list("n", flat=True))
    assert min(counts) == 1
    assert sum(counts) == 63


def test_tien_giang_merged_into_dong_thap_only():
    tien_giang = former("82")
    assert tien_giang.name == "Tiền Giang"
    assert tien_giang.successor == current("82")
    assert tien_giang.successor.name == "Đồng Tháp"
    assert list(current("82").predecessors.values_list("code", flat=True)) == ["82", "87"]
    assert list(current("80").predecessors.values_list("code", flat=True)) == ["72", "80"]


def test_ha_noi_is_two_rows_of_the_same_code_and_name():
    old, new = former("01"), current("01")
    assert old.pk != new.pk
    assert old.successor == new
    assert (old.name, old.full_name, old.name_en) == ("Hà Nội", "Thành phố Hà Nội", "Ha Noi")
    assert (new.name, new.full_name, new.name_en) == ("Hà Nội", "Thành phố Hà Nội", "Ha Noi")
    assert list(new.predecessors.all()) == [old]


def test_names_keep_their_diacritics():
    assert current("01").name == "Hà Nội"
    assert current("66").full_name == "Tỉnh Đắk Lắk"
    assert current("66").name_en == "Dak Lak"
    assert former("77").name == "Bà Rịa - Vũng Tàu"
    assert former("77").name_en == "Ba Ria - Vung Tau"
    assert current("79").name == "Hồ Chí Minh"


def test_period_dates():
    assert Province.objects.current().exclude(valid_from="2025-07-01").count() == 0
    assert Province.objects.current().filter(valid_until__isnull=False).count() == 0
    assert Province.objects.former().exclude(valid_until="2025-06-30").count() == 0
    assert Province.objects.former().filter(valid_from__isnull=False).count() == 0


def test_centrally_run_cities():
    # Quảng Ninh (22), Bắc Ninh (24) and Đồng Nai (75) became centrally-run cities after the merger.
    cities = Province.objects.current().filter(kind=ProvinceKind.CITY)
    assert list(cities.values_list("code", flat=True)) == "01 22 24 31 46 48 75 79 92".split()
    former_cities = Province.objects.former().filter(kind=ProvinceKind.CITY)
    assert list(former_cities.values_list("code", flat=True)) == "01 31 46 48 79 92".split()


def test_countries_are_those_of_iso_3166_1():
    assert Country.objects.count() == len(pycountry.countries) == 249
    assert set(Country.objects.values_list("code", flat=True)) == {
        country.alpha_2 for country in pycountry.countries
    }


def test_every_country_has_one_of_the_five_regions():
    assert Country.objects.exclude(region__in=WorldRegion.values).count() == 0
    assert len(WorldRegion.values) == 5


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("VA", WorldRegion.EUROPE),
        ("US", WorldRegion.AMERICAS),
        ("VN", WorldRegion.ASIA),
        ("AQ", WorldRegion.OCEANIA),
        ("EG", WorldRegion.AFRICA),
    ],
)
def test_country_region(code, region):
    assert Country.objects.get(code=code).region == region


def test_viet_nam():
    viet_nam = Country.objects.get(code="VN")
    assert (viet_nam.alpha3, viet_nam.numeric) == ("VNM", "704")
    assert (viet_nam.name_en, viet_nam.name_vi) == ("Viet Nam", "Việt Nam")


def test_names_follow_the_active_language():
    viet_nam = Country.objects.get(code="VN")
    hcmc = current("79")
    with translation.override("vi"):
        assert str(viet_nam) == viet_nam.display_name == "Việt Nam"
        assert str(hcmc) == hcmc.display_name == "Hồ Chí Minh"
    with translation.override("en"):
        assert str(viet_nam) == viet_nam.display_name == "Viet Nam"
        assert str(hcmc) == hcmc.display_name == "Ho Chi Minh"


def test_current_province_for_a_former_province_is_its_successor():
    assert current_province_for(former("82")) == current("82")
    assert current_province_for(former("77")) == current("79")
    assert current_province_for(former("01")) == current("01")


def test_current_province_for_a_current_province_is_itself():
    for province in Province.objects.current():
        assert current_province_for(province) == province
