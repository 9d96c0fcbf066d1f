"""Benchmarks of agreements (issue 20, "Speed").

Target for 5,000 agreements on the 2-core machine: the agreements list (its first page, and
filtered by party organization and by expiry) and the board of agreements expiring within 90
days answer at the 95th percentile within 100 ms, for a central officer (the whole network) and
a provincial Union's officer (its branch).

The data set is synthetic and deterministic (fixed seed), written with bulk inserts: the centre,
60 provincial Unions with three member associations each, 400 partners, the agreements spread
over the Unions (a quarter with a second party of ours, most with a partner), their expiries
from two years past to five years ahead, so that about one in twenty is on the board.
"""

import random
import time
from datetime import date, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench.harness import Figure, latencies, settle_database, summary

SEED = 20261207
UNIONS = 60
MEMBERS_PER_UNION = 3
PARTNERS = 400
AGREEMENTS = 5_000
PAGE_TARGET_MS = 100
KINDS = ["cooperation", "coordination", "mou", "twinning"]


def make_organizations():
    from amity.accounts.models import User
    from amity.organizations.models import Organization

    central = Organization.objects.create(
        name="Liên hiệp Trung ương (thỏa thuận)", kind="central_union"
    )
    unions = [
        Organization.objects.create(
            name=f"Liên hiệp tỉnh (TT) {i:03d}", kind="provincial_union", parent=central
        )
        for i in range(UNIONS)
    ]
    members = [
        Organization.objects.create(
            name=f"Hội hữu nghị (TT) {i:03d}-{n}", kind="local_member", parent=union
        )
        for i, union in enumerate(unions)
        for n in range(MEMBERS_PER_UNION)
    ]
    users = {
        "central": User.objects.create(
            username="bench-agreements-central", role="central_officer", organization=central
        ),
        "union": User.objects.create(
            username="bench-agreements-union", role="unit_officer", organization=unions[0]
        ),
    }
    return central, unions, members, users


def make_partners(rng, count: int):
    from amity.partners.models import Partner

    partners = [
        Partner(kind="ngo", name=f"Friendship Fund {i:04d}", sensitivity="internal")
        for i in range(count)
    ]
    for partner in partners:
        partner.derive_fields()
    return Partner.objects.bulk_create(partners, batch_size=1000)


def make_agreements(rng, organizations, partners, count: int, today: date):
    from amity.agreements.models import Agreement

    statuses = ["in_force"] * 6 + ["signed", "negotiating", "expired", "terminated"]
    agreements = []
    for i in range(count):
        status = rng.choice(statuses)
        ends_on = today + timedelta(days=rng.randint(-700, 1800))
        if status in ("in_force", "signed") and ends_on < today:
            ends_on = today + timedelta(days=rng.randint(0, 1800))
        if status == "expired":
            ends_on = today - timedelta(days=rng.randint(1, 700))
        signed = status != "negotiating"
        agreements.append(
            Agreement(
                kind=rng.choice(KINDS),
                title_vi=f"Thỏa thuận hợp tác {i:05d}",
                organization=rng.choice(organizations),
                status=status,
                signed_on=ends_on - timedelta(days=365 * 3) if signed else None,
                starts_on=ends_on - timedelta(days=365 * 3) if signed else None,
                ends_on=ends_on,
            )
        )
    agreements = Agreement.objects.bulk_create(agreements, batch_size=1000)
    Others = Agreement.other_organizations.through
    Partners = Agreement.partners.through
    Others.objects.bulk_create(
        [
            Others(agreement_id=a.pk, organization_id=rng.choice(organizations).pk)
            for a in agreements
            if rng.random() < 0.25
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
    Partners.objects.bulk_create(
        [
            Partners(agreement_id=a.pk, partner_id=rng.choice(partners).pk)
            for a in agreements
            if rng.random() < 0.8
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
    return agreements


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    rng = random.Random(SEED)
    count = max(40, round(AGREEMENTS * scale))
    started = time.perf_counter()
    central, unions, members, users = make_organizations()
    partners = make_partners(rng, max(10, round(PARTNERS * scale)))
    organizations = [central, *unions, *members]
    make_agreements(rng, organizations, partners, count, timezone.localdate())
    seconds = time.perf_counter() - started
    state = {
        "users": users,
        "unions": [union.pk for union in unions],
        "parameters": {"agreements": count, "partners": len(partners), "unions": UNIONS},
    }
    return state, [Figure("generate the data set", seconds, "s")]


def measure(state: dict, requests: int = 200) -> list[Figure]:
    rng = random.Random(SEED + 1)
    figures = []
    listing = reverse("agreements:agreement_list")
    board = reverse("agreements:board")
    for who, user in state["users"].items():
        client = Client()
        client.force_login(user)

        def get(url, client=client):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        lists = [
            rng.choice(
                [
                    listing,
                    f"{listing}?sort=-ends_on",
                    f"{listing}?party={rng.choice(state['unions'])}",
                    f"{listing}?expiring_within=180&status=in_force",
                ]
            )
            for _ in range(requests)
        ]
        boards = [
            rng.choice([board, f"{board}?kind=mou", f"{board}?days=30"]) for _ in range(requests)
        ]
        get(listing)  # templates compiled once, as on a running server
        get(board)
        figures += summary(f"agreements list ({who})", latencies(get, lists), PAGE_TARGET_MS)
        figures += summary(f"expiring board ({who})", latencies(get, boards), PAGE_TARGET_MS)
    return figures


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
