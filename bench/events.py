"""Benchmarks of the events (issue 6, Speed): the calendar month with 50,000 events answers
within 100 ms at the 95th percentile, for a central and a unit officer, as a grid and as a list.

The data set is synthetic and deterministic (fixed seed), written with bulk inserts: ten years of
events hosted by the centre and 40 provincial Unions, some co-organized, and online conferences
with a bridge point at every Union (which makes them visible to every unit officer).
"""

import random
from datetime import date, timedelta

from bench.harness import (
    Figure,
    alternating,
    compared,
    logged_in_clients,
    settle_database,
    timed,
)
from bench.partners import make_federation

SEED = 20240419
FIRST_DAY = date(2016, 1, 1)
YEARS = 10
KINDS = [
    "conference",
    "working_meeting",
    "incoming_delegation",
    "outgoing_delegation",
    "reception",
    "ceremony",
    "exchange",
    "other",
]


def make_events(rng, count, central, unions):
    from amity.events.models import BridgePoint, Event

    hosts = [central] * 10 + unions
    span = YEARS * 365
    batch = []
    for number in range(count):
        start = FIRST_DAY + timedelta(days=rng.randint(0, span))
        online = number % 500 == 0
        batch.append(
            Event(
                kind="online_conference" if online else rng.choice(KINDS),
                title_vi=f"Sự kiện hữu nghị số {number}",
                title_en=f"Friendship event {number}",
                start=start,
                end=start + timedelta(days=rng.choice([0, 0, 0, 1, 2, 5])),
                organization=central if online else rng.choice(hosts),
                status=rng.choice(["planned", "held", "held", "cancelled"]),
            )
        )
    Event.objects.bulk_create(batch, batch_size=5000)
    through = Event.co_organizers.through
    ids = list(Event.objects.values_list("pk", "kind"))
    co = [
        through(event_id=pk, organization_id=rng.choice(unions).pk)
        for pk, _kind in ids
        if rng.random() < 0.1
    ]
    through.objects.bulk_create(co, batch_size=5000)
    points = [
        BridgePoint(event_id=pk, organization=union, attendees=rng.randint(5, 20))
        for pk, kind in ids
        if kind == "online_conference"
        for union in unions
    ]
    BridgePoint.objects.bulk_create(points, batch_size=5000)


def measure_calendar(rng, users, requests):
    paths = []
    for index in range(requests):
        year, month = rng.randint(2016, 2025), rng.randint(1, 12)
        view = "&view=list" if index % 4 == 3 else ""
        paths.append(f"/events/calendar/?month={year}-{month:02d}{view}")
    clients = logged_in_clients(users)
    for client in clients:
        client.get(paths[0])  # warm the caches once
    pages = [lambda path, client=client: _ok(client.get(path)) for client in clients]
    return compared("calendar month", users, alternating(pages, paths), 100)


def _ok(response):
    assert response.status_code == 200, response.status_code
    return response


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    """The events at `scale`: what `measure` needs, and the time it took to build them."""
    rng = random.Random(SEED)
    events = max(50, int(50_000 * scale))
    central, unions, officer, unit = make_federation()
    seconds, _ = timed(make_events, rng, events, central, unions)
    state = {
        "rng": rng,
        "officer": officer,
        "unit": unit,
        "parameters": {"events": events, "scale": scale},
    }
    return state, [Figure(f"generate {events:,} events", seconds, "s")]


def measure(state: dict, requests: int = 200) -> list[Figure]:
    state["parameters"]["requests"] = requests
    users = [("central officer", state["officer"]), ("unit officer", state["unit"])]
    return measure_calendar(state["rng"], users, requests)


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
