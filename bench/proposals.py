"""Benchmarks of proposals (issue 6, Speed): the proposals board with 20,000 proposals within
100 ms at the 95th percentile, for a central and a unit officer; the list page beside it.

The data set is synthetic and deterministic (fixed seed), written with bulk inserts; the
measurements go through the pages the app serves.
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
from bench.partners import _ok, make_federation

SEED = 20240419
STATUSES = ["received", "under_review", "answered", "accepted", "in_progress", "done", "declined"]


def make_departments(central):
    from amity.organizations.models import Organization

    return [
        Organization.objects.create(name=f"Ban {number}", kind="standing_unit", parent=central)
        for number in range(6)
    ]


def make_proposals(rng, count, unions, departments):
    from amity.proposals.models import Proposal, Topic

    topics = list(Topic.objects.all())
    start = date(2022, 1, 1)
    batch = []
    for number in range(count):
        raised = start + timedelta(days=rng.randint(0, 1500))
        batch.append(
            Proposal(
                organization=rng.choice(unions),
                raised_on=raised,
                source="report",
                topic=rng.choice(topics),
                title=f"Kiến nghị số {number}",
                text="Đề nghị Liên hiệp Trung ương xem xét.",
                addressed_to=rng.choice(departments),
                status=rng.choice(STATUSES),
                due_on=raised + timedelta(days=rng.choice([30, 60, 90])) if number % 5 else None,
            )
        )
    Proposal.objects.bulk_create(batch, batch_size=5000)


def measure_board(rng, users, requests, departments):
    board = [
        "/proposals/board/"
        if i % 3 == 0
        else f"/proposals/board/?addressed_to={rng.choice(departments).pk}"
        if i % 3 == 1
        else "/proposals/board/?overdue=true"
        for i in range(requests)
    ]
    listed = [f"/proposals/proposals/?page={rng.randint(1, 20)}" for _ in range(requests)]
    clients = logged_in_clients(users)
    for client in clients:
        client.get(board[0])
    pages = [lambda path, client=client: _ok(client.get(path)) for client in clients]
    figures = compared("proposals board", users, alternating(pages, board), 100)
    return figures + compared("proposals list", users, alternating(pages, listed), 100)


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    """The proposals at `scale`: what `measure` needs, and the time it took to build them."""
    rng = random.Random(SEED)
    proposals = max(50, int(20_000 * scale))
    central, unions, officer, unit = make_federation()
    departments = make_departments(central)
    seconds, _ = timed(make_proposals, rng, proposals, unions, departments)
    state = {
        "rng": rng,
        "officer": officer,
        "unit": unit,
        "departments": departments,
        "parameters": {"proposals": proposals, "scale": scale},
    }
    return state, [Figure(f"generate {proposals:,} proposals", seconds, "s")]


def measure(state: dict, requests: int = 200) -> list[Figure]:
    state["parameters"]["requests"] = requests
    users = [("central officer", state["officer"]), ("unit officer", state["unit"])]
    return measure_board(state["rng"], users, requests, state["departments"])


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
