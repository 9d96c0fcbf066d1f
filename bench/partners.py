"""Benchmarks of the partner database (issue: "The partner database", Speed).

Targets at 100,000 partners and 500,000 interactions on the 2-core machine: the list page and
the search answer at the 95th percentile within 100 ms and 50 ms; importing 20,000 rows takes
under 10 s; the duplicates batch over 20,000 partners takes under 10 s.

The data set is synthetic and deterministic (fixed seed), written with bulk inserts; the
measurements go through the same code the app runs (the list view, `services.search`, the
import, `possible_duplicates`).
"""

import csv
import io
import random
from datetime import date, timedelta

from django.db import connection

from bench.harness import (
    Figure,
    alternating,
    compared,
    logged_in_clients,
    settle_database,
    timed,
)

SEED = 20261123
WORDS = (
    "friendship peace mekong delta heritage children water school health green future bridge "
    "hope light river mountain ocean village farmers women youth education culture solidarity "
    "development foundation society association network institute alliance mission council"
).split()
VIETNAMESE = "hội hữu nghị hòa bình phát triển cộng đồng trẻ em giáo dục sức khỏe văn hóa".split()
COUNTRIES = [
    "US",
    "FR",
    "JP",
    "KR",
    "DE",
    "LA",
    "KH",
    "AU",
    "GB",
    "IT",
    "CU",
    "IN",
    "RU",
    "CN",
    "SG",
    "TH",
    "CA",
    "NL",
    "SE",
    "BR",
    "ZA",
    "NZ",
    "BE",
    "CH",
    "PL",
]
SENSITIVITIES = ["public"] * 3 + ["internal"] * 6 + ["restricted"]


def make_federation():
    """A central Union, 40 provincial Unions and a central and a unit officer."""
    from amity.accounts.models import User
    from amity.organizations.models import Organization

    existing = User.objects.filter(username="bench-central").select_related("organization")
    if existing:  # another domain of the same data set made it already
        officer = existing.get()
        central = officer.organization
        unions = list(
            Organization.objects.filter(parent=central, kind="provincial_union").order_by("pk")[:40]
        )
        return central, unions, officer, User.objects.get(username="bench-unit")
    central = Organization.objects.create(name="Liên hiệp Trung ương", kind="central_union")
    unions = [
        Organization.objects.create(
            name=f"Liên hiệp tỉnh {i}", kind="provincial_union", parent=central
        )
        for i in range(40)
    ]
    officer = User.objects.create(
        username="bench-central", role="central_officer", organization=central
    )
    unit = User.objects.create(username="bench-unit", role="unit_officer", organization=unions[0])
    return central, unions, officer, unit


def partner_names(rng, count):
    for number in range(count):
        words = rng.sample(WORDS, 3)
        yield (
            f"{words[0].title()} {words[1].title()} {words[2].title()} {number}",
            f"{' '.join(rng.sample(VIETNAMESE, 3)).capitalize()} {number}",
        )


def make_partners(rng, count, unions):
    from amity.geo.models import Country
    from amity.partners.models import Partner, RelationshipHolder

    countries = list(Country.objects.filter(code__in=COUNTRIES))
    batch = []
    for name, name_vi in partner_names(rng, count):
        acronym = "".join(word[0] for word in name.split()[:3]).upper()
        partner = Partner(
            kind=rng.choice(["ngo", "ngo", "university", "enterprise", "research", "media"]),
            name=name,
            name_vi=name_vi,
            acronym=acronym,
            country=rng.choice(countries),
            sensitivity=rng.choice(SENSITIVITIES),
            status="active",
            strength=rng.randint(1, 5),
        )
        # what save() derives, as bulk_create passes no save()
        partner.search_text = partner.derive_search_text(contact_names=[])
        partner.derive_sort_names()
        batch.append(partner)
    Partner.objects.bulk_create(batch, batch_size=5000)
    ids = list(Partner.objects.values_list("pk", flat=True))
    holders = [RelationshipHolder(partner_id=pk, organization=rng.choice(unions)) for pk in ids]
    RelationshipHolder.objects.bulk_create(holders, batch_size=5000)
    return ids


def make_interactions(rng, count, partner_ids, unions):
    from amity.partners.models import Interaction

    start = date(2018, 1, 1)
    batch = []
    for _ in range(count):
        batch.append(
            Interaction(
                partner_id=rng.choice(partner_ids),
                organization=rng.choice(unions),
                occurred_on=start + timedelta(days=rng.randint(0, 2900)),
                kind=rng.choice(["meeting", "letter", "call", "visit"]),
            )
        )
        if len(batch) == 10000:
            Interaction.objects.bulk_create(batch)
            batch = []
    Interaction.objects.bulk_create(batch)
    with connection.cursor() as cursor:  # what Interaction.save() keeps, in one statement
        cursor.execute(
            "UPDATE partners_partner SET last_contact_on = (SELECT MAX(occurred_on) FROM "
            "partners_interaction WHERE partner_id = partners_partner.id)"
        )


def measure_pages(rng, users, requests, pages):
    clients = logged_in_clients(users)
    paths = [
        f"/partners/partners/?page={rng.randint(1, pages)}"
        if i % 3 == 0
        else f"/partners/partners/?country={rng.randint(1, 240)}"
        if i % 3 == 1
        else f"/partners/partners/?kind=university&sort={rng.choice(['name', '-strength'])}"
        for i in range(requests)
    ]
    for client in clients:
        client.get(paths[0])  # warm the caches once
    samples = alternating(
        [lambda path, client=client: _ok(client.get(path)) for client in clients], paths
    )
    return compared("list page", users, samples, 100)


def _ok(response):
    assert response.status_code == 200, response.status_code
    return response


def measure_search(rng, users, queries):
    from amity.partners import services
    from amity.partners.models import Partner

    names = list(Partner.objects.values_list("name", flat=True)[:5000])
    terms = []
    for i in range(queries):
        name = rng.choice(names)
        words = name.lower().split()
        if i % 4 == 3:  # a typo in one word
            word = words[0]
            words[0] = word[:-2] + word[-1] + word[-2]
        terms.append(" ".join(words[:2]))
    scopes = [Partner.objects.visible_to(user) for _label, user in users]
    searches = [
        lambda term, visible=visible: list(services.search(visible, term)[:25])
        for visible in scopes
    ]
    return compared("search", users, alternating(searches, terms), 50)


def import_file(rng, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["kind", "name", "name_vi", "country", "status", "sensitivity"])
    for name, name_vi in partner_names(rng, rows):
        writer.writerow(
            ["ngo", f"Imported {name}", name_vi, rng.choice(COUNTRIES), "active", "internal"]
        )
    return buffer.getvalue().encode()


def measure_import(rng, user, rows):
    from django.test import override_settings

    from amity.core.imports import import_dataset, read_dataset
    from amity.partners.imports import PartnerResource

    content = import_file(rng, rows)
    read_seconds, dataset = timed(read_dataset, content, "partners.csv")
    with override_settings(IMPORT_DUPLICATE_CHECK_ROWS=0):
        seconds, summary_ = timed(import_dataset, PartnerResource, dataset, user, dry_run=False)
    assert not summary_["errors"], summary_["errors"][:3]
    return [
        Figure(f"import {rows:,} partners", seconds, "s", 10),
        Figure("import rows per second", rows / seconds, "rows/s"),
        Figure("reading the same file only", read_seconds, "s"),
    ]


def measure_duplicates(count):
    from amity.partners.duplicates import possible_duplicates
    from amity.partners.models import Partner

    queryset = Partner.objects.filter(pk__in=Partner.objects.order_by("pk").values("pk")[:count])
    seconds, pairs = timed(possible_duplicates, queryset)
    return [
        Figure(f"duplicates batch over {count:,} partners", seconds, "s", 10),
        Figure("pairs found", len(pairs), "pairs"),
    ]


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    """The partner data set at `scale`: what `measure` needs, and the time it took to build."""
    rng = random.Random(SEED)
    partners = max(50, int(100_000 * scale))
    interactions = max(100, int(500_000 * scale))
    _central, unions, officer, unit = make_federation()
    seconds_partners, ids = timed(make_partners, rng, partners, unions)
    seconds_interactions, _ = timed(make_interactions, rng, interactions, ids, unions)
    parameters = {"partners": partners, "interactions": interactions, "scale": scale}
    state = {"rng": rng, "officer": officer, "unit": unit, "scale": scale, "parameters": parameters}
    return state, [
        Figure(f"generate {partners:,} partners", seconds_partners, "s"),
        Figure(f"generate {interactions:,} interactions", seconds_interactions, "s"),
    ]


def measure(state: dict, requests: int = 200) -> list[Figure]:
    rng, scale, partners = state["rng"], state["scale"], state["parameters"]["partners"]
    import_rows = max(20, int(20_000 * scale))
    duplicate_batch = max(50, int(20_000 * scale))
    state["parameters"].update(requests=requests, import_rows=import_rows)
    users = [("central officer", state["officer"]), ("unit officer", state["unit"])]
    # The unit officer sees fewer partners than the central one; its last page bounds both.
    figures = measure_pages(rng, users, requests, pages=max(1, min(40, partners // 50)))
    figures += measure_search(rng, users, requests)
    figures += measure_duplicates(duplicate_batch)
    figures += measure_import(rng, state["officer"], import_rows)
    return figures


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
