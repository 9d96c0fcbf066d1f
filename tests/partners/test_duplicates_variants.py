"""Duplicate matching of the variants the enlarged development set showed (issue 22): each rule
by the kind of variation it answers, and the look-alikes it must keep apart."""

import pytest
from django.utils import translation

from amity.partners.duplicates import (
    ACRONYM_OF,
    COUNTRY_IN_OTHER_LANGUAGE,
    IN_VIETNAMESE,
    SAME_NAME,
    SIMILAR_NAMES,
    PartnerRecord,
    find_duplicate_pairs,
)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def only_pair(first: PartnerRecord, second: PartnerRecord):
    pairs = find_duplicate_pairs([first, second])
    assert len(pairs) <= 1
    return pairs[0] if pairs else None


def named(name: str, country: str = "", id: int = 1) -> PartnerRecord:
    return PartnerRecord(id=id, name=name, country_code=country)


@pytest.mark.parametrize(
    ("first", "second", "reason", "score"),
    [
        # abbreviations, with an apostrophe or a full stop
        ("Counterpart International", "Counterpart Int'l", SAME_NAME, 100),
        ("Swiss Agency for Development and Cooperation", "Swiss Agency for Dev. & Coop.",
         SAME_NAME, 100),
        ("Saigon Children's Charity", "Saigon Childrens Charity CIO", SAME_NAME, 100),
        # a country's adjective in its own language
        ("Caritas Italy", "Caritas Italiana", COUNTRY_IN_OTHER_LANGUAGE, 95),
        # general words of the organization's own language
        ("Bread for the World", "Brot für die Welt", SIMILAR_NAMES, 95),
        ("Fundación para la Salud y el Desarrollo", "Foundation for Health and Development",
         SIMILAR_NAMES, 95),
        # Vietnamese words: "Hội" is also a union, "Liên hiệp" a federation
        ("Vietnam Farmers' Union", "Hội Nông dân Việt Nam", IN_VIETNAMESE, 95),
        ("Vietnam Youth Federation", "Hội Liên hiệp Thanh niên Việt Nam", IN_VIETNAMESE, 89),
        # "Viet Nam" typed without accents is no translation, nor another language's country
        ("Kinderhilfe Vietnam e.V.", "Kinderhilfe Viet Nam", SIMILAR_NAMES, 95),
    ],
)  # fmt: skip
def test_a_variant_is_found_with_the_rule_that_matched(first, second, reason, score):
    pair = only_pair(named(first), named(second, id=2))
    assert pair is not None
    assert pair.reason_codes == (reason,)
    assert pair.score == score


def test_a_country_the_partner_is_of_weighs_little_in_its_name():
    """ "Tearfund UK" is the British Tearfund's record; the two share one word only, which
    gathers them for comparison."""
    pair = only_pair(named("Tearfund", "GB"), named("Tearfund UK", id=2))
    assert pair is not None
    assert pair.reason_codes == (SIMILAR_NAMES,)
    pair = only_pair(
        named("Deutsche Sparkassenstiftung für internationale Kooperation", "DE"),
        named("Sparkassenstiftung für internationale Kooperation e.V.", id=2),
    )
    assert pair is not None
    assert pair.reason_codes == (SIMILAR_NAMES,)


@pytest.mark.parametrize(
    ("whole", "branch", "country"),
    [
        ("Fred Hollows Foundation", "Fred Hollows Foundation New Zealand", "NZ"),
        ("Zipuvefo Environment and Nutrition Center", "Zipuvefo Environment and Nutrition "
         "Center Czechia", "CZ"),
        ("Plan International", "Plan International Sverige", ""),
    ],
)  # fmt: skip
def test_a_branch_named_by_its_country_stays_apart_from_the_whole(whole, branch, country):
    assert only_pair(named(whole), named(branch, country, id=2)) is None


def test_a_syllable_and_an_initial_of_two_words_are_no_acronym():
    """ "Caritas España" would shorten to "CARE" (its first syllable and the country's
    initial): an ordinary word, not CARE International's acronym."""
    assert only_pair(named("CARE International"), named("Caritas España", id=2)) is None
    assert only_pair(named("Tổ chức CARE Quốc tế"), named("Cáritas España", id=2)) is None


def test_an_ambiguous_acronym_meets_the_names_it_is_the_initials_of():
    """Seven names shorten to "FVA" by leaving their first word out, one is its initials:
    more than ACRONYM_CANDIDATES in all, so the acronym meets only the one it spells."""
    records = [named("FVA"), named("Fozigomi Volunteer Agency", id=2)]
    others = ["Kelo", "Bami", "Tuso", "Rane", "Vido", "Pelu", "Gaze"]
    records += [
        named(f"{word} Fu{word.lower()} Volunteer Agency", id=3 + index)
        for index, word in enumerate(others)
    ]
    pairs = [pair for pair in find_duplicate_pairs(records) if pair.first.name == "FVA"]
    assert [(pair.second.id, pair.reason_codes) for pair in pairs] == [(2, (ACRONYM_OF,))]
    assert pairs[0].reasons == ["FVA is the acronym of Fozigomi Volunteer Agency"]


@pytest.mark.parametrize(
    ("full", "short", "country"),
    [
        ("Danish International Development Agency", "Danida", "DK"),  # a syllable acronym
        ("Japan International Cooperation Agency", "Jica", "JP"),
        ("Japan International Cooperation Agency", "Jica Viet Nam Office", "JP"),  # the office
        # an acronym older than the name's last word
        ("Vietnam Association for Victims of Agent Orange", "VAVA", "VN"),
    ],
)
def test_an_acronym_typed_as_a_word_matches_the_name_it_shortens(full, short, country):
    pair = only_pair(named(full, country), named(short, id=2))
    assert pair is not None
    assert pair.reason_codes == (ACRONYM_OF,)
    acronym = short.split()[0]
    assert pair.reasons == [f"{acronym} is the acronym of {full}"]


def test_a_word_is_no_acronym_of_a_longer_name_it_begins():
    assert only_pair(named("Oxfam"), named("Oxfam Australia", "AU", id=2)) is None
    assert only_pair(named("Caritas"), named("Caritas Austria", id=2)) is None


@pytest.mark.parametrize(
    ("first", "second", "country", "reason"),
    [
        # the acronym beside the name it shortens, with a dash instead of brackets
        ("Mennonite Central Committee", "MCC - Mennonite Central Committee", "", SAME_NAME),
        ("Mennonite Central Committee", "Mennonite Central Committee - MCC", "", SAME_NAME),
        # the office in Viet Nam, at the name's end or start
        ("Caritas Austria", "Caritas Austria Vietnam Office", "AT", SIMILAR_NAMES),
        ("Mennonite Central Committee",
         "Văn phòng Đại diện Ủy ban Trung ương Mennonite tại Việt Nam", "", IN_VIETNAMESE),
        # Viet Nam at the end of a Vietnamese union's name is its country, not an office
        ("Vietnam Women's Union", "Women's Union of Viet Nam", "VN", SIMILAR_NAMES),
    ],
)  # fmt: skip
def test_an_acronym_or_an_office_beside_the_name_is_left_out(first, second, country, reason):
    pair = only_pair(named(first, country), named(second, id=2))
    assert pair is not None
    assert pair.reason_codes == (reason,)
    assert pair.score == (100 if reason == SAME_NAME else 95)


def test_an_office_does_not_make_two_countries_alike():
    assert (
        only_pair(named("Korea Foundation", "KR"), named("Japan Foundation Vietnam Office", id=2))
        is None
    )
