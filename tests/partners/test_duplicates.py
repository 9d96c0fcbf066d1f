"""Duplicate detection: its quality on a seeded register, each reason, the database look-up."""

import time
from collections import Counter

import pytest
from django.utils import translation

from amity.geo.models import Country
from amity.partners import duplicates
from amity.partners.duplicates import (
    DUPLICATE_THRESHOLD,
    IN_VIETNAMESE,
    SAME_ACRONYM,
    SAME_DOMAIN,
    SAME_EMAIL,
    SAME_NAME,
    SAME_WEBSITE,
    SIMILAR_NAMES,
    PartnerRecord,
    find_duplicate_pairs,
    likely_duplicates_of,
    possible_duplicates,
)
from amity.partners.models import Partner
from tests.partners.duplicate_cases import build_cases


@pytest.fixture(autouse=True)
def _english():
    """Messages and reasons as written in the code (the default language is Vietnamese)."""
    with translation.override("en"):
        yield


def found_ids(pairs) -> set[tuple[int, int]]:
    return {tuple(sorted((pair.first.id, pair.second.id))) for pair in pairs}


def only_pair(*records):
    """The one pair found among `records`, or None when none is."""
    pairs = find_duplicate_pairs(list(records))
    assert len(pairs) <= 1
    return pairs[0] if pairs else None


# --- quality ------------------------------------------------------------------------------------


def test_seeded_register_recall_and_precision():
    cases = build_cases()
    assert len(cases.records) == 550
    assert len(cases.true_pairs) == 150
    assert Counter(cases.variant_kinds.values()) == {
        "diacritics dropped": 10,
        "diacritics added": 10,
        "acronym only": 15,
        "words reordered": 20,
        "legal suffix": 20,
        "typo": 25,
        "translated": 20,
        "same website": 15,
        "typo and diacritics": 5,
        "reordered and suffix": 5,
        "translated and typo": 5,
    }

    found = found_ids(find_duplicate_pairs(cases.records))

    true_found = len(found & cases.true_pairs)
    recall = true_found / len(cases.true_pairs)
    precision = true_found / len(found)
    print(
        f"\nDuplicates on the seeded register ({len(cases.records)} partners, "
        f"{len(cases.true_pairs)} true pairs): {len(found)} pairs found, {true_found} true; "
        f"recall {recall:.1%}, precision {precision:.1%}"
    )
    missed = Counter(cases.variant_kinds[pair] for pair in cases.true_pairs - found)
    if missed:
        print(f"Missed, by kind of variant: {dict(missed)}")
    assert recall >= 0.95
    assert precision >= 0.90


def test_batch_over_20000_partners_is_timed():
    cases = build_cases(base_count=16_000, variant_count=4_000)
    assert len(cases.records) == 20_000

    started = time.perf_counter()
    pairs = find_duplicate_pairs(cases.records)
    seconds = time.perf_counter() - started

    found = found_ids(pairs)
    true_found = len(found & cases.true_pairs)
    print(
        f"\nDuplicates batch over {len(cases.records)} partners: {seconds:.2f} s, "
        f"{len(pairs)} pairs; recall {true_found / len(cases.true_pairs):.1%}, "
        f"precision {true_found / len(found):.1%}"
    )
    assert true_found / len(cases.true_pairs) >= 0.95


# --- each reason, and near misses ---------------------------------------------------------------


def record(record_id, name, **fields):
    return PartnerRecord(id=record_id, name=name, **fields)


def test_same_website_under_another_name():
    pair = only_pair(
        record(1, "Mekong Water Fund", website="https://www.mekongwater.org"),
        record(2, "Văn phòng dự án tại Hà Nội", website="mekongwater.org/vi/"),
    )
    assert (pair.score, pair.reason_codes) == (90, (SAME_WEBSITE,))
    assert [str(reason) for reason in pair.reasons] == ["same website"]


def test_pages_of_one_social_network_are_not_one_website():
    assert (
        only_pair(
            record(1, "Mekong Water Fund", website="https://facebook.com/mekongwater"),
            record(2, "Alps Relief", website="https://www.facebook.com/alpsrelief"),
        )
        is None
    )


def test_same_email():
    pair = only_pair(
        record(1, "Mekong Water Fund", email="Info@MekongWater.org"),
        record(2, "Quỹ nước Mê Kông", email="info@mekongwater.org"),
    )
    # the Vietnamese name is the English one translated (issue 22): both say so
    assert (pair.score, pair.reason_codes) == (100, (SAME_EMAIL, IN_VIETNAMESE))


def test_same_name_after_removing_diacritics_legal_suffixes_and_word_order():
    pair = only_pair(
        record(1, "Deutsch-Vietnamesische Gesellschaft e.V.", country_code="DE"),
        record(2, "Vietnamesische deutsch Gesellschaft", country_code="DE"),
    )
    assert (pair.score, pair.reason_codes) == (100, (SAME_NAME,))
    assert str(pair.reasons[0]) == (
        "same name after removing diacritics, legal suffixes and word order"
    )


def test_similar_names_with_a_typo():
    pair = only_pair(
        record(1, "Margarete Lindqvist Foundation", country_code="SE"),
        record(2, "Margarete Lindqvst Foundation", country_code="SE"),
    )
    assert pair.reason_codes == (SIMILAR_NAMES,)
    assert DUPLICATE_THRESHOLD <= pair.score < 100


def test_same_acronym_and_country():
    agency = record(1, "Japan International Cooperation Agency", acronym="JICA", country_code="JP")
    pair = only_pair(agency, record(2, "JICA", country_code="JP"))
    assert (pair.score, pair.reason_codes) == (85, (SAME_ACRONYM,))
    assert only_pair(agency, record(2, "JICA", country_code="JO")) is None


def test_a_shared_acronym_does_not_join_two_different_names():
    assert (
        only_pair(
            record(1, "Basel University of Technology", acronym="BUT", country_code="CH"),
            record(2, "Bern University of Technology", acronym="BUT", country_code="CH"),
        )
        is None
    )


def test_a_shared_mail_domain_only_supports_a_name():
    pair = only_pair(
        record(1, "Mekong Water Fund", email="director@mekongwater.org"),
        record(2, "Mekong Water Fund Vietnam Office", email="hanoi@mekongwater.org"),
    )
    assert pair.reason_codes == (SIMILAR_NAMES, SAME_DOMAIN)
    faculties = [
        record(1, "Faculty of Medicine, University of Tokyo", email="med@u-tokyo.ac.jp"),
        record(2, "Faculty of Law, University of Tokyo", email="law@u-tokyo.ac.jp"),
    ]
    assert find_duplicate_pairs(faculties) == []


def test_translated_name_is_found_through_the_name_it_carries():
    pair = only_pair(
        record(1, "Vietnam–USA Society", country_code="US"),
        record(2, "Hội Việt – Mỹ", name_en="Vietnam-USA Society"),
    )
    assert (pair.score, pair.reason_codes) == (100, (SAME_NAME,))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Friendship Association of Japan", "Friendship Association of Korea"),
        ("University of Hamburg", "Hamburg University of Technology"),
        ("Embassy of Austria in Viet Nam", "Embassy of Australia in Viet Nam"),
        ("Hội người Việt Nam tại Ba Lan", "Hội sinh viên Việt Nam tại Ba Lan"),
        ("Tổng lãnh sự quán Mông Cổ tại TP HCM", "Tổng lãnh sự quán Anh tại TP HCM"),
        ("Anna Berg Foundation", "Erik Berg Foundation"),
        ("Mekong Friends Chapter 12", "Mekong Friends Chapter 13"),
    ],
)
def test_near_names_of_different_partners_are_not_flagged(first, second):
    assert only_pair(record(1, first), record(2, second)) is None


def test_different_countries_weigh_against_a_near_name():
    iran, iraq = (
        record(1, "Hội người Việt Nam tại Iran", country_code="IR"),
        record(2, "Hội người Việt Nam tại Iraq", country_code="IQ"),
    )
    assert only_pair(iran, iraq) is None


def test_pairs_come_best_first():
    pairs = find_duplicate_pairs(
        [
            record(1, "Mekong Water Fund", email="info@mekongwater.org"),
            record(2, "Mekong Water Fnd"),
            record(3, "Mekong Water Fund", email="info@mekongwater.org"),
        ]
    )
    assert [(found_ids([pair]), pair.score) for pair in pairs] == [
        ({(1, 3)}, 100),
        ({(1, 2)}, 97),
        ({(2, 3)}, 97),
    ]


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.oxfam.org/vi/", "oxfam.org"),
        ("oxfam.org", "oxfam.org"),
        ("HTTP://WWW.Oxfam.org", "oxfam.org"),
        ("https://hks.harvard.edu/about", "hks.harvard.edu"),
        ("https://www.facebook.com/mekongwater/", "facebook.com/mekongwater"),
        ("https://facebook.com", ""),
        ("", ""),
    ],
)
def test_website_key(url, key):
    assert duplicates.website_key(url) == key


@pytest.mark.parametrize(
    ("email", "domain"),
    [
        ("Info@MekongWater.org", "mekongwater.org"),
        ("someone@gmail.com", ""),
        ("someone@yahoo.co.jp", ""),
        ("someone@hotmail.fr", ""),
        ("", ""),
    ],
)
def test_organization_mail_domain(email, domain):
    assert duplicates.organization_mail_domain(email) == domain


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Asia Foundation, Inc.", "asia foundation"),
        ("Deutsch-Vietnamesische Gesellschaft e.V.", "deutsch gesellschaft vietnamesische"),
        ("Hội hữu nghị Việt – Đức", "duc hoi huu nghi viet"),
        ("Kim Software Co., Ltd.", "kim software"),
        ("Ngô Văn Lê Foundation", "foundation ngo van"),
        ("Intl. Assoc. of Friends", "association friends international"),
        ("The Co.", "co the"),
    ],
)
def test_name_key(name, key):
    assert duplicates.name_key(name) == key


# --- against the database -----------------------------------------------------------------------


@pytest.fixture
def register(db):
    germany = Country.objects.get(code="DE")
    return {
        "lindqvist": Partner.objects.create(kind="ngo", name="Margarete Lindqvist Foundation"),
        "mekong": Partner.objects.create(
            kind="ngo", name="Mekong Water Fund", website="https://www.mekongwater.org"
        ),
        "society": Partner.objects.create(
            kind="ngo",
            name="Deutsch-Vietnamesische Gesellschaft",
            acronym="DVG",
            country=germany,
        ),
        "other": Partner.objects.create(kind="ngo", name="Alps Relief"),
    }


def test_likely_duplicates_of_a_typo_finds_the_original(register, django_assert_num_queries):
    with django_assert_num_queries(2):  # how rare its words are; the partners sharing them
        pairs = likely_duplicates_of({"name": "Margarete Lindqvst Foundation"}, Partner.objects)
    assert [(pair.second.id, pair.reason_codes) for pair in pairs] == [
        (register["lindqvist"].pk, (SIMILAR_NAMES,))
    ]
    assert pairs[0].first.name == "Margarete Lindqvst Foundation"


def test_likely_duplicates_of_by_website_acronym_and_name(register):
    by_website = likely_duplicates_of(
        {"name": "Quỹ nước Mê Kông", "website": "http://mekongwater.org/vi"}, Partner.objects
    )
    assert [pair.second.id for pair in by_website] == [register["mekong"].pk]
    by_acronym = likely_duplicates_of(
        {"name": "DVG", "country": Country.objects.get(code="DE")}, Partner.objects
    )
    assert [(pair.second.id, pair.score) for pair in by_acronym] == [(register["society"].pk, 85)]
    by_name = likely_duplicates_of(
        {"name": "Vietnamesische-Deutsch Gesellschaft e.V.", "country_code": "DE"},
        Partner.objects,
    )
    assert [(pair.second.id, pair.reason_codes) for pair in by_name] == [
        (register["society"].pk, (SAME_NAME,))
    ]


def test_likely_duplicates_of_looks_only_in_the_queryset(register):
    fields = {"name": "Margarete Lindqvist Foundation"}
    assert likely_duplicates_of(fields, Partner.objects.exclude(pk=register["lindqvist"].pk)) == []
    assert likely_duplicates_of({"name": "Bamboo Bridges"}, Partner.objects) == []
    assert likely_duplicates_of({"name": ""}, Partner.objects) == []


def test_possible_duplicates_reads_the_queryset_once(register, django_assert_num_queries):
    Partner.objects.create(kind="ngo", name="Margarete Lindqvist Fondation")
    with django_assert_num_queries(1):
        pairs = possible_duplicates(Partner.objects.all())
    assert [{pair.first.name, pair.second.name} for pair in pairs] == [
        {"Margarete Lindqvist Foundation", "Margarete Lindqvist Fondation"}
    ]
