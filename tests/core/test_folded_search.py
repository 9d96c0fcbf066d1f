"""Search ignores case and Vietnamese marks (issue 16): "ha noi" finds "Hà Nội" in every list's
`?q=`, its export and the API's, which the searchable select lists ask as one types."""

import unicodedata

import pytest
from django.urls import reverse

from amity.core.collation import FOLD_FROM, FOLD_TO, Fold, fold
from amity.organizations.models import Organization, Person

pytestmark = pytest.mark.django_db

HANOI_BRANCH = [
    "Hội hữu nghị Việt – Lào thành phố Hà Nội",
    "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội",
]


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Hà Nội", "ha noi"),
        ("ĐÀ NẴNG", "da nang"),
        ("Thừa Thiên Huế", "thua thien hue"),
        ("Ưu tiên Ơn nghĩa", "uu tien on nghia"),
        (unicodedata.normalize("NFD", "Hà Nội"), "ha noi"),  # marks typed apart
        ("Genève, Zürich, São Paulo", "geneve, zurich, sao paulo"),
        ("XM-DAC-41114 50%_x", "xm-dac-41114 50%_x"),  # the rest as it is
        ("Москва", "москва"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_the_database_folds_as_python_does(orgs):
    names = [
        "Hà Nội",
        "ĐÀ NẴNG",
        unicodedata.normalize("NFD", "Thừa Thiên Huế"),
        "Genève",
        "Ưu Ơ",
        "50%_x",
    ]
    for name in names:
        Organization.objects.create(name=name, kind="local_member", parent=orgs.hanoi)
    folded = dict(
        Organization.objects.filter(name__in=names)
        .annotate(folded=Fold("name"))
        .values_list("name", "folded")
    )
    assert folded == {name: fold(name) for name in names}
    assert len(FOLD_FROM) > len(FOLD_TO)  # the marks written apart are deleted


def listed(client, query, url=None):
    page = client.get(url or reverse("organizations:organization_list"), {"q": query})
    assert page.status_code == 200
    return sorted(str(row.record) for row in page.context["table"].rows)


@pytest.mark.parametrize(
    "query", ["ha noi", "HA NOI", "hà nội", "Hà Nội", unicodedata.normalize("NFD", "Hà Nội")]
)
def test_the_list_search_ignores_case_and_marks(client, login, users, orgs, query):
    login(users.central)
    assert listed(client, query) == HANOI_BRANCH


def test_every_word_must_match_in_some_field(client, login, users, orgs):
    login(users.central)
    assert listed(client, "da nang") == ["Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng"]
    assert listed(client, "viet lao ha noi") == ["Hội hữu nghị Việt – Lào thành phố Hà Nội"]
    assert listed(client, "ha noi union") == ["Liên hiệp các tổ chức hữu nghị thành phố Hà Nội"]
    assert listed(client, "ha noi da nang") == []


def test_like_wildcards_are_taken_as_they_are(client, login, users, orgs):
    Organization.objects.create(name="Quỹ 50% hữu nghị", kind="local_member", parent=orgs.hanoi)
    login(users.central)
    assert listed(client, "%") == ["Quỹ 50% hữu nghị"]
    assert listed(client, "_") == []
    assert listed(client, "50%") == ["Quỹ 50% hữu nghị"]


def test_the_api_q_that_a_searchable_select_asks_ignores_marks(client, login, users, orgs):
    login(users.hanoi)
    answer = client.get("/api/organizations/organizations/", {"q": "ha noi"})
    assert answer.status_code == 200
    assert sorted(row["name"] for row in answer.json()["results"]) == HANOI_BRANCH
    # within the user's scope, as before: Da Nang is not Ha Noi's to see
    assert client.get("/api/organizations/organizations/", {"q": "da nang"}).json()["results"] == []


def test_a_search_through_a_relation_ignores_marks(client, login, users, orgs):
    Person.objects.create(full_name="Trần Thị Thu Hà", organization=orgs.hanoi)
    Person.objects.create(full_name="Nguyễn Văn Đức", organization=orgs.hanoi)
    login(users.hanoi)
    people = reverse("organizations:person_list")
    assert listed(client, "tran thi ha", people) == ["Trần Thị Thu Hà"]
    assert listed(client, "duc", people) == ["Nguyễn Văn Đức"]
    api = client.get("/api/organizations/people/", {"q": "NGUYEN van"}).json()
    assert [row["full_name"] for row in api["results"]] == ["Nguyễn Văn Đức"]
