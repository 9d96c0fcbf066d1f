"""The articles' two statements, from the statistics page and its API:

- "in the 2013–2018 period, [Tuyen Quang] attracted 33 NGOs and foreign donors with 80 projects
  … total disbursement value of 9.35 million USD" (the province as it was);
- "Ho Chi Minh City currently has more than 160 active foreign NGOs … Americas 43 %, Europe 35 %,
  Asia 20 %, Africa 2 %".
"""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from tests.aid.test_aid import activity, flow, ngo, province, rate

pytestmark = pytest.mark.django_db

API = "/api/aid/activities/statistics/"


@pytest.fixture
def tuyen_quang(orgs):
    """80 projects of 33 donors in Tuyên Quang as it was, 2013–2018: 70 disbursing 115,000 USD
    and 10 disbursing 130,000 USD (9.35 million); and what must not count: a project of 2012,
    one in Hà Giang (part of Tuyên Quang today) and one in Hà Nội."""
    rate(orgs.central, "USD", date(2000, 1, 1), usd=Decimal(1), vnd=Decimal(25000))
    old = province("08", current=False)
    donors = [ngo(f"Tuyen Quang donor {n}", "US") for n in range(33)]
    for number in range(80):
        start = date(2013 + number % 6, 1 + number % 12, 1)
        project = activity(
            orgs.hanoi, f"XX-TQ-{number}", donors[number % 33], start, provinces=[(old, 100)]
        )
        value = "130000" if number < 10 else "115000"
        flow(project, "3", date(start.year, 12, 15), value)
    early = activity(orgs.hanoi, "XX-TQ-2012", donors[0], date(2012, 1, 1), provinces=[(old, 100)])
    early.planned_end = date(2012, 12, 31)
    early.save()
    flow(early, "3", date(2012, 6, 1), "500000")
    elsewhere = ngo("Elsewhere Aid", "FR")
    for code, identifier in (("02", "XX-HG-1"), ("01", "XX-HN-1")):
        other = activity(
            orgs.hanoi,
            identifier,
            elsewhere,
            date(2015, 1, 1),
            provinces=[(province(code, current=False), 100)],
        )
        flow(other, "3", date(2015, 6, 1), "70000")
    return old


def test_tuyen_quang_2013_2018_as_it_was(tuyen_quang, users, client, login, english):
    login(users.central)
    query = {
        "province": tuyen_quang.pk,
        "lineage": "as_recorded",
        "year_from": 2013,
        "year_until": 2018,
    }
    totals = client.get(reverse("aid:statistics"), query).context["figures"]["totals"]
    assert (totals["ngos"], totals["activities"], totals["disbursed_usd"]) == (
        33,
        80,
        Decimal("9350000.00"),
    )
    api = client.get(API, query).json()["totals"]
    assert (api["ngos"], api["activities"], Decimal(str(api["disbursed_usd"]))) == (
        33,
        80,
        Decimal("9350000.00"),
    )
    # Today's Tuyên Quang holds Hà Giang too.
    today = {"province": province("08").pk, "year_from": 2013, "year_until": 2018}
    api = client.get(API, today).json()["totals"]
    assert (api["ngos"], api["activities"], Decimal(str(api["disbursed_usd"]))) == (
        34,
        81,
        Decimal("9420000.00"),
    )


@pytest.fixture
def ho_chi_minh_city(orgs):
    """200 donors active in Ho Chi Minh City in 2026: 86 from the Americas, 70 from Europe, 40
    from Asia, 4 from Africa; and one that ended in 2024, which is not active now."""
    city = province("79")
    counts = (("US", 60), ("CA", 20), ("BR", 6), ("FR", 40), ("DE", 30), ("JP", 25))
    counts += (("KR", 15), ("ZA", 4))
    number = 0
    for country, many in counts:
        for _ in range(many):
            donor = ngo(f"HCMC donor {number}", country)
            activity(
                orgs.hanoi, f"XX-SG-{number}", donor, date(2025, 8, 1), provinces=[(city, 100)]
            )
            number += 1
    gone = activity(
        orgs.hanoi, "XX-SG-OLD", ngo("Gone Aid", "GB"), date(2020, 1, 1), provinces=[(city, 100)]
    )
    gone.planned_end = date(2024, 12, 31)
    gone.save()
    return city


def test_ho_chi_minh_city_now_and_its_donors_regions(
    ho_chi_minh_city, users, client, login, english
):
    login(users.central)
    query = {"province": ho_chi_minh_city.pk, "year_from": 2026, "year_until": 2026}
    figures = client.get(reverse("aid:statistics"), query).context["figures"]
    assert figures["totals"]["ngos"] == 200
    shares = {row["key"]: (row["ngos"], row["share"]) for row in figures["regions"]}
    assert shares == {
        "americas": (86, Decimal("43.0")),
        "europe": (70, Decimal("35.0")),
        "asia": (40, Decimal("20.0")),
        "africa": (4, Decimal("2.0")),
    }
    api = client.get(API, query).json()
    assert api["totals"]["ngos"] == 200
    assert {row["key"]: Decimal(str(row["share"])) for row in api["regions"]} == {
        "americas": Decimal("43.0"),
        "europe": Decimal("35.0"),
        "asia": Decimal("20.0"),
        "africa": Decimal("2.0"),
    }
