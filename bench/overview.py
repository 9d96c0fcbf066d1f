"""Benchmarks of the year in one picture (issue 21, part 3): the dashboard of a central officer
(the whole network) and of a unit officer (one Union beside its cluster's average).

The data set is the aid suite's (5,000 activities and 50,000 transactions across 40 Unions at
scale 1) with, at scale 1, 10,000 events, 5,000 proposals, the donors held by the Unions and a
cluster of 8 Unions; synthetic and deterministic (fixed seed), written with bulk inserts. The
pages are measured through the Django test client, the two users taking turns on each year asked
(`harness.alternating`); their number of queries is reported too (it does not grow with the
data). Target: 500 ms at the 95th percentile on the 2-core machine (the page reads every domain,
both years, and for a Union its cluster's records a second time).
"""

import random
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import aid
from bench.harness import Figure, alternating, compared, logged_in_clients, settle_database, timed

SEED = 20261207
PAGE_TARGET_MS = 500
URL = "/overview/"


def make_data(rng, scale: float):
    from amity.accounts.models import User
    from amity.emulation.models import Cluster
    from amity.events.models import Event
    from amity.organizations.models import Organization
    from amity.partners.models import Partner, RelationshipHolder
    from amity.proposals.models import Proposal, Topic

    central_officer = aid.make_data(rng, max(20, int(5_000 * scale)), max(200, int(50_000 * scale)))
    unions = list(Organization.objects.filter(kind="provincial_union").order_by("pk"))
    unit_officer = User.objects.create(
        username="bench-overview-unit", role="unit_officer", organization=unions[0]
    )
    RelationshipHolder.objects.bulk_create(
        RelationshipHolder(partner=partner, organization=rng.choice(unions))
        for partner in Partner.objects.all()
    )
    kinds = ["conference", "online_conference", "incoming_delegation", "outgoing_delegation"]
    Event.objects.bulk_create(
        (
            Event(
                kind=rng.choice(kinds),
                title_vi=f"Sự kiện {index}",
                start=date(2020, 1, 1) + timedelta(days=rng.randint(0, 2190)),
                organization=rng.choice(unions),
                status="held",
            )
            for index in range(max(50, int(10_000 * scale)))
        ),
        batch_size=5000,
    )
    topic = Topic.objects.get(code="charter")
    department = unions[0].parent
    Proposal.objects.bulk_create(
        (
            Proposal(
                organization=rng.choice(unions),
                raised_on=date(2020, 1, 1) + timedelta(days=rng.randint(0, 2190)),
                source="letter",
                topic=topic,
                title=f"Kiến nghị {index}",
                text="…",
                addressed_to=department,
            )
            for index in range(max(25, int(5_000 * scale)))
        ),
        batch_size=5000,
    )
    for year in (2024, 2025):
        cluster = Cluster.objects.create(organization=department, year=year, name=f"Cụm {year}")
        cluster.members.set(unions[:8])
    return central_officer, unit_officer


def _ok(response):
    assert response.status_code == 200, response.status_code
    return response


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    rng = random.Random(SEED)
    seconds, (central, unit) = timed(make_data, rng, scale)
    state = {"rng": rng, "users": [("central", central), ("unit", unit)], "parameters": {}}
    state["parameters"] = {"scale": scale}
    return state, [Figure("generate the overview's data set", seconds, "s")]


def measure(state: dict, requests: int = 60) -> list[Figure]:
    state["parameters"]["requests"] = requests
    users = state["users"]
    clients = logged_in_clients(users)
    years = [state["rng"].choice((2021, 2022, 2023, 2024, 2025)) for _ in range(requests)]
    for client in clients:  # warm the caches once
        _ok(client.get(URL, {"year": 2025}))
    samples = alternating(
        [lambda year, client=client: _ok(client.get(URL, {"year": year})) for client in clients],
        years,
    )
    figures = []
    for (label, _user), client in zip(users, clients, strict=True):
        with CaptureQueriesContext(connection) as context:
            _ok(client.get(URL, {"year": 2025}))
        figures.append(Figure(f"dashboard queries ({label})", len(context.captured_queries), ""))
    return figures + compared("dashboard", users, samples, PAGE_TARGET_MS)


def run(scale: float = 1.0, requests: int = 60) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
