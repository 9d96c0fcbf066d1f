"""Finding the province a publisher names: by name, by code, by point, as it was or today."""

import json
from datetime import date

import pycountry
import pytest

from amity.geo.services import (
    BOUNDARIES,
    ProvinceFinder,
    province_as_of,
    province_code_at,
    province_codes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def finder():
    return ProvinceFinder()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Tuyen Quang", "08"),
        ("Tuyên Quang", "08"),
        ("TUYEN QUANG PROVINCE", "08"),
        ("Tỉnh Tuyên Quang", "08"),
        ("Na Hang district, Tuyen Quang province", "08"),
        ("Huyện Na Hang, tỉnh Tuyên Quang, Việt Nam", "08"),
        ("Ho Chi Minh City", "79"),
        ("Thành phố Hồ Chí Minh", "79"),
        ("TP.HCM", "79"),
        ("Saigon", "79"),
        ("Hue", "46"),
        ("Thua Thien Hue Province", "46"),
        ("Thừa Thiên - Huế", "46"),
        ("Hanoi", "01"),
        ("Ha Noi City", "01"),
        ("Danang", "48"),
        ("Ha Giang", "02"),
        ("ha giang", "02"),
        ("Yên Bái", "15"),
        ("Daklak province", "66"),
        ("Kon Tum", "62"),
        ("Kontum", "62"),
        ("Bà Rịa - Vũng Tàu", "77"),
        ("Huyện Chiêm Hóa, tỉnh Tuyên Quang", "08"),  # not Thanh Hóa
        ("Thanh Hoa", "38"),
        ("Ba Ria Vung Tau", "77"),
    ],
)
def test_a_name_in_any_spelling_names_its_province(finder, text, code):
    match = finder.by_name(text)
    assert [p.code for p in match.provinces] == [code]
    assert match.province.is_current is False


def test_a_district_named_like_a_province_is_left_aside(finder):
    # Quảng Ninh is also a district of Quảng Bình.
    assert [p.code for p in finder.by_name("Quang Ninh district, Quang Binh").provinces] == ["44"]


def test_several_provinces_or_none(finder):
    assert [p.code for p in finder.by_name("Ha Giang and Lao Cai").provinces] == ["02", "10"]
    assert finder.by_name("Ha Giang and Lao Cai").province is None
    nowhere = finder.by_name("Northern mountainous region")
    assert (nowhere.provinces, nowhere.country) == ([], False)
    country = finder.by_name("Viet Nam (nationwide)")
    assert (country.provinces, country.country) == ([], True)


@pytest.mark.parametrize(
    ("vocabulary", "code", "expected"),
    [
        ("A4", "VN-07", "08"),  # ISO 3166-2 under whatever vocabulary
        ("", "VN-SG", "79"),
        ("G1", "1559976", "08"),
        ("G1", "1581030", "02"),
        ("A3", "VNM.26_1", "02"),
        ("A3", "vnm.26_1", "02"),
        ("A9", "02", "02"),
        ("G1", "9999999", None),
        ("A1", "1234", None),
        ("A4", "VN", None),
    ],
)
def test_codes_of_the_published_vocabularies(finder, vocabulary, code, expected):
    province = finder.by_code(vocabulary, code)
    assert (province.code if province else None) == expected


def test_codes_come_from_the_published_lists():
    codes = province_codes()
    assert len(codes) == 63
    published = {s.code for s in pycountry.subdivisions.get(country_code="VN")}
    assert {c["iso_3166_2"] for c in codes.values()} == published
    assert len({c["gadm"] for c in codes.values()}) == 63
    assert codes["02"]["iso_3166_2"] == "VN-03"  # Hà Giang
    assert codes["79"]["iso_3166_2"] == "VN-SG"


@pytest.mark.parametrize(
    ("latitude", "longitude", "code"),
    [
        (21.0285, 105.8542, "01"),  # Hoàn Kiếm, Hà Nội
        (22.8233, 104.9836, "02"),  # Hà Giang town
        (22.3667, 105.4167, "08"),  # Na Hang, Tuyên Quang
        (10.7769, 106.7009, "79"),  # District 1, Ho Chi Minh City
        (16.4637, 107.5909, "46"),  # Huế
        (10.3460, 107.0843, "77"),  # Vũng Tàu, on the coast
    ],
)
def test_a_point_lies_in_the_province_whose_boundary_holds_it(latitude, longitude, code):
    assert province_code_at(latitude, longitude) == code


def test_a_point_outside_viet_nam_lies_nowhere():
    assert province_code_at(13.7563, 100.5018) is None  # Bangkok
    assert province_code_at(0.0, 0.0) is None


def test_the_boundaries_are_the_maps():
    features = json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["code"] for f in features} == set(province_codes())


def test_as_it_was_before_the_merger_and_today_after(finder):
    tuyen_quang, ha_giang = finder.former["08"], finder.former["02"]
    before, after = date(2018, 1, 1), date(2025, 9, 1)
    assert province_as_of(tuyen_quang, before, by_name=True) == tuyen_quang
    today = province_as_of(tuyen_quang, after, by_name=True)
    assert (today.code, today.is_current) == ("08", True)
    # Only the old provinces have the name Hà Giang: it stays the province as it was...
    assert province_as_of(ha_giang, after, by_name=True) == ha_giang
    # ...but a point in it after the merger lies in today's Tuyên Quang.
    assert province_as_of(ha_giang, after, by_name=False) == today


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Quang Ninh District, Quang Binh Province", "44"),  # Quảng Ninh is also its district
        ("Huyện Hòa Bình, tỉnh Bạc Liêu", "95"),
        ("huyện Phù Yên, tỉnh Sơn La", "14"),  # not Phú Yên
        ("H. Quảng Ninh, T. Quảng Bình", "44"),  # as addresses abbreviate
        ("TX. Quảng Trị, tỉnh Quảng Trị", "45"),
        ("TT-Huế", "46"),  # "TT" is Thừa Thiên here, not a township
        ("BR-VT", "77"),
    ],
)
def test_a_district_named_like_another_province_is_left_aside(finder, text, code):
    assert [p.code for p in finder.by_name(text).provinces] == [code]


@pytest.mark.parametrize(
    ("vocabulary", "code", "gso"),
    [
        ("A3", "VNM.56.3_1", "19"),  # a district of Thái Nguyên names its province
        ("A3", "VNM.56_1", "19"),
        ("A3", "VNM.56", "19"),
        ("A4", "VN-ÆØ", None),
        ("A4", "33", None),  # ISO's Đắk Lắk or the GSO's Hưng Yên: neither is guessed
    ],
)
def test_a_code_names_its_province_or_none(finder, vocabulary, code, gso):
    found = finder.by_code(vocabulary, code)
    assert (found.code if found else None) == gso


@pytest.mark.parametrize(
    ("latitude", "longitude", "code"),
    [
        (8.6829, 106.6080, "77"),  # Côn Đảo: the outlines give it to Sóc Trăng
        (20.7275, 107.0480, "31"),  # Cát Bà: the outlines give it to Quảng Ninh
        (15.3834, 109.1178, "51"),  # Lý Sơn, cut off the outlines
        (20.1344, 107.7264, "31"),  # Bạch Long Vĩ
        (10.0167, 104.0167, "91"),  # An Thới, Phú Quốc
        (float("nan"), float("nan"), None),
    ],
)
def test_an_island_lies_in_its_island_districts_province(latitude, longitude, code):
    assert province_code_at(latitude, longitude) == code


def test_after_the_merger_a_name_goes_on_with_todays_province_of_that_name(finder):
    gia_lai, binh_dinh = finder.former["64"], finder.former["52"]
    after = date(2025, 9, 1)
    # Today's Gia Lai has Bình Định's code (52) and Gia Lai's name.
    today = province_as_of(gia_lai, after, by_name=True)
    assert (today.code, today.is_current, today.name_en) == ("52", True, "Gia Lai")
    assert province_as_of(binh_dinh, after, by_name=True) == binh_dinh
