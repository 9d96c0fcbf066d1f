"""The figures of the aid statistics page, the API and the reporting service.

Definitions (docs/user/aid.md says the same to users):
- an activity counts in a period when its dates (actual, else planned) overlap the period and it
  was not cancelled; an NGO is active when one of its activities counts;
- committed: outgoing commitments; disbursed: disbursements and expenditures, dated in the period
  (incoming funds and commitments are the same money seen from the receiving side);
- a value is split among an activity's provinces and sectors by their percentages; an activity
  without provinces (or sectors) shows under "not specified";
- through lineage, a province merged on 1 July 2025 counts in the province it merged into;
  "as they were" keeps it apart;
- a transaction no rate converts is left out of the sums and listed as a problem.

Four queries read everything, whatever the number of rows: the selected activities, their
transactions summed by activity, type and year (one scan of the transactions), and their province
and sector shares. Python then splits and groups a few thousand rows, in decimals.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.db.models import CharField, Count, Q, Sum
from django.db.models.functions import Cast, Coalesce, Substr

from amity.aid import codelists
from amity.aid.choices import COMMITMENT_TYPES, DISBURSEMENT_TYPES, ActivityStatus, Lineage
from amity.aid.models import ActivityProvince, ActivitySector, Transaction
from amity.aid.services import missing_rates
from amity.geo.choices import WorldRegion
from amity.geo.models import Province

CENT = Decimal("0.01")
ZERO = Decimal(0)
HUNDRED = Decimal(100)
COUNTED_TYPES = (*COMMITMENT_TYPES, *DISBURSEMENT_TYPES)
VALUES = ("committed_usd", "disbursed_usd", "committed_vnd", "disbursed_vnd")


def active_in(activities, start: date | None, end: date | None):
    """Activities whose dates overlap [start, end] and that were not cancelled."""
    activities = activities.exclude(status=ActivityStatus.CANCELLED)
    if start is None and end is None:
        return activities
    spanned = activities
    if "span_start" not in activities.query.annotations:  # the list's filter may have done it
        spanned = activities.alias(
            span_start=Coalesce("actual_start", "planned_start"),
            span_end=Coalesce("actual_end", "planned_end"),
        )
    if end is not None:
        spanned = spanned.filter(Q(span_start__isnull=True) | Q(span_start__lte=end))
    if start is not None:
        spanned = spanned.filter(Q(span_end__isnull=True) | Q(span_end__gte=start))
    return spanned


def sector_groups() -> dict[str, object]:
    """Code → FieldOfWork of the DAC sector groups."""
    from amity.partners.models import FieldOfWork

    return {field.code: field for field in FieldOfWork.objects.filter(kind="dac")}


def sectors_in_group(code: str, group_codes) -> list[str]:
    return [
        sector for sector in codelists.sectors() if codelists.group_of(sector, group_codes) == code
    ]


def money(value) -> Decimal:
    return Decimal(value or 0).quantize(CENT, ROUND_HALF_UP)


def with_rate(row: dict) -> dict:
    for name in VALUES:
        row[name] = money(row.get(name))
    committed = row["committed_usd"]
    row["rate"] = (
        (100 * row["disbursed_usd"] / committed).quantize(Decimal("0.1")) if committed else None
    )
    return row


class Sums:
    """Committed and disbursed in USD and VND, added up in decimals."""

    __slots__ = ("values",)

    def __init__(self):
        self.values = [ZERO, ZERO, ZERO, ZERO]

    def add(self, other: "Sums", weight: Decimal = Decimal(1)) -> None:
        for index, value in enumerate(other.values):
            if value:
                self.values[index] += value * weight

    def row(self) -> dict:
        return dict(zip(VALUES, self.values, strict=True))


@dataclass
class Selection:
    """What the figures are of: activities (already scoped and filtered), a period, and the
    province and sector group that split their values."""

    activities: object
    start: date | None = None
    end: date | None = None
    province: Province | None = None
    lineage: str = Lineage.CURRENT
    sector_group: str = ""
    groups: dict = field(default_factory=sector_groups)

    def __post_init__(self):
        self.activities = active_in(self.activities, self.start, self.end)

    def province_ids(self) -> set[int] | None:
        if self.province is None:
            return None
        if self.lineage == Lineage.CURRENT and self.province.is_current:
            return {self.province.pk, *self.province.predecessors.values_list("pk", flat=True)}
        return {self.province.pk}

    def sector_codes(self) -> set[str] | None:
        return set(sectors_in_group(self.sector_group, self.groups)) if self.sector_group else None

    # -- the four reads --

    @cached_property
    def donors(self) -> dict[int, tuple[int, str | None]]:
        """Activity id → (donor id, donor's world region)."""
        rows = self.activities.order_by().values_list(
            "pk", "reporting_org_id", "reporting_org__country__region"
        )
        return {pk: (donor, region) for pk, donor, region in rows}

    def transactions(self):
        rows = Transaction.objects.filter(
            activity__in=self.activities.order_by().values("pk"),
            transaction_type__in=COUNTED_TYPES,
        )
        if self.start:
            rows = rows.filter(date__gte=self.start)
        if self.end:
            rows = rows.filter(date__lte=self.end)
        return rows

    def _sums(self, *keys, **named):
        """The counted transactions' four sums (and how many are unconverted) by `keys`, one
        row per group."""
        missing = Q(value_usd__isnull=True) | Q(value_vnd__isnull=True)
        committed, disbursed = (Q(transaction_type__in=COMMITMENT_TYPES),
                                Q(transaction_type__in=DISBURSEMENT_TYPES))  # fmt: skip
        return (
            self.transactions()
            .order_by()
            .values(*keys, **named)
            .annotate(
                committed_usd=Sum("value_usd", filter=committed),
                disbursed_usd=Sum("value_usd", filter=disbursed),
                committed_vnd=Sum("value_vnd", filter=committed),
                disbursed_vnd=Sum("value_vnd", filter=disbursed),
                missing=Count("pk", filter=missing),
            )
            .values_list(*keys, *named, *VALUES, "missing")
        )

    @cached_property
    def flows(self) -> tuple[dict, int]:
        """(activity id → Sums, number of transactions left unconverted)."""
        by_activity, unconverted = {}, 0
        for activity, *values, missing in self._sums("activity_id"):
            sums = Sums()
            sums.values = [Decimal(value or 0) for value in values]
            by_activity[activity] = sums
            unconverted += missing
        return by_activity, unconverted

    def yearly(self) -> dict[int, Sums]:
        """Year → Sums; by activity and year only when a province or sector splits values."""
        # The year as text: SQLite would call a Python function per row for ExtractYear.
        year = Substr(Cast("date", CharField()), 1, 4)
        split = self.province is not None or bool(self.sector_group)
        rows = self._sums("activity_id", year=year) if split else self._sums(year=year)
        sums = defaultdict(Sums)
        for row in rows:
            activity, key, values = (row[0], row[1], row[2:6]) if split else (None, row[0],
                                                                              row[1:5])  # fmt: skip
            part = Sums()
            part.values = [Decimal(value or 0) for value in values]
            sums[int(key)].add(part, self.weights[activity] if split else Decimal(1))
        return sums

    @cached_property
    def province_shares(self) -> dict[int, list[tuple[int, Decimal]]]:
        """Activity id → [(province as counted, percentage)], through lineage or as recorded."""
        rows = ActivityProvince.objects.filter(
            activity__in=self.activities.order_by().values("pk")
        ).values_list("activity_id", "province_id", "province__successor_id", "percentage")
        shares = defaultdict(list)
        wanted = self.province_ids()
        for activity, province, successor, percentage in rows:
            if wanted is not None and province not in wanted:
                continue
            key = province if self.lineage == Lineage.AS_RECORDED else successor or province
            shares[activity].append((key, Decimal(percentage)))
        return shares

    @cached_property
    def sector_shares(self) -> dict[int, list[tuple[str | None, Decimal]]]:
        """Activity id → [(sector group, percentage)]."""
        rows = ActivitySector.objects.filter(
            activity__in=self.activities.order_by().values("pk")
        ).values_list("activity_id", "sector", "percentage")
        shares = defaultdict(list)
        wanted = self.sector_codes()
        for activity, sector, percentage in rows:
            if wanted is not None and sector not in wanted:
                continue
            shares[activity].append((codelists.group_of(sector, self.groups), Decimal(percentage)))
        return shares

    # -- weights --

    def province_weight(self, activity: int) -> Decimal:
        if self.province is None:
            return Decimal(1)
        return sum((pct for _key, pct in self.province_shares.get(activity, ())), ZERO) / HUNDRED

    def sector_weight(self, activity: int) -> Decimal:
        if not self.sector_group:
            return Decimal(1)
        return sum((pct for _key, pct in self.sector_shares.get(activity, ())), ZERO) / HUNDRED

    @cached_property
    def weights(self) -> dict[int, Decimal]:
        """Activity id → the part of its values the selection counts (1 unless a province or
        sector group is chosen)."""
        if self.province is None and not self.sector_group:
            return defaultdict(lambda: Decimal(1))
        return {activity: self.province_weight(activity) * self.sector_weight(activity)
                for activity in self.donors}  # fmt: skip

    def weight(self, activity: int) -> Decimal:
        return self.weights[activity]

    # -- groupings --

    def grouped(self, key_of) -> dict:
        """Sums, activities and NGOs by the key `key_of(activity id)` gives."""
        sums, activities, ngos = defaultdict(Sums), defaultdict(set), defaultdict(set)
        by_activity = self.flows[0]
        for activity, (donor, region) in self.donors.items():
            key = key_of(activity, donor, region)
            activities[key].add(activity)
            ngos[key].add(donor)
            if activity in by_activity:
                sums[key].add(by_activity[activity], self.weights[activity])
        return {key: with_rate({**sums[key].row(), "activities": len(activities[key]),
                                "ngos": len(ngos[key])}) for key in activities}  # fmt: skip

    def split(self, shares: dict, other_weight) -> dict:
        """Sums, activities and NGOs by province or sector group, each share taking its part."""
        sums, activities, ngos = defaultdict(Sums), defaultdict(set), defaultdict(set)
        by_activity = self.flows[0]
        for activity, (donor, _region) in self.donors.items():
            parts = shares.get(activity) or [(None, HUNDRED)]
            for key, percentage in parts:
                activities[key].add(activity)
                ngos[key].add(donor)
                if activity in by_activity:
                    weight = percentage / HUNDRED * other_weight(activity)
                    sums[key].add(by_activity[activity], weight)
        return {key: with_rate({**sums[key].row(), "activities": len(activities[key]),
                                "ngos": len(ngos[key])}) for key in activities}  # fmt: skip


def headline(activities, start=None, end=None, **split) -> dict:
    """The totals of a selection: NGOs, activities, committed, disbursed, rate, problems."""
    selection = split.pop("selection", None) or Selection(activities, start, end, **split)
    totals = selection.grouped(lambda activity, donor, region: "all").get("all")
    figures = totals or with_rate({"activities": 0, "ngos": 0})
    figures["unconverted"] = selection.flows[1]
    figures["problems"] = missing_rates(selection.transactions()) if figures["unconverted"] else []
    return figures


def by_province(selection: Selection) -> list[dict]:
    rows = selection.split(selection.province_shares, selection.sector_weight)
    provinces = Province.objects.in_bulk([key for key in rows if key])
    result = []
    for key, row in rows.items():
        province = provinces.get(key)
        row.update(
            key=key,
            label=str(province) if province else None,
            code=province.code if province else "",
            name_en=province.name_en if province else "",
            is_current=province.is_current if province else None,
        )
        result.append(row)
    return sorted(result, key=lambda row: (row["key"] is None, -row["disbursed_usd"]))


def by_sector(selection: Selection) -> list[dict]:
    rows = selection.split(selection.sector_shares, selection.province_weight)
    result = []
    for key, row in rows.items():
        group = selection.groups.get(key)
        row.update(key=key or None, label=str(group) if group else None)
        result.append(row)
    return sorted(result, key=lambda row: (row["label"] is None, -row["disbursed_usd"]))


def by_region(selection: Selection) -> list[dict]:
    rows = selection.grouped(lambda activity, donor, region: region)
    labels = dict(WorldRegion.choices)
    total_ngos = sum(row["ngos"] for row in rows.values())
    result = []
    for key, row in rows.items():
        share = None
        if total_ngos:
            share = (HUNDRED * row["ngos"] / total_ngos).quantize(Decimal("0.1"))
        row.update(key=key, label=str(labels[key]) if key in labels else None, share=share)
        result.append(row)
    return sorted(result, key=lambda row: -row["ngos"])


def by_donor(selection: Selection, limit=20) -> list[dict]:
    from amity.partners.models import Partner

    rows = selection.grouped(lambda activity, donor, region: donor)
    top = sorted(rows.items(), key=lambda item: -item[1]["disbursed_usd"])[:limit]
    partners = Partner.all_objects.select_related("country").in_bulk([key for key, _ in top])
    result = []
    for key, row in top:
        partner = partners.get(key)
        row.update(key=key, label=str(partner), country=str(partner.country or ""))
        result.append(row)
    return result


def by_year(selection: Selection) -> list[dict]:
    sums = selection.yearly()
    return [with_rate({**sums[year].row(), "key": year, "label": year}) for year in sorted(sums)]


def statistics(selection: Selection) -> dict:
    """Every figure of the statistics page."""
    return {
        "totals": headline(None, selection=selection),
        "provinces": by_province(selection),
        "sectors": by_sector(selection),
        "regions": by_region(selection),
        "donors": by_donor(selection),
        "years": by_year(selection),
    }
