"""Benchmarks of the search across domains (issue 21, "Search everything", Speed).

Target: with every domain at scale 1 (about a million searchable records), the search page and
the API answer at the 95th percentile within 100 ms, for a central and a unit officer.

The data set: real partners (with their holders, so the unit officer's scope is the partners'
own rule), indexed by the service's own `rebuild`; and, for the other kinds, index rows written
directly (their records are not generated here: those rows are matched, read and counted as
any, and then dropped by each kind's `visible_to`, as a stale row would be). The queries go
through the page and the API: diacritic-free and case-changed words of indexed names, and a
mistyped word one time in four.
"""

import random

from bench.harness import Figure, alternating, compared, logged_in_clients, settle_database, timed
from bench.partners import WORDS, make_federation, make_partners

SEED = 20261207
ENTRIES = 1_000_000  # at scale 1
PARTNERS = 50_000
SYNTHETIC_IDS = 100_000_000
SURNAMES = "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý".split()
MIDDLE = "văn thị hữu đức minh thanh ngọc quang xuân thu kim".split()
GIVEN = (
    "an bình cường dũng giang hà hải hạnh hiếu hoa hùng hương khánh lan linh long mai nam "
    "nga ngọc nhung phong phúc quân sơn tâm thảo thắng trang trung tuấn vân việt yến"
).split()
THEMES = (
    "hội nghị hữu nghị hòa bình hợp tác phát triển giáo dục y tế môi trường văn hóa "
    "thanh niên phụ nữ trẻ em nông thôn biển đảo di sản giao lưu đoàn vào đoàn ra"
).split()
PROVINCES = "hà nội đà nẵng huế cần thơ hải phòng quảng ninh lào cai nghệ an".split()


def synthetic_kinds():
    from amity.core import search

    return [kind.plural for kind in search.kinds() if kind.plural != "partners"]


def synthetic_title(rng: random.Random, number: int) -> str:
    shape = number % 3
    if shape == 0:  # a person
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}".title()
    if shape == 1:  # an event, a course, an agreement
        theme = " ".join(rng.sample(THEMES, 3))
        return f"{theme} {rng.choice(PROVINCES)} {2015 + number % 12}".capitalize()
    return f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} {rng.choice(THEMES)} {number}"


def make_synthetic_entries(rng: random.Random, count: int) -> None:
    from amity.core import search
    from amity.core.collation import fold
    from amity.core.models import SearchEntry

    kinds = synthetic_kinds()
    batch = []
    for number in range(count):
        title = synthetic_title(rng, number)
        folded = " ".join(fold(title).split())
        batch.append(
            SearchEntry(
                kind=kinds[number % len(kinds)],
                object_id=SYNTHETIC_IDS + number,  # past any record the bench made
                title_vi=title,
                title_en=title,
                summary_vi="",
                summary_en="",
                key=folded[: search.KEY_LENGTH],
                text=f"{folded} ref-{number:07d}",
            )
        )
        if len(batch) == 10_000:
            SearchEntry.objects.bulk_create(batch)
            search._learn(entry.text for entry in batch)
            batch = []
    SearchEntry.objects.bulk_create(batch)
    search._learn(entry.text for entry in batch)


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    from amity.core import search

    rng = random.Random(SEED)
    entries = max(1000, int(ENTRIES * scale))
    partners = max(50, int(PARTNERS * scale))
    _central, unions, officer, unit = make_federation()
    with search.paused():
        seconds_partners, _ids = timed(make_partners, rng, partners, unions)
    seconds_index, _written = timed(search.rebuild, ["partners"])
    seconds_rows, _ = timed(make_synthetic_entries, rng, entries - partners)
    parameters = {"entries": entries, "partners": partners, "scale": scale}
    state = {"rng": rng, "officer": officer, "unit": unit, "parameters": parameters}
    return state, [
        Figure(f"generate {partners:,} partners", seconds_partners, "s"),
        Figure(f"index {partners:,} partners (rebuild)", seconds_index, "s"),
        Figure(f"write {entries - partners:,} other index rows", seconds_rows, "s"),
    ]


def queries(rng: random.Random, count: int) -> list[str]:
    """Diacritic-free, case-changed words of indexed names; a mistyped word one in four."""
    from amity.core.models import SearchEntry

    titles = list(SearchEntry.objects.order_by("?").values_list("key", flat=True)[:2000])
    terms = []
    for index in range(count):
        words = [word for word in rng.choice(titles).split() if not word.isdigit()] or ["hoi"]
        start = rng.randrange(max(1, len(words) - 1))
        chosen = words[start : start + 2]
        if index % 4 == 3 and len(chosen[0]) >= 5:  # two letters swapped
            word = chosen[0]
            chosen[0] = word[:-2] + word[-1] + word[-2]
        if index % 2:
            chosen = [word.upper() for word in chosen]
        terms.append(" ".join(chosen))
    return terms


def _ok(response):
    assert response.status_code == 200, response.status_code
    return response


def measure(state: dict, requests: int = 200) -> list[Figure]:
    from urllib.parse import urlencode

    rng = state["rng"]
    users = [("central officer", state["officer"]), ("unit officer", state["unit"])]
    state["parameters"]["requests"] = requests
    terms = queries(rng, requests)
    figures = []
    for name, path in (("search page", "/search/"), ("search API", "/api/search/")):
        clients = logged_in_clients(users)
        for client in clients:
            client.get(path, {"q": terms[0]})  # warm the caches once
        fetchers = [
            lambda term, client=client, path=path: _ok(
                client.get(f"{path}?{urlencode({'q': term})}")
            )
            for client in clients
        ]
        figures += compared(name, users, alternating(fetchers, terms), 100)
    return figures


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
