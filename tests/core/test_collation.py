"""Vietnamese alphabetical order (a, ă, â, b, …, d, đ, …, tones after the base letter) in lists,
choice lists and exports, by the name each page shows."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from amity.core.collation import sort_key, sorted_by_name
from amity.geo.models import Country
from amity.partners.models import Partner, RelationshipHolder
from amity.partners.views import PartnerViews

WORDS_IN_ORDER = [
    "a",
    "à",
    "ả",
    "ã",
    "á",
    "ạ",
    "An Giang",
    "Anh",
    "Áo",
    "Ăng-gô-la",
    "Ấn Độ",
    "Bà Rịa",
    "Bạc Liêu",
    "Dũng",
    "Đà Nẵng",
    "Đức",
    "Hà Nội",
    "Hải Phòng",
    "Ô Môn",
    "Ơn",
    "Úc",
    "Ư",
    "Zimbabwe",
]


def test_the_key_follows_the_vietnamese_alphabet_then_the_tones():
    assert sorted_by_name(reversed(WORDS_IN_ORDER)) == WORDS_IN_ORDER
    assert sorted(WORDS_IN_ORDER) != WORDS_IN_ORDER  # what Python's own order gives
    key = sort_key("Đà Nẵng – miền Trung")
    assert key.isascii() and key.isalpha() and key.islower()  # any database collation keeps it
    assert sort_key("  Hà   Nội ") == sort_key("Hà Nội")
    assert sort_key("HÀ NỘI") == sort_key("hà nội")


def partner(name, holder, **names):
    made = Partner.objects.create(kind="ngo", name=name, **names)
    RelationshipHolder.objects.create(partner=made, organization=holder)
    return made


@pytest.fixture
def partners(orgs):
    return [
        partner("Zeta Aid", orgs.hanoi, name_vi="Đoàn hữu nghị Zeta"),
        partner("Delta Works", orgs.hanoi, name_vi="Dự án Delta", name_en="Delta Works Project"),
        partner("Ánh Dương", orgs.hanoi),  # no translated names: its own everywhere
        partner("Bridges", orgs.hanoi, name_vi="Ấn tượng Cầu", name_en="Bridges Intl"),
    ]


def shown_names(response):
    """The text of the name column's cells, without their links."""
    cells = [str(row.get_cell("name")) for row in response.context["table"].rows]
    return [re.sub(r"<[^>]+>", "", cell) for cell in cells]


@pytest.mark.django_db
def test_the_partner_list_sorts_by_the_name_it_shows_in_each_language(
    client, users, login, partners
):
    login(users.hanoi)
    url = reverse("partners:partner_list")
    vietnamese = client.get(url, {"lang": "vi"})
    assert [str(cell) for cell in shown_names(vietnamese)] == [
        "Ánh Dương",
        "Ấn tượng Cầu",
        "Dự án Delta",
        "Đoàn hữu nghị Zeta",
    ]
    descending = client.get(url, {"lang": "vi", "sort": "-name"})
    assert [str(c) for c in shown_names(descending)] == [
        "Đoàn hữu nghị Zeta",
        "Dự án Delta",
        "Ấn tượng Cầu",
        "Ánh Dương",
    ]
    # in English, a partner without an English name shows its own, not the Vietnamese one
    english = client.get(url, {"lang": "en", "sort": "name"})
    assert [str(c) for c in shown_names(english)] == [
        "Ánh Dương",
        "Bridges Intl",
        "Delta Works Project",
        "Zeta Aid",
    ]


@pytest.mark.django_db
def test_the_export_follows_the_same_order(client, users, login, partners):
    login(users.hanoi)
    response = client.get(reverse("partners:partner_list"), {"lang": "vi", "export": "csv"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = body.decode("utf-8-sig").splitlines()[1:]
    assert [int(row.split(",")[0]) for row in rows] == [
        partners[2].pk,  # Ánh Dương
        partners[3].pk,  # Ấn tượng Cầu
        partners[1].pk,  # Dự án Delta
        partners[0].pk,  # Đoàn hữu nghị Zeta
    ]


def offered_countries(user, language):
    with translation.override(language):
        form = PartnerViews.filterset_for(user, {}).form
        return [str(country) for country in form.fields["country"].queryset]


@pytest.mark.django_db
def test_countries_are_offered_in_the_order_of_their_shown_name(client, users, login):
    vietnamese = offered_countries(users.hanoi, "vi")
    # a word before a longer one ("Ả Rập" before "Angola"), ă and â after a, tones after
    assert vietnamese.index("Ả Rập Xê-út") < vietnamese.index("Angola") < vietnamese.index("Áo")
    assert vietnamese.index("Áo") < vietnamese.index("Ấn Độ") < vietnamese.index("Bỉ")
    assert vietnamese.index("Dominica") < vietnamese.index("Đan Mạch") < vietnamese.index("Đức")
    assert vietnamese[-1] == "Zimbabwe"
    assert offered_countries(users.hanoi, "en")[:3] == ["Afghanistan", "Åland Islands", "Albania"]
    login(users.hanoi)
    countries = client.get(reverse("geo:country_list"), {"lang": "vi", "per_page": 300})
    listed = [row.record.name_vi for row in countries.context["table"].rows]
    assert (
        listed == sorted_by_name(Country.objects.values_list("name_vi", flat=True))[: len(listed)]
    )
    assert listed.index("Angola") < listed.index("Ấn Độ")
