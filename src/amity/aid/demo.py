"""The demo data set of foreign non-governmental aid: activities of the demo NGOs, 2013–2026.

Invented for demonstration and marked as such: every activity has "[demo]" in its notes and an
`external_ref` "demo-aid-NNN". It builds on the registry's and the partners' demo sets (loaded
before it): the donors are the demo NGOs, the keepers are the provincial Unions (the Unions of the
old provinces until the merger of 1 July 2025, their successors after it). Values are in USD, EUR,
JPY, KRW and VND, with the central Union's rate table for them; a few transactions in AUD have no
rate on purpose, so that the statistics show how a missing rate is listed.

Actual figures stop at the day the set is loaded (`core.demo_dates`), and its activities span
the years up to the next one: the same day gives the same set.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.core.management.base import CommandError
from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.aid.choices import ActivityKind, ActivityStatus, OrganisationRole, TransactionType
from amity.aid.models import (
    Activity,
    ActivityProvince,
    ActivitySector,
    Budget,
    ParticipatingOrg,
    Rate,
    Transaction,
)
from amity.aid.services import RateTable, keeper_chain
from amity.core.demo_dates import demo_today, years_moved
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization
from amity.partners.models import Partner

SEED = 2026
MARK = "[demo]"
REF_PREFIX = "demo-aid-"
ACTIVITIES = 420
#: the years of the activities: LAST_YEAR is that of a set loaded in 2025, moved with the day
FIRST_YEAR, LAST_YEAR = 2013, 2026
MERGER_DATE = date(2025, 7, 1)
CURRENCY_BY_COUNTRY = {
    "FR": "EUR",
    "DE": "EUR",
    "IT": "EUR",
    "NL": "EUR",
    "BE": "EUR",
    "ES": "EUR",
    "AT": "EUR",
    "IE": "EUR",
    "FI": "EUR",
    "LU": "EUR",
    "PT": "EUR",
    "JP": "JPY",
    "KR": "KRW",
}
#: (year → value) anchors of the rates, read between them by straight lines
USD_VND = {
    2012: 20830,
    2015: 21890,
    2018: 22830,
    2020: 23130,
    2022: 23400,
    2024: 24900,
    2026: 26100,
}
EUR_USD = {
    2012: 1.29,
    2014: 1.37,
    2015: 1.10,
    2018: 1.18,
    2020: 1.12,
    2022: 1.05,
    2024: 1.09,
    2026: 1.16,
}
JPY_USD = {
    2012: 0.0125,
    2013: 0.0102,
    2015: 0.0082,
    2018: 0.0090,
    2020: 0.0094,
    2022: 0.0074,
    2024: 0.0066,
    2026: 0.0068,
}
KRW_VND = {2012: 18.4, 2015: 19.4, 2018: 20.6, 2020: 19.8, 2022: 18.1, 2024: 18.4, 2026: 17.9}
#: DAC 5-digit sectors the demo activities use, by weight (health and education lead)
SECTORS = [
    ("12220", 14),
    ("12240", 8),
    ("12230", 4),
    ("13020", 4),
    ("11220", 10),
    ("11120", 5),
    ("11330", 4),
    ("14030", 7),
    ("14031", 3),
    ("31120", 6),
    ("31161", 3),
    ("15150", 3),
    ("16010", 5),
    ("41010", 4),
    ("43040", 4),
    ("72010", 4),
    ("74020", 3),
    ("15170", 3),
]
TITLES = {
    "12": ("Chăm sóc sức khỏe ban đầu tại {place}", "Primary health care in {place}"),
    "13": ("Sức khỏe sinh sản cho phụ nữ {place}", "Reproductive health for women of {place}"),
    "11": ("Học bổng và trường học cho trẻ em {place}", "Scholarships and schools in {place}"),
    "14": ("Nước sạch và vệ sinh tại {place}", "Clean water and sanitation in {place}"),
    "31": ("Sinh kế nông nghiệp cho nông dân {place}", "Farm livelihoods in {place}"),
    "15": ("Nâng cao năng lực xã hội dân sự {place}", "Civil society capacity in {place}"),
    "16": ("Hỗ trợ người khuyết tật tại {place}", "Support to people with disabilities, {place}"),
    "41": ("Bảo vệ môi trường tại {place}", "Environmental protection in {place}"),
    "43": ("Phát triển cộng đồng tại {place}", "Community development in {place}"),
    "72": (
        "Cứu trợ khẩn cấp sau thiên tai tại {place}",
        "Emergency relief after disasters, {place}",
    ),
    "74": ("Phòng chống thiên tai tại {place}", "Disaster preparedness in {place}"),
}


def interpolate(anchors: dict[int, float], day: date) -> float:
    position = day.year + (day.timetuple().tm_yday - 1) / 366
    years = sorted(anchors)
    for first, last in zip(years, years[1:], strict=False):
        if first <= position <= last:
            share = (position - first) / (last - first)
            return anchors[first] + share * (anchors[last] - anchors[first])
    return anchors[years[-1]] if position > years[-1] else anchors[years[0]]


class AidDemo:
    def __init__(self):
        self.rng = random.Random(SEED)

    def read(self) -> None:
        self.admin = User.objects.filter(username="admin").first()
        if self.admin is None:
            raise CommandError("Load the registry's demo data set first (no user 'admin').")
        self.central = Organization.objects.get(kind=OrganizationKind.CENTRAL_UNION)
        unions = Organization.all_objects.filter(
            kind=OrganizationKind.PROVINCIAL_UNION, province__isnull=False, deleted_at=None
        ).select_related("province")
        self.before = [u for u in unions if not u.province.is_current]
        self.after = [u for u in unions if u.province.is_current]
        self.hanoi = User.objects.get(username="hanoi").organization
        self.danang = User.objects.get(username="danang").organization
        self.donors = list(
            Partner.objects.filter(kind="ngo", external_ref__startswith="demo-partner-")
            .select_related("country")
            .order_by("pk")
        )
        if not self.donors:
            raise CommandError("Load the partners' demo data set first (no demo NGO).")

    # --- rates ----------------------------------------------------------------------------------

    def write_rates(self) -> None:
        rates = []
        day = date(FIRST_YEAR - 1, 1, 1)
        while day <= date(LAST_YEAR + years_moved(), 1, 1):

            def rate(currency, usd=None, vnd=None, day=day):
                rates.append(
                    Rate(
                        organization=self.central,
                        currency=currency,
                        date=day,
                        usd_per_unit=None if usd is None else Decimal(f"{usd:.10f}"),
                        vnd_per_unit=None if vnd is None else Decimal(f"{vnd:.6f}"),
                        source="Ngân hàng Nhà nước Việt Nam (demo)",
                        notes=MARK,
                    )
                )

            dollar = interpolate(USD_VND, day)
            rate("USD", vnd=round(dollar))
            euro = interpolate(EUR_USD, day)
            rate("EUR", usd=round(euro, 4), vnd=round(euro * dollar))
            rate("JPY", usd=round(interpolate(JPY_USD, day), 6))
            rate("KRW", vnd=round(interpolate(KRW_VND, day), 2))
            day = (day.replace(day=1) + timedelta(days=93)).replace(day=1)  # each quarter
        bulk_create_with_history(rates, Rate, batch_size=500, default_user=self.admin)
        self.table = RateTable(Rate.objects.all())

    # --- activities -----------------------------------------------------------------------------

    def donor(self) -> Partner:
        # The donors' world regions as the articles describe them: Americas, Europe, Asia, …
        region = self.rng.choices(
            ["americas", "europe", "asia", "oceania", "africa"], [43, 35, 18, 3, 1]
        )[0]
        pool = [p for p in self.donors if p.country and p.country.region == region]
        return self.rng.choice(pool or self.donors)

    def keeper(self, start: date) -> Organization:
        unions = self.after if start >= MERGER_DATE else self.before
        favourite = self.hanoi if self.rng.random() < 0.12 else None
        if favourite is None and self.rng.random() < 0.08:
            favourite = self.danang
        if favourite is not None and start < MERGER_DATE:
            # Before the merger, Hà Nội and Đà Nẵng kept their activities themselves (the same
            # Unions carried on); a merged Union's figures reach its successor through lineage.
            return favourite
        return favourite or self.rng.choice(unions)

    def currency(self, donor: Partner) -> str:
        if self.rng.random() < 0.08:
            return "VND"
        return CURRENCY_BY_COUNTRY.get(donor.country.code if donor.country else "", "USD")

    def amount(self, currency: str, usd: float) -> Decimal:
        factor = {"USD": 1, "EUR": 0.9, "JPY": 130, "KRW": 1200, "VND": 24000, "AUD": 1.45}
        value = usd * factor[currency]
        digits = 0 if currency in ("JPY", "KRW", "VND") else 2
        return Decimal(str(round(value, digits - 3 if value > 10000 else digits)))

    def plan(self, number: int) -> dict:
        rng = self.rng
        start = date(
            rng.randint(FIRST_YEAR, (LAST_YEAR + years_moved())),
            rng.randint(1, 12),
            rng.randint(1, 28),
        )
        years = rng.choice([1, 1, 2, 2, 3, 3, 4, 5])
        end = start + timedelta(days=365 * years - 1)
        donor = self.donor()
        keeper = self.keeper(start)
        main = keeper.province if keeper.province else None
        places = [main] if main else []
        if rng.random() < 0.3:
            neighbour = rng.choice(self.before if start < MERGER_DATE else self.after).province
            if neighbour not in places:
                places.append(neighbour)
        sectors = []
        for code in rng.choices(
            [c for c, _ in SECTORS], [w for _, w in SECTORS], k=rng.choice([1, 1, 2, 3])
        ):
            if code not in sectors:
                sectors.append(code)
        if start > demo_today():
            status = ActivityStatus.PIPELINE
        elif end <= demo_today():
            ending = [ActivityStatus.FINALISATION, ActivityStatus.CANCELLED]
            status = rng.choice([ActivityStatus.CLOSED] * 8 + ending)
        else:
            status = rng.choice([ActivityStatus.IMPLEMENTATION] * 9 + [ActivityStatus.SUSPENDED])
        kind = rng.choices(list(ActivityKind.values), [60, 15, 15, 10])[0]
        if sectors[0].startswith("72"):
            kind = ActivityKind.EMERGENCY
        place = main.name if main else "Việt Nam"
        place_en = main.name_en if main else "Viet Nam"
        title_vi, title_en = TITLES[sectors[0][:2]]
        reference = donor.external_ref.upper().replace("DEMO-PARTNER-", "XM-DEMO-")
        return {
            "activity": Activity(
                iati_identifier=f"{reference}-VN-{number:04d}",
                reporting_org_ref=reference,
                reporting_org=donor,
                organization=keeper,
                kind=kind,
                status=status,
                title_vi=title_vi.format(place=place),
                title_en=title_en.format(place=place_en),
                description_vi=f"Hoạt động do {donor.name} tài trợ. {MARK}",
                planned_start=start,
                planned_end=end,
                actual_start=start if start <= demo_today() else None,
                actual_end=end if status == ActivityStatus.CLOSED else None,
                default_currency=self.currency(donor),
                external_ref=f"{REF_PREFIX}{number:04d}",
                notes=MARK,
            ),
            "places": places,
            "sectors": sectors,
            "size": rng.choice([15_000, 30_000, 60_000, 120_000, 250_000, 600_000, 1_500_000]),
        }

    def write_activities(self) -> None:
        plans = [self.plan(number) for number in range(1, ACTIVITIES + 1)]
        activities = [plan["activity"] for plan in plans]
        bulk_create_with_history(activities, Activity, batch_size=500, default_user=self.admin)
        saved = {
            a.external_ref: a
            for a in Activity.objects.filter(external_ref__startswith=REF_PREFIX).select_related(
                "organization"
            )
        }
        provinces, sectors, participants, budgets, transactions = [], [], [], [], []
        for plan in plans:
            activity = saved[plan["activity"].external_ref]
            shares = self.split(len(plan["places"]))
            provinces += [
                ActivityProvince(activity=activity, province=place, percentage=share, notes=MARK)
                for place, share in zip(plan["places"], shares, strict=True)
            ]
            shares = self.split(len(plan["sectors"]))
            sectors += [
                ActivitySector(activity=activity, sector=code, percentage=share, notes=MARK)
                for code, share in zip(plan["sectors"], shares, strict=True)
            ]
            if self.rng.random() < 0.5:
                partner = self.rng.choice(self.donors)
                if partner != activity.reporting_org:
                    participants.append(
                        ParticipatingOrg(
                            activity=activity,
                            partner=partner,
                            role=OrganisationRole.IMPLEMENTING,
                            notes=MARK,
                        )
                    )
            budgets += self.budgets(activity, plan["size"])
            transactions += self.transactions(activity, plan["size"])
        for model, rows in (
            (ActivityProvince, provinces),
            (ActivitySector, sectors),
            (ParticipatingOrg, participants),
            (Budget, budgets),
            (Transaction, transactions),
        ):
            bulk_create_with_history(rows, model, batch_size=1000, default_user=self.admin)

    def split(self, parts: int) -> list[Decimal]:
        if parts == 1:
            return [Decimal(100)]
        first = Decimal(self.rng.choice([50, 60, 70, 80])) if parts == 2 else Decimal(50)
        rest = (Decimal(100) - first) / (parts - 1)
        return [first] + [rest] * (parts - 1)

    def budgets(self, activity, size) -> list[Budget]:
        rows = []
        year = activity.planned_start.year
        while year <= activity.planned_end.year and len(rows) < 5:
            rows.append(
                Budget(
                    activity=activity,
                    period_start=date(year, 1, 1),
                    period_end=date(year, 12, 31),
                    value=self.amount(activity.default_currency, size / 3),
                    currency=activity.default_currency,
                    value_date=date(year, 1, 1),
                    notes=MARK,
                )
            )
            year += 1
        return rows

    def transactions(self, activity, size) -> list[Transaction]:
        currency = activity.default_currency
        if self.rng.random() < 0.01:
            currency = "AUD"  # no rate for it: the statistics list these as a problem
        rows = [
            self.transaction(
                activity,
                TransactionType.OUTGOING_COMMITMENT,
                activity.planned_start - timedelta(days=30),
                self.amount(currency, size),
                currency,
            )
        ]
        if activity.status in (ActivityStatus.PIPELINE, ActivityStatus.CANCELLED):
            return rows
        spent, day = 0.0, activity.actual_start + timedelta(days=self.rng.randint(10, 60))
        share = self.rng.uniform(0.55, 1.0)
        while day <= min(activity.planned_end, demo_today()) and spent < share * size:
            portion = size * self.rng.uniform(0.15, 0.35)
            kind = self.rng.choice([TransactionType.DISBURSEMENT, TransactionType.EXPENDITURE])
            rows.append(
                self.transaction(activity, kind, day, self.amount(currency, portion), currency)
            )
            spent += portion
            day += timedelta(days=self.rng.randint(120, 300))
        return rows

    def transaction(self, activity, kind, day, value, currency) -> Transaction:
        chain = keeper_chain(activity.organization)
        usd, vnd = self.table.convert(value, currency, day, chain)
        return Transaction(
            activity=activity,
            transaction_type=kind,
            date=day,
            value=value,
            currency=currency,
            value_date=day,
            value_usd=usd,
            value_vnd=vnd,
            notes=MARK,
        )

    def run(self) -> None:
        self.read()
        self.write_rates()
        self.write_activities()


def load(stdout) -> dict[str, int]:
    """Write the aid demo data set; print and return what it made."""
    if Activity.all_objects.filter(external_ref__startswith=REF_PREFIX).exists():
        raise CommandError("The aid demo data set is already loaded.")
    AidDemo().run()
    counts = count()
    for label, number in counts.items():
        stdout.write(f"  {label}: {number}\n")
    return counts


def count() -> dict[str, int]:
    activities = Activity.all_objects.filter(external_ref__startswith=REF_PREFIX)
    return {
        "aid activities": activities.count(),
        "transactions": Transaction.all_objects.filter(activity__in=activities).count(),
        "exchange rates": Rate.all_objects.filter(notes=MARK).count(),
    }
