"""The figures of the aid statistics page, the API and the reporting service.

Definitions (docs/user/aid.md says the same to users):
- an activity counts in a period when its dates (actual, else planned) overlap the period and it
  was not cancelled; an NGO is active when one of its activities counts;
- committed: outgoing commitments; disbursed: disbursements and expenditures, dated in the period
  (incoming funds and commitments are the same money seen from the receiving side);
- a value is split among an activity's provinces and sectors by their percentages; an activity
  without provinces (or sectors) shows under "not specified";
- through lineage, a province merged on 1 July 2025 counts in the province it merged into;
  "as they were" keeps it apart, for what was done before the merger: an activity recorded in a
  former province that began before the merger and went on after it counts its transactions
  dated from 1 July 2025 in the province the former one became;
- a transaction no rate converts is left out of the sums and listed as a problem.

The transactions are read twice, each time added up by the database: once grouped by activity
(each selected activity's sums, from which the tables by donor, world region, province and sector
group, and the totals, are folded in Python with the activities' province and sector shares) and
once grouped by year; "as they were", once, grouped by activity, year and side of the merger,
which every table and the years are folded from (SQLite sorts the rows for any grouping but the
activity's, the order of its index: two such groupings would sort them twice).
A grouped query per table, joining the transactions to the shares, read
them four times, each multiplied by the shares. Values in USD and VND are read as stored on each
transaction: they are derived from the rate table whenever a transaction, a rate or an
activity's keeper changes (`services.reconvert_after_rate_change`, `services.reconvert`), so the
page converts nothing and keeps nothing between requests.
"""

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    FloatField,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, Round, Substr
from django.db.models.lookups import In, IsNull
from django.utils.translation import gettext as _

from amity.aid import codelists
from amity.aid.choices import COMMITMENT_TYPES, DISBURSEMENT_TYPES, ActivityStatus, Lineage
from amity.aid.models import Activity, ActivityProvince, ActivitySector, Transaction, YearFlow
from amity.aid.services import activities_of, missing_rates
from amity.core.exports import SafeWorkbook
from amity.core.queries import raw_rows
from amity.geo.choices import WorldRegion
from amity.geo.models import Province
from amity.geo.services import MERGER_DAY
from amity.organizations.models import Organization
from amity.partners.models import FieldOfWork, Partner

CENT = Decimal("0.01")
ZERO = Decimal(0)
HUNDRED = Decimal(100)
ONE = Decimal(1)
COUNTED_TYPES = (*COMMITMENT_TYPES, *DISBURSEMENT_TYPES)
VALUES = ("committed_usd", "disbursed_usd", "committed_vnd", "disbursed_vnd")
SUMMED = (*VALUES, "missing")


def active_in(activities, start: date | None, end: date | None):
    """Activities whose dates overlap [start, end] and that were not cancelled.

    Applied once: the statistics' selection applies it to activities the list's filter may
    have narrowed to the same period already, and the conditions written twice made
    PostgreSQL expect fifty activities of three thousand (and plan for so few)."""
    applied = f"active_in_{start or ''}_{end or ''}".replace("-", "")
    if applied in activities.query.annotations:
        return activities
    activities = activities.alias(**{applied: Value(True)}).exclude(status=ActivityStatus.CANCELLED)
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
    return {field.code: field for field in FieldOfWork.objects.filter(kind="dac")}


def sectors_in_group(code: str, group_codes) -> list[str]:
    return [
        sector for sector in codelists.sectors() if codelists.group_of(sector, group_codes) == code
    ]


def exact(value) -> Decimal:
    """A sum read from the database as a decimal; a float by its shortest form, not its binary
    expansion."""
    if type(value) is Decimal:  # PostgreSQL's sums, thousands a page: no copy
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value or 0)


def money(value) -> Decimal:
    return exact(value).quantize(CENT, ROUND_HALF_UP)


def with_rate(row: dict) -> dict:
    for name in VALUES:
        row[name] = money(row.get(name))
    committed = row["committed_usd"]
    row["rate"] = (
        (100 * row["disbursed_usd"] / committed).quantize(Decimal("0.1")) if committed else None
    )
    return row


def fraction(percentage):
    """A share's percentage as a fraction of one, in SQL. SQLite keeps whole numbers as integers
    (50 / 100 would be 0 there): it divides in floating point; PostgreSQL in exact numerics."""
    if connection.vendor == "sqlite":
        return Cast(percentage, FloatField()) / Value(100.0)
    return ExpressionWrapper(percentage / Value(HUNDRED), output_field=DecimalField())


def summed():
    """The type of a sum: floating point on SQLite, whose arithmetic is (Django would read it
    back with 15 digits, too few for VND), exact numerics on PostgreSQL."""
    if connection.vendor == "sqlite":
        return FloatField()
    return DecimalField(max_digits=30, decimal_places=6)


def sector_group_of(sector, groups) -> Case:
    """The sector group of the DAC code `sector` (an SQL expression), or NULL: the code's ten
    ("122" basic health → "120"), but for the few 3-digit categories that are groups of their
    own or belong to none (`codelists.group_exceptions`)."""
    category = Substr(sector, 1, 3)
    by_group: dict[str | None, list[str]] = {}
    for code, group in codelists.group_exceptions(frozenset(groups)).items():
        by_group.setdefault(group, []).append(code)
    whens = [When(IsNull(sector, True), then=Value(None))]
    whens += [When(In(category, codes), then=Value(group)) for group, codes in by_group.items()]
    tens = Concat(Substr(sector, 1, 2), Value("0"), output_field=CharField())
    return Case(*whens, default=tens, output_field=CharField())


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
        activities = active_in(self.activities, self.start, self.end)
        # An activity counts for a province or sector group only when it has a share in it.
        if self.province is not None:
            shares = ActivityProvince.objects.filter(province__in=self.province_ids())
            if self.splits_at_merger and self.province.is_current:
                # As they were, today's province holds from the merger on what was recorded in
                # the former provinces it was made of, of the activities that went on after it.
                spanning = activities.filter(spans_the_merger()).values("pk")
                shares = ActivityProvince.objects.filter(
                    Q(province__in=self.province_ids())
                    | Q(province__successor=self.province, activity__in=spanning)
                )
            activities = activities.filter(pk__in=shares.values("activity_id"))
        if self.sector_group:
            shares = ActivitySector.objects.filter(sector__in=self.sector_codes())
            activities = activities.filter(pk__in=shares.values("activity_id"))
        self.activities = activities

    @property
    def splits_at_merger(self) -> bool:
        """Whether the values of an activity that spans the merger are split at it: "as they
        were", a former province holds what was done before 1 July 2025, the province it became
        what was done after."""
        return self.lineage == Lineage.AS_RECORDED

    def province_ids(self) -> list[int] | None:
        if self.province is None:
            return None
        if self.lineage == Lineage.CURRENT and self.province.is_current:
            return [self.province.pk, *self.province.predecessors.values_list("pk", flat=True)]
        return [self.province.pk]

    def sector_codes(self) -> list[str] | None:
        return sectors_in_group(self.sector_group, self.groups) if self.sector_group else None

    def transactions(self):
        """The counted transactions of the selection (for the list of missing rates)."""
        rows = Transaction.objects.filter(
            activity__in=self.activities.order_by().values("pk"),
            transaction_type__in=COUNTED_TYPES,
        )
        if self.start:
            rows = rows.filter(date__gte=self.start)
        if self.end:
            rows = rows.filter(date__lte=self.end)
        return rows

    # -- the grouped queries --

    def _flow_condition(self) -> Q:
        condition = Q(
            transactions__deleted_at__isnull=True, transactions__transaction_type__in=COUNTED_TYPES
        )
        if self.start:
            condition &= Q(transactions__date__gte=self.start)
        if self.end:
            condition &= Q(transactions__date__lte=self.end)
        return condition

    def query(self):
        """The selected activities joined to their counted transactions (`flow`) and, with a
        province or sector group chosen, to their shares in it (`place`, `topic`), with the
        weight that splits each value: the product of the shares' fractions."""
        ids = self.activities.order_by().values("pk")
        rows = Activity.objects.filter(pk__in=ids).alias(
            flow=FilteredRelation("transactions", condition=self._flow_condition())
        )
        weight = None
        # The chosen province and sector group filter the shares' rows, not their joins: the
        # selected activities all have a share in them (and Django misplaces the join to the
        # provinces when the join's condition names them).
        if self.province is not None:
            live = Q(province_shares__deleted_at__isnull=True)
            rows = rows.alias(place=FilteredRelation("province_shares", condition=live))
            rows = rows.filter(place__province_id__in=self.province_ids())
            weight = fraction(F("place__percentage"))
        if self.sector_group:
            live = Q(sector_shares__deleted_at__isnull=True)
            rows = rows.alias(topic=FilteredRelation("sector_shares", condition=live))
            rows = rows.filter(topic__sector__in=self.sector_codes())
            part = fraction(F("topic__percentage"))
            weight = part if weight is None else weight * part
        return rows, weight

    # -- each activity's sums, and its shares --

    @cached_property
    def per_activity(self) -> dict[int, tuple]:
        """Activity id → (donor, the donor's world region, its four sums in whole units (cents,
        dong), not split, its unconverted transactions): every table but the years' is folded
        from these, as decimals once added up."""
        flows = self._flows_by_activity[0]
        nothing = ((0,) * len(VALUES), 0)
        activities = self.activities.order_by().values_list(
            "pk", "reporting_org_id", "reporting_org__country__region"
        )
        return {
            pk: (donor, region, *flows.get(pk, nothing))
            for pk, donor, region in raw_rows(activities)
        }

    @cached_property
    def _flow_rows(self) -> list[tuple]:
        """(activity id, year, side of the merger, its four sums in whole units, its unconverted
        transactions) of the counted transactions, the pass over them that the tables are
        folded from; USD in cents and VND in dong, added up as whole numbers and made decimals
        once folded (`_as_money`), thousands of times fewer. Of whole years, the yearly flows
        by activity, year and side of the merger (1 from it on, else 0; 0 unless
        `splits_at_merger`). Of other periods (a report's quarter), the transactions grouped
        by activity alone (year None, side 0), unless `splits_at_merger`:
        then by activity, year and side of the merger (1 from it on, else 0), the one pass the
        years are folded from too (SQLite sorts the rows to group them by anything but the
        activity, whose order its index gives: two groupings would sort them twice)."""
        if self.whole_years:
            return self._year_flow_rows()
        keys = {"group": F("activity_id")}
        if self.splits_at_merger:
            keys["year_key"] = year_of("date")
            keys["side"] = Case(When(date__gte=MERGER_DAY, then=Value(1)), default=Value(0))
        rows = []
        for activity_id, *rest in self._read_flows(keys):
            year, after = rest[:2] if self.splits_at_merger else (None, 0)
            (usd_1, usd_2, vnd_1, vnd_2), missing = rest[-2:]
            rows.append(
                (activity_id, year, after, (usd_1 * 100, usd_2 * 100, vnd_1, vnd_2), missing)
            )
        return rows

    @cached_property
    def whole_years(self) -> bool:
        """Whether the period is whole years (the statistics page's are): then the yearly
        flows, kept by the database, hold its sums."""
        return (self.start is None or (self.start.month, self.start.day) == (1, 1)) and (
            self.end is None or (self.end.month, self.end.day) == (12, 31)
        )

    def _year_flow_rows(self) -> list[tuple]:
        """`_flow_rows` read from the yearly flows: a row an activity, year and side of the
        merger (the side 0 unless `splits_at_merger`)."""
        flows = YearFlow.objects.filter(activity__in=self.activities.order_by().values("pk"))
        if self.start:
            flows = flows.filter(year__gte=self.start.year)
        if self.end:
            flows = flows.filter(year__lte=self.end.year)
        sums = ("committed_usd_cents", "disbursed_usd_cents", "committed_vnd", "disbursed_vnd")
        if connection.vendor == "postgresql":
            # Read as text and made integers: PostgreSQL's numerics would arrive as decimals,
            # and every sum after them would be one (three times the page's Python time);
            # bigint could overflow on a sum SQLite and Python hold exactly.
            texts = {f"{name}_text": Cast(name, CharField()) for name in sums}
            flows = flows.annotate(**texts)
            sums = tuple(texts)
        flows = flows.order_by().values_list(
            "activity_id", "year", "after_merger", *sums, "unconverted"
        )
        splits = self.splits_at_merger
        as_text = connection.vendor == "postgresql"
        return [
            (
                activity_id,
                year,
                1 if splits and after else 0,
                [int(value) for value in units] if as_text else units,
                missing,
            )
            for activity_id, year, after, *units, missing in raw_rows(flows)
        ]

    def _read_flows(self, keys: dict) -> list[tuple]:
        """The counted transactions of the selection added up by `keys` (expressions by name):
        rows of the keys, the four sums as decimals and the unconverted ones. Read from the
        transactions, checked against the set of selected activities: joined the other way,
        each activity to its transactions, PostgreSQL plans for the few activities it expects
        of a period's conditions rather than the thousands it finds."""
        grouped = (
            self.transactions()
            .order_by()
            .values(**keys)
            .annotate(**flow_sums(exact_units=True))
            .values_list(*keys, *SUMMED)
        )
        read = _UnitReader()
        rows = []
        for row in raw_rows(grouped):
            usd_1, usd_2, vnd_1, vnd_2, missing = row[len(keys) :]
            values = (read.usd(usd_1), read.usd(usd_2), read.vnd(vnd_1), read.vnd(vnd_2))
            rows.append((*row[: len(keys)], values, missing))
        return rows

    @cached_property
    def _flows_by_activity(self) -> tuple[dict, dict]:
        """Activity id → (its four sums in whole units, its unconverted transactions), of all its
        counted transactions and of those dated from the merger on (when `splits_at_merger`)."""
        whole: dict[int, list] = {}
        late: dict[int, list] = {}
        for activity_id, _year, after, units, missing in self._flow_rows:
            if after:
                _add_units(late, activity_id, units, missing)
            _add_units(whole, activity_id, units, missing)
        return _as_tuples(whole), _as_tuples(late)

    def _flows_by_year(self) -> list[tuple]:
        """(year, its four sums, its unconverted transactions), not split."""
        if not self.splits_at_merger and not self.whole_years:
            rows = self._read_flows({"year_key": year_of("date")})
            return [(year, *values, missing) for year, values, missing in rows]
        years: dict[str, list] = {}
        for _activity_id, year, _after, units, missing in self._flow_rows:
            _add_units(years, year, units, missing)
        return [(year, *values, missing) for year, (values, missing) in _as_money(years).items()]

    @cached_property
    def province_fractions(self) -> dict[int, dict]:
        """Activity id → {province key: the fraction of its values there}: the province a
        merged one now lies in ("through lineage"), or the province as recorded. With a province
        chosen, only the shares in it."""
        as_recorded = self.lineage == Lineage.AS_RECORDED
        successor = "province_id" if as_recorded else "province__successor_id"
        shares = (
            ActivityProvince.objects.filter(activity__in=self.activities.order_by().values("pk"))
            .order_by()
            .values_list(
                "activity_id", "province_id", Coalesce(successor, "province_id"), "percentage"
            )
        )
        return _fractions(shares, self.province_ids())

    @cached_property
    def sector_fractions(self) -> dict[int, dict]:
        """Activity id → {sector group: the fraction of its values in it}. With a sector
        group chosen, only the shares in it."""
        shares = (
            ActivitySector.objects.filter(activity__in=self.activities.order_by().values("pk"))
            .order_by()
            .values_list(
                "activity_id", "sector", sector_group_of(F("sector"), self.groups), "percentage"
            )
        )
        return _fractions(shares, self.sector_codes())

    def chosen_weight(self, *, province: bool, sector: bool):
        """Activity id → the part of its values in the chosen province (with `province`) and
        sector group (with `sector`): the product of the two; 1 when nothing is chosen."""
        provinces = self.province_fractions if province and self.province is not None else None
        sectors = self.sector_fractions if sector and self.sector_group else None
        if provinces is None and sectors is None:
            return lambda _activity_id: ONE
        return lambda activity_id: (
            (sum(provinces.get(activity_id, {}).values()) if provinces is not None else ONE)
            * (sum(sectors.get(activity_id, {}).values()) if sectors is not None else ONE)
        )

    # -- the four tables --

    @cached_property
    def by_donor_rows(self) -> list[dict]:
        """Donor, world region, and their figures: the donors' table, the regions' and the
        totals are all folded from these rows (an activity has one donor, a donor one region)."""
        weight = self.chosen_weight(province=True, sector=True)
        parts = _times(self.per_activity, {}, weight, unsplit_whole=True)
        late = self.late_weight(sector=True)
        late_parts = {activity_id: {None: late(activity_id)} for activity_id in self.after_merger}
        rows = _split_many(self._merger_pairs(parts, late_parts), key_of=lambda donor, _key: donor)
        region = {donor: region for donor, region, _values, _missing in self.per_activity.values()}
        for row in rows:
            row["region"] = region[row["key"]]
        return rows

    def by_province_rows(self) -> list[dict]:
        parts = _times(
            self.per_activity,
            self.province_fractions,
            self.chosen_weight(province=False, sector=True),
            unsplit_whole=self.province is None,
        )
        late_parts = _times(
            self.after_merger,
            self.late_fractions,
            self.chosen_weight(province=False, sector=True),
            unsplit_whole=self.province is None,
        )
        return _split_many(self._merger_pairs(parts, late_parts))

    @cached_property
    def after_merger(self) -> dict[int, tuple]:
        """Activity id → (its four sums, its unconverted transactions) of the transactions
        dated from the merger on, of the activities begun before it and recorded in a former
        province: the part that "as they were" counts in the province the former one became."""
        late = self._flows_by_activity[1]
        if not late:
            return {}
        begun_before = Q(planned_start__lt=MERGER_DAY) | Q(actual_start__lt=MERGER_DAY)
        spanning = self.activities.filter(
            begun_before, province_shares__province__is_current=False
        ).values_list("pk", flat=True)
        return {pk: late[pk] for pk in set(spanning) if pk in late}

    @cached_property
    def late_fractions(self) -> dict[int, dict]:
        """Activity id → {province: fraction} of the values `after_merger` holds: a former
        province's share counts in the province it became. With a province chosen, only the
        shares that lie in it."""
        today = Coalesce("province__successor_id", "province_id")
        shares = (
            ActivityProvince.objects.filter(activity__in=list(self.after_merger))
            .order_by()
            .values_list("activity_id", today, today, "percentage")
        )
        return _fractions(shares, self.province_ids())

    def late_weight(self, *, sector: bool):
        """Activity id → the part of its values after the merger in the chosen province (and
        sector group, with `sector`)."""
        sectors = self.chosen_weight(province=False, sector=sector)
        if self.province is None:
            return sectors
        return lambda activity_id: (
            sum(self.late_fractions.get(activity_id, {}).values(), ZERO) * sectors(activity_id)
        )

    def _merger_pairs(self, parts: dict, late_parts: dict) -> list[tuple[dict, dict]]:
        """(per-activity sums, parts) pairs for `_split_many`: each activity's values as they
        are split by `parts`, but for the activities of `after_merger`, whose values from the
        merger on are split by `late_parts` instead."""
        if not self.after_merger:
            return [(self.per_activity, parts)]
        before, after = self._split_at_merger
        return [(before, parts), (after, late_parts)]

    @cached_property
    def _split_at_merger(self) -> tuple[dict, dict]:
        """`per_activity` with the sums of the activities `after_merger` cut in two: before
        the merger, and from it on (the same for the three tables that split them)."""
        before, after = {}, {}
        for activity_id, (donor, region, values, missing) in self.per_activity.items():
            late = self.after_merger.get(activity_id)
            if late is None:
                before[activity_id] = (donor, region, values, missing)
                continue
            late_values, late_missing = late
            early = tuple(v - lv for v, lv in zip(values, late_values, strict=True))
            before[activity_id] = (donor, region, early, missing - late_missing)
            after[activity_id] = (donor, region, late_values, late_missing)
        return before, after

    def by_sector_rows(self) -> list[dict]:
        parts = _times(
            self.per_activity,
            self.sector_fractions,
            self.chosen_weight(province=True, sector=False),
            unsplit_whole=not self.sector_group,
        )
        late_parts = _times(
            self.after_merger,
            self.sector_fractions,
            self.late_weight(sector=False),
            unsplit_whole=not self.sector_group,
        )
        return _split_many(self._merger_pairs(parts, late_parts))

    def by_year_rows(self) -> list[dict]:
        if self.province is not None and self.after_merger:
            rows = self._years_split_at_merger()
        elif self.province is None and not self.sector_group:
            rows = self._flows_by_year()
        else:  # the values split by the chosen shares: the transactions joined to them
            joined, weight = self.query()
            year = year_of("flow__date")
            grouped = joined.order_by().values(key=year).annotate(**flow_sums("flow__", weight))
            rows = raw_rows(grouped.values_list("key", *SUMMED))
        return [
            {"key": key, **dict(zip(SUMMED, totals, strict=True))} for key, *totals in rows if key
        ]

    def _years_split_at_merger(self) -> list[tuple]:
        """The years' rows of a chosen province "as they were" when some activities span the
        merger: each activity's sums by year and side of the merger (the one pass's rows),
        weighted in Python by its part in the province on that side."""
        early_weight = self.chosen_weight(province=True, sector=True)
        late_weight = self.late_weight(sector=True)
        years: dict[str, list] = {}
        for activity_id, key, after, units, missing in self._flow_rows:
            values = _money(units)
            spans = after and activity_id in self.after_merger
            weight = late_weight(activity_id) if spans else early_weight(activity_id)
            row = years.setdefault(key, [ZERO] * len(VALUES) + [0])
            for index, value in enumerate(values):
                row[index] += value * weight
            if weight:
                row[-1] += missing
        return [(key, *row) for key, row in years.items()]


def spans_the_merger() -> Q:
    """Activities begun before 1 July 2025 that went on after it (or have no end)."""
    begun = Q(planned_start__lt=MERGER_DAY) | Q(actual_start__lt=MERGER_DAY)
    return begun & (
        Q(actual_end__gte=MERGER_DAY)
        | Q(actual_end__isnull=True, planned_end__gte=MERGER_DAY)
        | Q(actual_end__isnull=True, planned_end__isnull=True)
    )


def flow_sums(prefix: str = "", weight=None, *, exact_units: bool = False) -> dict:
    """The aggregates of counted transactions (named with `prefix` when joined from their
    activities): committed and disbursed, in USD and VND, each value times `weight` when the
    shares split it, and the transactions no rate converts (once each, however many shares
    a join repeats them for).

    With `exact_units` (unsplit sums, read by `_UnitReader`), SQLite adds up whole cents and
    whole dong as integers: exact, and read back without turning each float sum into a
    decimal through its text, which cost more than the query. The unconverted ones are
    counted by a column of the statistics index, so that PostgreSQL reads that index alone."""
    sums = {}
    in_units = exact_units and connection.vendor == "sqlite"
    for kind, types in (("committed", COMMITMENT_TYPES), ("disbursed", DISBURSEMENT_TYPES)):
        for currency in ("usd", "vnd"):
            value = F(f"{prefix}value_{currency}")
            output = summed()
            if weight is not None:
                value = value * weight
            elif in_units:
                value = Cast(
                    Round(value * Value(100)) if currency == "usd" else value, IntegerField()
                )
                output = IntegerField()
            of_kind = Q(**{f"{prefix}transaction_type__in": types})
            sums[f"{kind}_{currency}"] = Sum(value, filter=of_kind, output_field=output)
    missing = Q(**{f"{prefix}value_usd__isnull": True}) | Q(**{f"{prefix}value_vnd__isnull": True})
    counted = f"{prefix}pk" if prefix else "activity_id"
    sums["missing"] = Count(counted, distinct=bool(prefix), filter=missing)
    return sums


class _UnitReader:
    """Reads the sums of `flow_sums(exact_units=True)` as decimals: whole cents and dong on
    SQLite, decimals as they are on PostgreSQL."""

    def __init__(self):
        if connection.vendor == "sqlite":
            self.usd, self.vnd = _cents, _whole
        else:
            self.usd = self.vnd = exact


def _cents(value) -> Decimal:
    """Whole cents (an integer, or a whole decimal) as dollars."""
    return Decimal(value).scaleb(-2) if value else ZERO


def _whole(value) -> Decimal:
    """Whole dong as a decimal."""
    return Decimal(value) if value else ZERO


def year_of(column: str):
    """The year of a date column as text ("2025"): SQLite would call a Python function per row
    for ExtractYear."""
    return Substr(Cast(column, CharField()), 1, 4)


def _add_units(totals: dict, key, units, missing: int) -> None:
    """Add the four sums in whole units and the unconverted count to `totals[key]`."""
    known = totals.get(key)
    if known is None:
        totals[key] = [*units, missing]
    else:
        known[0] += units[0]
        known[1] += units[1]
        known[2] += units[2]
        known[3] += units[3]
        known[4] += missing


def _money(units) -> tuple:
    """The four sums in whole units (cents, dong) as decimals of USD and VND."""
    usd_1, usd_2, vnd_1, vnd_2 = units[:4]
    return (_cents(usd_1), _cents(usd_2), _whole(vnd_1), _whole(vnd_2))


def _as_tuples(totals: dict) -> dict:
    """Key → (its four sums in whole units, its unconverted count), of `_add_units`'s totals."""
    return {key: (tuple(units[:4]), units[4]) for key, units in totals.items()}


def _as_money(totals: dict) -> dict:
    """Key → (its four sums as decimals, its unconverted count), of `_add_units`'s totals."""
    return {key: (_money(units), units[4]) for key, units in totals.items()}


def _fractions(shares, chosen=None) -> dict[int, dict]:
    """Activity id → {key: fraction} from (activity id, what, key, percentage) rows, of the
    rows whose `what` is `chosen` when given; two shares with one key add up (two former
    provinces now one). A whole share is `ONE` itself, which the sums skip multiplying by."""
    chosen = None if chosen is None else set(chosen)
    fractions: dict[int, dict] = {}
    fraction_of = {}  # percentage → fraction: the few percentages of thousands of shares
    for activity_id, what, key, percentage in raw_rows(shares):
        if chosen is not None and what not in chosen:
            continue
        part = fraction_of.get(percentage)
        if part is None:
            part = fraction_of[percentage] = exact(percentage) / HUNDRED
            if part == ONE:
                part = fraction_of[percentage] = ONE
        parts = fractions.setdefault(activity_id, {})
        parts[key] = parts[key] + part if key in parts else part
    return fractions


def _times(ids, fractions: dict, weight, unsplit_whole: bool) -> dict[int, dict]:
    """Each of the activities `ids`: its fractions by key, times `weight(activity)`; one
    without shares lies whole under the key None ("not specified") when `unsplit_whole`, else
    nowhere."""
    parts = {}
    for activity_id in ids:
        own = fractions.get(activity_id) or ({None: ONE} if unsplit_whole else {})
        factor = weight(activity_id)
        if factor is ONE:
            parts[activity_id] = own
        else:
            parts[activity_id] = {key: part * factor for key, part in own.items()}
    return parts


def _split(per_activity: dict, parts: dict, key_of=lambda _donor, key: key) -> list[dict]:
    """The rows of a table: each activity's sums times its part under each key, added up by
    key; how many activities and NGOs each key has, and their unconverted transactions."""
    return _split_many([(per_activity, parts)], key_of)


def _split_many(pairs, key_of=lambda _donor, key: key) -> list[dict]:
    """`_split` of several (per_activity, parts) pairs into one table: an activity in two of
    them under one key counts once there."""
    # The loop runs for every activity of every table: unrolled, the four sums of whole
    # units added as integers where the part is whole (most shares).
    table: dict = {}
    nothing: dict = {}
    for per_activity, parts in pairs:
        for activity_id, (donor, _region, values, missing) in per_activity.items():
            committed_usd, disbursed_usd, committed_vnd, disbursed_vnd = values
            for key, part in parts.get(activity_id, nothing).items():
                grouped = key_of(donor, key)
                total = table.get(grouped)
                if total is None:
                    total = table[grouped] = [[0, 0, 0, 0], set(), set(), 0]
                sums = total[0]
                if part is ONE:
                    sums[0] += committed_usd
                    sums[1] += disbursed_usd
                    sums[2] += committed_vnd
                    sums[3] += disbursed_vnd
                else:
                    sums[0] += committed_usd * part
                    sums[1] += disbursed_usd * part
                    sums[2] += committed_vnd * part
                    sums[3] += disbursed_vnd * part
                total[1].add(activity_id)
                total[2].add(donor)
                total[3] += missing
    return [
        {
            "key": key,
            **dict(zip(VALUES, _money(sums), strict=True)),
            "activities": len(activities),
            "ngos": len(donors),
            "missing": missing,
        }
        for key, (sums, activities, donors, missing) in table.items()
    ]


def fold(rows, key_of) -> dict:
    """Rows of figures added up by `key_of(row)`; NGOs count the rows (one per donor)."""
    folded: dict = {}
    for row in rows:
        key = key_of(row)
        total = folded.setdefault(
            key, {name: ZERO for name in VALUES} | {"activities": 0, "ngos": 0, "missing": 0}
        )
        for name in VALUES:
            total[name] += exact(row[name])
        total["activities"] += row["activities"]
        total["ngos"] += 1
        total["missing"] += row["missing"]
    return folded


def headline(activities, start=None, end=None, **split) -> dict:
    """The totals of a selection: NGOs, activities, committed, disbursed, rate, problems."""
    selection = split.pop("selection", None) or Selection(activities, start, end, **split)
    totals = fold(selection.by_donor_rows, lambda row: "all").get("all")
    figures = with_rate(totals or {"activities": 0, "ngos": 0, "missing": 0})
    figures["unconverted"] = figures.pop("missing")
    figures["problems"] = missing_rates(selection.transactions()) if figures["unconverted"] else []
    return figures


def _finish(row: dict) -> dict:
    row.pop("missing", None)
    return with_rate(row)


def by_province(selection: Selection) -> list[dict]:
    rows = selection.by_province_rows()
    provinces = Province.objects.in_bulk([row["key"] for row in rows if row["key"]])
    result = []
    for row in rows:
        province = provinces.get(row["key"])
        _finish(row)
        row.update(
            label=str(province) if province else None,
            code=province.code if province else "",
            name_en=province.name_en if province else "",
            is_current=province.is_current if province else None,
        )
        result.append(row)
    return sorted(result, key=lambda row: (row["key"] is None, -row["disbursed_usd"]))


def by_sector(selection: Selection) -> list[dict]:
    result = []
    for row in selection.by_sector_rows():
        group = selection.groups.get(row["key"])
        _finish(row)
        row.update(key=row["key"] or None, label=str(group) if group else None)
        result.append(row)
    return sorted(result, key=lambda row: (row["label"] is None, -row["disbursed_usd"]))


def by_region(selection: Selection) -> list[dict]:
    rows = fold(selection.by_donor_rows, lambda row: row["region"] or None)
    labels = dict(WorldRegion.choices)
    total_ngos = sum(row["ngos"] for row in rows.values())
    result = []
    for key, row in rows.items():
        share = None
        if total_ngos:
            share = (HUNDRED * row["ngos"] / total_ngos).quantize(Decimal("0.1"))
        _finish(row)
        row.update(key=key, label=str(labels[key]) if key in labels else None, share=share)
        result.append(row)
    return sorted(result, key=lambda row: -row["ngos"])


def by_donor(selection: Selection, limit=20) -> list[dict]:
    rows = [_finish({**row, "ngos": 1}) for row in selection.by_donor_rows]
    top = sorted(rows, key=lambda row: (-row["disbursed_usd"], row["key"]))[:limit]
    partners = Partner.all_objects.select_related("country").in_bulk([row["key"] for row in top])
    for row in top:
        partner = partners.get(row["key"])
        row.pop("region", None)
        row.update(label=str(partner), country=str(partner.country or ""))
    return top


def by_year(selection: Selection) -> list[dict]:
    rows = sorted(selection.by_year_rows(), key=lambda row: row["key"])
    return [with_rate({**row, "key": int(row["key"]), "label": int(row["key"])}) for row in rows]


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


# --- totals for reporting -----------------------------------------------------------------------


@dataclass
class AidTotals:
    """An organization's aid over a period, for the reporting domain's prefilled values."""

    committed_usd: Decimal
    disbursed_usd: Decimal
    committed_vnd: Decimal
    disbursed_vnd: Decimal
    activities: int
    ngos: int
    #: transactions left out for want of an exchange rate (then the totals are incomplete)
    unconverted: int
    problems: list[str]

    @property
    def complete(self) -> bool:
        return self.unconverted == 0


def aid_totals(organization: Organization, period_start: date, period_end: date) -> AidTotals:
    """Committed and disbursed aid (USD and VND), activities and NGOs of an organization in a
    period, through lineage: what the reporting domain prefills."""
    figures = headline(activities_of(organization), period_start, period_end)
    return AidTotals(
        committed_usd=figures["committed_usd"],
        disbursed_usd=figures["disbursed_usd"],
        committed_vnd=figures["committed_vnd"],
        disbursed_vnd=figures["disbursed_vnd"],
        activities=figures["activities"],
        ngos=figures["ngos"],
        unconverted=figures["unconverted"],
        problems=[problem["message"] for problem in figures["problems"]],
    )


# --- one activity -------------------------------------------------------------------------------


def activity_totals(activity: Activity) -> dict:
    """An activity's committed and disbursed values in USD and VND, with its disbursement rate
    (its page's overview)."""
    sums = activity.transactions.values("transaction_type").annotate(
        usd=Sum("value_usd"), vnd=Sum("value_vnd"), count=Count("pk")
    )
    totals = {"committed_usd": 0, "disbursed_usd": 0, "committed_vnd": 0, "disbursed_vnd": 0}
    for row in sums:
        kind = (
            "committed"
            if row["transaction_type"] in COMMITMENT_TYPES
            else "disbursed"
            if row["transaction_type"] in DISBURSEMENT_TYPES
            else None
        )
        if kind:
            totals[f"{kind}_usd"] += row["usd"] or 0
            totals[f"{kind}_vnd"] += row["vnd"] or 0
    return with_rate(totals)


# --- the workbook -------------------------------------------------------------------------------


def statistics_workbook(figures: dict, lineage=Lineage.CURRENT, start=None, end=None) -> bytes:
    """The statistics page's tables as an XLSX workbook: the totals with the period and the way
    merged provinces are counted, then a sheet a table."""
    workbook = SafeWorkbook(write_only=True)
    money = ["committed_usd", "disbursed_usd", "committed_vnd", "disbursed_vnd", "rate"]
    headers = [
        _("NGOs"),
        _("Activities"),
        _("Committed (USD)"),
        _("Disbursed (USD)"),
        _("Committed (VND)"),
        _("Disbursed (VND)"),
        _("Disbursement rate (%)"),
    ]
    totals = workbook.create_sheet(_("Totals"))
    totals.append(headers)
    row = figures["totals"]
    totals.append([row["ngos"], row["activities"], *[_number(row[name]) for name in money]])
    for problem in row["problems"]:
        totals.append([problem["message"]])
    totals.append([])
    totals.append([_("Period"), _period(start, end)])
    totals.append([_("Provinces"), str(Lineage(lineage).label)])
    for key, title in (
        ("provinces", _("Provinces")),
        ("sectors", _("Sectors")),
        ("regions", _("World regions")),
        ("donors", _("Donors")),
        ("years", _("Years")),
    ):
        sheet = workbook.create_sheet(title)
        coded = key == "provinces"  # a province's code tells the 63 from the 34 in a formula
        sheet.append([*([_("Code")] if coded else []), title, *headers])
        for item in figures[key]:
            label = item.get("label", item["key"]) or _("Not specified")
            sheet.append(
                [
                    *([item["code"]] if coded else []),
                    str(label),
                    item.get("ngos", ""),
                    item.get("activities", ""),
                    *[_number(item[name]) for name in money],
                ]
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _period(start, end) -> str:
    if start is None and end is None:
        return _("All years")
    return f"{start.year if start else '…'}–{end.year if end else '…'}"


def _number(value):
    return None if value is None else float(value)
