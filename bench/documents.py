"""Benchmarks of the document register (issue 20, "Speed").

Targets on the 2-core machine: with 50,000 register entries, the register list answers within
100 ms at the 95th percentile (a unit officer's own register, and the centre's with a filter and
a text search); generating the Word document of a draft takes under 300 ms.

The data set is synthetic and deterministic (fixed seed), written with bulk inserts: the centre
and 60 provincial Unions, each keeping a register of documents over five years, outgoing and
incoming, numbered in order. Pages are measured through the Django test client.
"""

import random
import time
from datetime import date, timedelta

from django.test import Client
from django.urls import reverse

from bench.harness import Figure, latencies, settle_database, summary

SEED = 20261220
UNIONS = 60
ENTRIES = 50_000
FIRST_DAY = date(2022, 1, 1)
DAYS = 5 * 365
LIST_TARGET_MS = 100
DOCX_TARGET_MS = 300
KINDS = ["decision", "official_letter", "report", "plan", "notice", "invitation"]
WORDS = ["phối hợp", "hội nghị", "đoàn vào", "viện trợ", "kỷ niệm", "bồi dưỡng", "hữu nghị"]


def make_organizations():
    from amity.accounts.models import User
    from amity.organizations.models import Organization

    central = Organization.objects.create(
        name="Liên hiệp Trung ương (sổ công văn)", kind="central_union", short_name="VUFO"
    )
    unions = [
        Organization.objects.create(
            name=f"Liên hiệp tỉnh {i:03d}", kind="provincial_union", parent=central
        )
        for i in range(UNIONS)
    ]
    central_officer = User.objects.create(
        username="bench-documents-central", role="central_officer", organization=central
    )
    unit_officer = User.objects.create(
        username="bench-documents-unit", role="unit_officer", organization=unions[0]
    )
    return central, unions, central_officer, unit_officer


def make_entries(rng, registers, count: int) -> int:
    from amity.documents.models import RegisterEntry

    numbers: dict[tuple, int] = {}
    rows = []
    days = sorted(FIRST_DAY + timedelta(days=rng.randrange(DAYS)) for _ in range(count))
    for day in days:
        organization = rng.choice(registers)
        direction = "outgoing" if rng.random() < 0.6 else "incoming"
        key = (organization.pk, day.year, direction)
        numbers[key] = numbers.get(key, 0) + 1
        kind = rng.choice(KINDS)
        entry = RegisterEntry(
            organization=organization,
            direction=direction,
            document_type=kind,
            issued_on=day,
            subject=f"V/v {rng.choice(WORDS)} {rng.choice(WORDS)} số {numbers[key]}",
            signer=rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu"]),
            symbol="CV-LH" if direction == "outgoing" else "UBND-VX",
        )
        if direction == "outgoing":
            entry.number = numbers[key]
        else:
            entry.number, entry.arrival_number = rng.randrange(1, 999), numbers[key]
            entry.sender_name = "Sở Ngoại vụ"
        entry.derive_fields()
        rows.append(entry)
    RegisterEntry.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    rng = random.Random(SEED)
    started = time.perf_counter()
    central, unions, central_officer, unit_officer = make_organizations()
    entries = make_entries(rng, [central, *unions], max(100, round(ENTRIES * scale)))
    seconds = time.perf_counter() - started
    state = {
        "parameters": {"organizations": 1 + len(unions), "entries": entries},
        "central": central,
        "central_officer": central_officer,
        "unit_officer": unit_officer,
    }
    return state, [Figure("generate the data set", seconds, "s")]


def measure(state: dict, requests: int = 200) -> list[Figure]:
    from amity.documents.drafting import Draft
    from amity.documents.library import render_draft

    rng = random.Random(SEED + 1)
    list_url = reverse("documents:registerentry_list")
    figures = []
    for name, user, queries in (
        ("register list (unit officer)", state["unit_officer"], [{}]),
        (
            "register list, filtered and searched (central officer)",
            state["central_officer"],
            [
                {"direction": "outgoing", "year": str(rng.randint(2022, 2026)), "q": word}
                for word in WORDS
            ],
        ),
        ("register list, page 40 (central officer)", state["central_officer"], [{"page": 40}]),
    ):
        client = Client()
        client.force_login(user)

        def get(query, client=client):
            response = client.get(list_url, query)
            assert response.status_code in (200, 404), response.status_code

        get(queries[0])  # templates compiled once, as on a running server
        samples = [rng.choice(queries) for _ in range(requests)]
        figures += summary(name, latencies(get, samples), LIST_TARGET_MS)
    draft = Draft(
        kind="official_letter",
        issuer=state["central"],
        subject="V/v phối hợp tổ chức Ngày hội hữu nghị quốc tế",
        paragraphs=["Nội dung đoạn văn bản thử nghiệm. " * 12] * 8,
        recipients=["Như trên", "Lưu: VT"],
    )
    render_draft(draft)  # the first import of python-docx's template is not the figure
    rounds = max(3, min(requests, 50))
    figures += summary(
        "generate a draft's DOCX",
        latencies(
            lambda number: render_draft(draft, number), [f"{n}/CV-VUFO" for n in range(rounds)]
        ),
        DOCX_TARGET_MS,
    )
    return figures


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
