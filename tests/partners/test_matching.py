"""Partner matching across acronyms and languages (issue 22): each rule, the look-alikes kept
apart, the reasons in both languages, the create form's warning and the import's flag."""

import pytest
from bench.matching import score_set
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from amity.geo.models import Country
from amity.partners import names
from amity.partners.choices import Sensitivity
from amity.partners.duplicates import (
    ACRONYM_OF,
    COUNTRY_IN_OTHER_LANGUAGE,
    IN_VIETNAMESE,
    SAME_ACRONYM,
    PartnerRecord,
    find_duplicate_pairs,
    likely_duplicates_of,
)
from amity.partners.models import Partner


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def only_pair(first, second, **fields):
    """The pair found between two names (`fields` go to the second), or None."""
    records = [PartnerRecord(id=1, name=first), PartnerRecord(id=2, name=second, **fields)]
    pairs = find_duplicate_pairs(records)
    assert len(pairs) <= 1
    return pairs[0] if pairs else None


# --- acronyms and short names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Adventist Development and Relief Agency", "ADRA"),  # initials
        ("Program for Appropriate Technology in Health", "PATH"),  # of the significant words
        ("Kreditanstalt für Wiederaufbau", "KfW"),  # of every word
        ("Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ"),  # less the first
        ("Korea Foundation for International Healthcare", "KOFIH"),  # a syllable
        ("Swiss Agency for Development and Cooperation", "SDC"),  # less the kind of body
        ("Adventist Development and Relief Agency", "ADRA Vietnam"),  # the acronym leading
        ("Program for Appropriate Technology in Health", "Tổ chức PATH"),
        ("International Development Enterprises", "iDE"),
    ],
)
def test_an_acronym_matches_the_full_name_it_shortens(full, short):
    pair = only_pair(full, short)
    assert pair is not None
    assert pair.reason_codes == (ACRONYM_OF,)
    assert pair.score == 85


def test_the_acronym_reason_names_both():
    pair = only_pair("Korea Foundation for International Healthcare", "KOFIH")
    assert pair.reasons == ["KOFIH is the acronym of Korea Foundation for International Healthcare"]
    with translation.override("vi"):
        assert pair.reasons == [
            "KOFIH là tên viết tắt của Korea Foundation for International Healthcare"
        ]


def test_an_acronym_shared_by_partners_of_one_country_is_still_its_own_rule():
    pair = only_pair(
        "Green Hope Foundation", "GHF", country_code="JP"
    )  # no country on the first: not SAME_ACRONYM, which needs one
    assert pair.reason_codes == (ACRONYM_OF,)
    both = find_duplicate_pairs(
        [
            PartnerRecord(id=1, name="Green Hope Foundation", country_code="JP"),
            PartnerRecord(id=2, name="GHF", country_code="JP"),
        ]
    )
    assert [pair.reason_codes for pair in both] == [(SAME_ACRONYM,)]


@pytest.mark.parametrize(
    ("full", "short", "fields"),
    [
        ("Adventist Development and Relief Agency", "ADRA Cambodia", {}),  # a branch
        ("Fred Hollows Foundation New Zealand", "FHF", {}),  # a branch's name
        ("Korea Foundation for International Healthcare", "KOFIH", {"country_code": "JP"}),
        ("Catholic Relief Services", "CARE", {}),
    ],
)
def test_an_acronym_does_not_match_a_branch_another_country_or_other_initials(full, short, fields):
    partners = [PartnerRecord(id=1, name=full, country_code="KR" if fields else "")]
    partners.append(PartnerRecord(id=2, name=short, **fields))
    assert find_duplicate_pairs(partners) == []


def test_a_two_letter_acronym_is_only_the_initials_of_every_word():
    assert only_pair("Japan Foundation", "JF").reason_codes == (ACRONYM_OF,)
    assert only_pair("Japan International Foundation", "JI") is None


def test_an_acronym_standing_for_many_names_pairs_with_none():
    """Seven names shorten to KWF: which one it stands for is for a person to look up."""
    names_of_kwf = [
        "Kelora Water Foundation",
        "Kimani Wildlife Fund",
        "Korat Women Foundation",
        "Kuala Welfare Fund",
        "Kestrel Wetlands Foundation",
        "Kobe Wheat Foundation",
        "Kinder Welt Fund",
    ]
    records = [PartnerRecord(id=1, name="KWF")] + [
        PartnerRecord(id=number, name=name) for number, name in enumerate(names_of_kwf, start=2)
    ]
    assert find_duplicate_pairs(records) == []


# --- Vietnamese names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Pacific Links Foundation", "Quỹ Liên kết Thái Bình Dương"),
        ("Pacific Links Foundation", "Quy Lien ket Thai Binh Duong"),  # no diacritics
        ("Swiss Agency for Development and Cooperation", "Cơ quan Phát triển và Hợp tác Thụy Sĩ"),
        ("World Health Organization", "Tổ chức Y tế Thế giới"),
        ("International Labour Organization", "Tổ chức Lao động Quốc tế"),  # lao is not Lào
        ("Blue Dragon Children's Foundation", "Quỹ Trẻ em Rồng Xanh"),  # xanh: blue or green
    ],
)
def test_a_name_matches_its_vietnamese_translation(english, vietnamese):
    pair = only_pair(english, vietnamese)
    assert pair is not None
    assert pair.reason_codes == (IN_VIETNAMESE,)
    assert pair.reasons == ["same name in Vietnamese"]
    with translation.override("vi"):
        assert pair.reasons == ["cùng tên bằng tiếng Việt"]


def test_reading_a_vietnamese_name():
    readings, countries, vietnamese = names.meaning("Cơ quan Phát triển và Hợp tác Thụy Sĩ")
    assert (readings, countries, vietnamese) == (
        [["agency", "development", "cooperation", "#ch"]],
        {"thuy si"},
        True,
    )
    # one-syllable countries are read as written: "dục" is not "Đức"
    assert names.meaning("Quỹ Giáo dục")[0] == [
        ["foundation", "education"],
        ["fund", "education"],
    ]
    assert names.meaning("Quỹ Hữu nghị Đức")[0][0] == ["foundation", "friendship", "#de"]


# --- countries in their own language ------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Habitat for Humanity Germany", "Habitat for Humanity Deutschland"),
        ("Red Cross of Austria", "Red Cross of Österreich"),
        ("Caritas Poland", "Caritas Polska"),
        ("Red Cross Finland", "Red Cross Suomi"),
        ("Oxfam Great Britain", "Oxfam GB"),  # its ISO code
    ],
)
def test_a_country_in_another_language_is_the_same_country(first, second):
    pair = only_pair(first, second)
    assert pair is not None
    assert (pair.score, pair.reason_codes) == (95, (COUNTRY_IN_OTHER_LANGUAGE,))
    assert pair.reasons == ["same name, the country in another language"]


def test_country_names_come_from_babel_in_every_language():
    countries = names.country_names()
    assert len(countries) > 10_000
    assert {countries[name] for name in ("deutschland", "allemagne", "germania", "niemcy")} == {
        "DE"
    }
    assert "ao" not in countries  # "Áo" (Austria) is too short to tell from a syllable


# --- look-alikes stay apart ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Caritas Austria", "Caritas Czech Republic"),
        ("Caritas Deutschland", "Caritas Schweiz"),
        ("Terre des Hommes Germany", "Terre des Hommes Suisse"),
        ("Japan International Cooperation Agency", "Cơ quan Hợp tác Quốc tế Hàn Quốc"),
        ("Save the Children Japan", "Save the Children Korea"),
        ("Pearl S. Buck Foundation", "Pearl S. Buck International"),  # namesakes
        ("Rockefeller Foundation", "Rockefeller Brothers Fund"),
        ("Hội hữu nghị Việt Nam – Nhật Bản", "Hội người Việt Nam tại Nhật Bản"),
        ("Norwegian–Vietnamese Friendship Society", "Association of Vietnamese in Norway"),
        ("Quỹ Giáo dục Việt Nam", "Quỹ Việt – Đức"),
        ("Oxfam GB", "Oxfam Australia"),
    ],
)
def test_look_alikes_stay_apart(first, second):
    assert only_pair(first, second) is None


# --- the development and test sets ---------------------------------------------------------------


def test_the_development_and_test_sets_are_read_as_written():
    """Guards the figures bench/matching.py reports: they may rise, not fall."""
    dev_recall, dev_precision, _missed, _wrong = score_set("dev")
    test_recall, test_precision, _missed, _wrong = score_set("test")
    # the development set's two wrong pairs are acronyms two of its names share (SCC, HUFO)
    assert dev_precision >= 0.99
    assert test_precision == 1.0
    assert dev_recall >= 0.91
    assert test_recall >= 0.90


# --- the form's warning and the import's flag ---------------------------------------------------


@pytest.mark.django_db
def test_likely_duplicates_of_finds_an_acronym_and_a_translation(django_assert_num_queries):
    korea = Country.objects.get(code="KR")
    kofih = Partner.objects.create(
        kind="ngo", name="Korea Foundation for International Healthcare", country=korea
    )
    pacific = Partner.objects.create(kind="ngo", name="Quỹ Liên kết Thái Bình Dương")
    Partner.objects.create(kind="ngo", name="Korea Friendship Association", country=korea)
    with django_assert_num_queries(1):  # an acronym has no words to count
        pairs = likely_duplicates_of({"name": "KOFIH"}, Partner.objects.all())
    assert [(pair.second.id, pair.reason_codes) for pair in pairs] == [(kofih.pk, (ACRONYM_OF,))]
    pairs = likely_duplicates_of({"name": "Pacific Links Foundation"}, Partner.objects.all())
    assert [(pair.second.id, pair.reason_codes) for pair in pairs] == [
        (pacific.pk, (IN_VIETNAMESE,))
    ]
    pairs = likely_duplicates_of({"name": "ADRA"}, Partner.objects.all())
    assert pairs == []
    Partner.objects.create(kind="ngo", name="ADRA Vietnam")
    pairs = likely_duplicates_of(
        {"name": "Adventist Development and Relief Agency"}, Partner.objects.all()
    )
    assert [pair.second.name for pair in pairs] == ["ADRA Vietnam"]


def test_the_form_warns_of_an_acronym_with_its_reason(client, orgs, users, login, english):
    Partner.objects.create(
        kind="ngo",
        name="Korea Foundation for International Healthcare",
        sensitivity=Sensitivity.PUBLIC,
    )
    login(users.hanoi)
    data = {"kind": "ngo", "name": "KOFIH", "status": "active", "sensitivity": "internal"}
    warned = client.post(reverse("partners:partner_add"), data)
    assert warned.status_code == 200
    assert [(d["name"], d["reasons"]) for d in warned.context["form"].duplicates] == [
        (
            "Korea Foundation for International Healthcare",
            "KOFIH is the acronym of Korea Foundation for International Healthcare",
        )
    ]
    assert Partner.objects.count() == 1


def test_the_import_flags_a_vietnamese_name_with_its_reason(client, orgs, users, login, english):
    Partner.objects.create(
        kind="ngo", name="Pacific Links Foundation", sensitivity=Sensitivity.PUBLIC
    )
    content = (
        "kind,name,status,sensitivity\n"
        "ngo,Quỹ Liên kết Thái Bình Dương,active,internal\n"
        "ngo,Alps Aid,active,internal\n"
    ).encode()
    login(users.hanoi)
    upload = SimpleUploadedFile("partners.csv", content)
    job = client.post(reverse("partners:partner_import"), {"file": upload}).context["job"]
    assert job.status == "checked"
    warnings = job.summary["warnings"]
    assert [warning["line"] for warning in warnings] == [2]
    assert "Pacific Links Foundation" in warnings[0]["message"]
    assert "same name in Vietnamese" in warnings[0]["message"]


@pytest.mark.django_db
def test_the_matching_benchmark_runs_at_a_tiny_scale():
    from bench import matching

    figures, parameters = matching.run(scale=0.01)
    by_name = {figure.name: figure for figure in figures}
    assert parameters["partners"] == 200
    assert by_name["test set precision"].value == 100
    batch = by_name["duplicates batch over 200 seeded partners"]
    assert (batch.target, batch.unit) == (10, "s")
    assert by_name["  its recall of the seeded duplicates"].note.endswith("of 20")


def test_the_seeded_register_holds_every_kind_of_duplicate():
    from bench.matching import VARIANTS, seeded_register

    records, pairs = seeded_register(1400)
    assert (len(records), len(pairs)) == (1400, 140)
    variants = [records[second][0] for _first, second in sorted(pairs)]
    assert len(variants) == 20 * len(VARIANTS)
    assert any(name.startswith("Quỹ") or name.startswith("Hội") for name in variants)
    assert any(name.isupper() and " " not in name for name in variants)
