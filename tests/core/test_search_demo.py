"""The search across domains on the demo data set: every kind found by a folded, case-changed
and a mistyped query; the page and the API scoped alike; odd input; a fixed number of queries."""

import re

import pytest
from django.urls import reverse

from amity.accounts.models import User
from amity.core import search
from amity.core.collation import fold
from amity.core.models import SearchEntry

pytestmark = pytest.mark.django_db


def hit_ids(results, plural):
    return [hit.id for group in results.groups if group.plural == plural for hit in group.hits]


def example(plural):
    """A record of the kind with a name of its own, and a word of it to mistype (a long one
    among its first words)."""
    for row in SearchEntry.objects.filter(kind=plural).order_by("object_id"):
        words = search.query_words(row.key)
        long_words = sorted((word for word in words if len(word) >= 5 and word.isalpha()), key=len)
        if long_words and SearchEntry.objects.filter(kind=plural, key=row.key).count() == 1:
            return row, long_words[-1]
    for row in SearchEntry.objects.filter(kind=plural).order_by("object_id"):
        words = [word for word in search.query_words(row.key) if len(word) >= 4 and word.isalpha()]
        if words:
            return row, max(words, key=len)
    raise AssertionError(f"no {plural} to search for")


def mistyped(word: str) -> str:
    """Two inner letters swapped: "nguyen" → "nguyne"."""
    return word[:2] + word[3] + word[2] + word[4:]


@pytest.mark.parametrize("plural", [kind.plural for kind in search.kinds()])
def test_every_kind_is_found_without_marks_in_capitals_and_with_a_typo(shared_demo, plural):
    admin = User.objects.get(username="admin")
    row, word = example(plural)
    plain = fold(row.title_vi).upper()  # "Đại hội" → "DAI HOI"
    assert row.object_id in hit_ids(search.search(admin, plain, kind=plural), plural)

    words = search.query_words(row.key)
    typo = " ".join(mistyped(part) if part == word else part for part in words)
    results = search.search(admin, typo, kind=plural)
    assert results.corrected  # the index knew no such word: corrected, then found
    assert row.object_id in hit_ids(results, plural)


def restricted_pair():
    """A record each of two unit officers' scopes answers differently: Da Nang's, hidden from
    Ha Noi."""
    hanoi, danang = User.objects.get(username="hanoi"), User.objects.get(username="danang")
    for kind in search.kinds():
        model = kind.model_class
        theirs = model.objects.visible_to(danang).exclude(
            pk__in=model.objects.visible_to(hanoi).values("pk")
        )
        ids = set(theirs.values_list("pk", flat=True))
        for row in SearchEntry.objects.filter(kind=kind.plural, object_id__in=ids):
            if len(fold(row.key).split()) >= 2:
                return kind, row, hanoi, danang
    raise AssertionError("no record of Da Nang hidden from Ha Noi")


def test_a_unit_officer_does_not_find_another_branchs_records(shared_demo, client):
    kind, row, hanoi, danang = restricted_pair()
    assert row.object_id in hit_ids(search.search(danang, row.key, kind=kind.plural), kind.plural)
    assert row.object_id not in hit_ids(
        search.search(hanoi, row.key, kind=kind.plural), kind.plural
    )

    client.force_login(hanoi)
    url = kind.record_url(row.object_id)
    page = client.get(reverse("search"), {"q": row.key, "kind": kind.plural})
    assert page.status_code == 200
    assert f'href="{url}"' not in page.content.decode()
    api = client.get("/api/search/", {"q": row.key, "kind": kind.plural})
    assert api.status_code == 200
    assert [hit["id"] for hit in api.json()["results"] if hit["kind"] == kind.plural].count(
        row.object_id
    ) == 0

    client.force_login(danang)
    page = client.get(reverse("search"), {"q": row.key, "kind": kind.plural})
    assert f'href="{url}"' in page.content.decode()
    api = client.get("/api/search/", {"q": row.key, "kind": kind.plural})
    assert row.object_id in [hit["id"] for hit in api.json()["results"]]


def test_the_page_groups_by_kind_and_highlights(shared_demo, client):
    client.force_login(User.objects.get(username="central"))
    page = client.get(reverse("search"), {"q": "ha noi"})
    assert page.status_code == 200
    html = page.content.decode()
    groups = re.findall(r'<section class="card mb-3 search-group" id="search-([\w-]+)"', html)
    assert groups[0] == "organizations" and "partners" in groups
    assert "<mark>Hà Nội</mark>" in html
    assert f'href="{reverse("organizations:organization_list")}?q=ha+noi"' in html


def test_the_api_answers_the_contracts_shape(shared_demo, client):
    client.force_login(User.objects.get(username="central"))
    data = client.get("/api/search/", {"q": "Nguyen"}).json()
    assert data["query"] == "Nguyen" and data["corrected"] == ""
    assert {"kind", "id", "title", "summary", "url"} == set(data["results"][0])
    kinds = {entry["kind"]: entry["count"] for entry in data["kinds"]}
    assert kinds["people"] > 5
    people = [hit for hit in data["results"] if hit["kind"] == "people"]
    assert len(people) == search.PER_KIND
    assert all("nguyen" in fold(hit["title"]) for hit in people)
    one_kind = client.get("/api/search/", {"q": "Nguyen", "kind": "people"}).json()
    assert {hit["kind"] for hit in one_kind["results"]} == {"people"}
    assert len(one_kind["results"]) == min(search.KIND_PAGE, kinds["people"])


def test_anonymous_callers_are_refused(shared_demo, client):
    assert client.get("/api/search/", {"q": "ha noi"}).status_code == 403
    page = client.get(reverse("search"), {"q": "ha noi"})
    assert page.status_code == 302 and page["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "text",
    ["", "%_'", "' OR 1=1; --", "😀🇻🇳", "x" * 1000, "Hà Nội " * 200, "\u200b", "a\x00b", "ﷺ"],
)
def test_odd_input_answers_200(shared_demo, client, text):
    client.force_login(User.objects.get(username="hanoi"))
    assert client.get(reverse("search"), {"q": text}).status_code == 200
    assert client.get("/api/search/", {"q": text}).status_code == 200
    assert client.get("/api/search/", {"q": text, "kind": text}).status_code == 200


def test_the_page_costs_the_same_queries_whatever_it_finds(shared_demo, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(User.objects.get(username="hanoi"))
    client.get(reverse("search"), {"q": "viet nam"})  # the session, the caches

    def queries(text):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("search"), {"q": text}).status_code == 200
        return len(captured)

    # many matches or few, of many kinds or of a few: the same queries
    assert queries("hoi huu nghi") == queries("Nguyen Thi")
    # a mistyped word: the vocabulary is read, then the corrected query runs
    assert queries("frnace") == queries("nguyne van") > queries("hoi huu nghi")
