"""Domain logic of the aid domain beyond CRUD: conversion, shares, the activities of an
organization, and the writers that run the domain steps of a save.

A transaction's values in USD and VND are derived from the rate table; what changes them is
explicit here, never hidden in a model's `save()`:

- a transaction saved is converted (`TransactionWriter`, `convert_transaction`);
- an activity that changes keeper has its transactions converted again with the new keeper's
  rates (`ActivityWriter`, `reconvert`);
- a rate added, changed, deleted or restored converts again the transactions it may touch
  (`RateWriter`, `delete_rate`, `restore_rate`, `reconvert_after_rate_change`).

The edit form, the API and the import run the writers through `core.writes.save_record` (each
model's writer is declared in `aid/registry.py`); the IATI import, the admin and the tests use
`write` (below), which runs the same writer around a save.
"""

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import cast

from django.db import transaction
from django.db.models import Count, Field, Max, Min, Q
from django.utils.translation import gettext as _

from amity.aid.models import (
    Activity,
    ActivityProvince,
    ActivitySector,
    Rate,
    Transaction,
    UnplacedLocation,
)
from amity.core.scoping import branch_of
from amity.core.writes import Writer, save_record
from amity.geo.models import Province
from amity.organizations.models import Organization
from amity.organizations.services import predecessors_of

CENT = Decimal("0.01")
DONG = Decimal("1")
ONE_HUNDRED = Decimal("100")

# --- exchange rates -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RateRow:
    day: date
    organization_id: int
    usd: Decimal | None
    vnd: Decimal | None


class RateTable:
    """The rates of every table in memory, to convert many transactions with few queries.

    A transaction of an activity kept by organization O is converted with the rates kept by O or
    an organization above it: the latest on or before the value date, the nearest keeper first
    when two tables have a rate of the same day.
    """

    def __init__(self, rates=None):
        rows = rates if rates is not None else Rate.objects.all()
        self.by_currency: dict[str, list[RateRow]] = defaultdict(list)
        for rate in rows:
            self.by_currency[rate.currency].append(
                RateRow(rate.date, rate.organization_id, rate.usd_per_unit, rate.vnd_per_unit)
            )
        for items in self.by_currency.values():
            items.sort(key=lambda row: row.day)
        self.days = {code: [row.day for row in items] for code, items in self.by_currency.items()}

    def latest(self, currency: str, on: date, chain: list[int]) -> RateRow | None:
        """The rate of `currency` that applies on `on` to an organization whose chain of
        keepers (itself, then each one above) is `chain`."""
        items = self.by_currency.get(currency)
        if not items:
            return None
        rank = {organization_id: index for index, organization_id in enumerate(chain)}
        position = bisect.bisect_right(self.days[currency], on)
        best = None
        for row in reversed(items[:position]):
            if row.organization_id not in rank:
                continue
            if best is not None and row.day < best.day:
                break
            if best is None or rank[row.organization_id] < rank[best.organization_id]:
                best = row
        return best

    def usd_factor(self, currency: str, on: date, chain: list[int]) -> Decimal | None:
        if currency == "USD":
            return Decimal(1)
        row = self.latest(currency, on, chain)
        if row is not None and row.usd is not None:
            return row.usd
        dollar = self.latest("USD", on, chain)
        if currency == "VND":
            return 1 / dollar.vnd if dollar is not None and dollar.vnd else None
        if row is not None and row.vnd is not None and dollar is not None and dollar.vnd:
            return row.vnd / dollar.vnd
        return None

    def vnd_factor(self, currency: str, on: date, chain: list[int]) -> Decimal | None:
        if currency == "VND":
            return Decimal(1)
        row = self.latest(currency, on, chain)
        if row is not None and row.vnd is not None:
            return row.vnd
        dollar = self.latest("USD", on, chain)
        if row is not None and row.usd is not None and dollar is not None and dollar.vnd:
            return row.usd * dollar.vnd
        return None

    def convert(self, value, currency, on, chain) -> tuple[Decimal | None, Decimal | None]:
        usd, vnd = self.usd_factor(currency, on, chain), self.vnd_factor(currency, on, chain)
        return (
            None if usd is None else (value * usd).quantize(CENT, ROUND_HALF_UP),
            None if vnd is None else (value * vnd).quantize(DONG, ROUND_HALF_UP),
        )


def keeper_chain(organization: Organization | None) -> list[int]:
    """An organization's id, then those of the organizations above it, nearest first."""
    if organization is None:
        return []
    if not organization.tree_path:
        return [organization.pk]
    return [organization.pk, *reversed(organization.ancestor_ids())]


def keeper_chains(activity_ids: Iterable[int]) -> dict[int, list[int]]:
    """Activity id → the chain of keepers of its rates, read in one query."""
    rows = Activity.all_objects.filter(pk__in=set(activity_ids)).select_related("organization")
    rows = rows.only("organization__tree_path")
    return {activity.pk: keeper_chain(activity.organization) for activity in rows}


def convert_transaction(
    transaction_: Transaction, table: RateTable | None = None, chain: list[int] | None = None
) -> None:
    """Set a transaction's values in USD and VND (empty where no rate applies); `table` and
    `chain` (the keepers of its activity's rates) are read when not given."""
    if transaction_.value is None or not transaction_.currency:
        transaction_.value_usd = transaction_.value_vnd = None
        return
    if chain is None:
        chain = keeper_chains([transaction_.activity_id]).get(transaction_.activity_id, [])
    if table is None:
        needed = {transaction_.currency, "USD"}
        table = RateTable(Rate.objects.filter(currency__in=needed, organization_id__in=chain))
    on = transaction_.value_date or transaction_.date
    transaction_.value_usd, transaction_.value_vnd = table.convert(
        Decimal(transaction_.value), transaction_.currency, on, chain
    )


def reconvert(transactions) -> int:
    """Convert again every transaction of a queryset; return how many changed."""
    table = RateTable()
    chains: dict[int, list[int]] = {}
    changed = []
    rows = transactions.select_related("activity__organization").only(
        "value",
        "currency",
        "date",
        "value_date",
        "value_usd",
        "value_vnd",
        "activity__organization__tree_path",
    )
    for item in rows.iterator(chunk_size=2000):
        organization = item.activity.organization
        chain = chains.setdefault(organization.pk, keeper_chain(organization))
        usd, vnd = table.convert(item.value, item.currency, item.value_date or item.date, chain)
        if (usd, vnd) != (item.value_usd, item.value_vnd):
            item.value_usd, item.value_vnd = usd, vnd
            changed.append(item)
    # Derived values only: no new version or history entry of the transactions themselves.
    Transaction.all_objects.bulk_update(changed, ["value_usd", "value_vnd"], batch_size=1000)
    return len(changed)


def reconvert_after_rate_change(rate: Rate, previous: dict | None) -> int:
    """Convert again the transactions a rate (new, changed or deleted) may touch: those of
    activities under its keeper, in its currency (any currency for USD and VND, which cross
    rates go through), valued on or after its day."""
    days = [rate.date] + ([previous["date"]] if previous else [])
    currencies = {rate.currency} | ({previous["currency"]} if previous else set())
    affected = Transaction.all_objects.filter(
        value_date__gte=min(days),
        activity__organization__any_of=branch_of(rate.organization),
    )
    if not currencies & {"USD", "VND"}:
        affected = affected.filter(currency__in=currencies)
    return reconvert(affected)


def convert_transactions(transactions: list[Transaction]) -> None:
    """Convert many transactions about to be written (an import's batch) with one rate table
    and the keepers of their activities read once."""
    if not transactions:
        return
    currencies = {item.currency for item in transactions} | {"USD"}
    table = RateTable(Rate.objects.filter(currency__in=currencies))
    chains = keeper_chains(item.activity_id for item in transactions)
    for item in transactions:
        convert_transaction(item, table, chains.get(item.activity_id, []))


def delete_rate(rate: Rate, user, *, for_good: bool = False) -> None:
    """Delete a rate (to the trash, or `for_good`); the transactions it converted fall back on
    the rates that remain."""
    with transaction.atomic():
        rate._history_user = user
        if for_good:
            rate.delete()
        else:
            rate.soft_delete()
        reconvert_after_rate_change(rate, None)


def restore_rate(rate: Rate, user) -> None:
    """Bring a rate back from the trash: it converts again the transactions it applies to."""
    with transaction.atomic():
        rate._history_user = user
        rate.restore()
        reconvert_after_rate_change(rate, None)


def unconverted(transactions):
    """Transactions that no rate converts: a problem to list, never a zero."""
    return transactions.filter(value_usd__isnull=True) | transactions.filter(value_vnd__isnull=True)


def missing_rates(transactions) -> list[dict]:
    """The missing rates behind unconverted transactions: currency, from, until, how many."""
    rows = (
        unconverted(transactions)
        .order_by()
        .values("currency")
        .annotate(count=Count("pk"), first=Min("value_date"), last=Max("value_date"))
        .order_by("currency")
    )
    return [
        {
            "currency": row["currency"],
            "count": row["count"],
            "first": row["first"],
            "last": row["last"],
            "message": _(
                "%(count)s transaction(s) in %(currency)s from %(first)s to %(last)s have no "
                "exchange rate: they are left out of the totals until one is entered."
            )
            % {
                "count": row["count"],
                "currency": row["currency"],
                "first": row["first"].strftime("%d/%m/%Y"),
                "last": row["last"].strftime("%d/%m/%Y"),
            },
        }
        for row in rows
    ]


# --- shares -------------------------------------------------------------------------------------


def shares_total(rows) -> Decimal:
    return sum((Decimal(percentage) for _key, percentage in rows), Decimal(0))


def check_shares(rows) -> list[str]:
    """What is wrong with a list of (key, percentage): repeated keys, or a total that is not
    100 (an empty list is fine: the activity's provinces or sectors are not known)."""
    errors = []
    keys = [key for key, _percentage in rows]
    if len(set(keys)) != len(keys):
        errors.append(_("Each may be given once."))
    if rows and shares_total(rows) != ONE_HUNDRED:
        errors.append(
            _("The percentages sum to %(total)s, not 100.")
            % {"total": f"{shares_total(rows).normalize():f}"}
        )
    return errors


def set_shares(activity: Activity, model, rows, user) -> None:
    """Make an activity's provinces (or sectors) exactly `rows` [(province or code, percentage)],
    changing only what differs, each change in the history."""
    field = model.share_of
    key_of = (
        (lambda share: share.province_id) if field == "province" else (lambda share: share.sector)
    )
    wanted = {(key.pk if hasattr(key, "pk") else key): Decimal(pct) for key, pct in rows}
    with transaction.atomic():
        for share in model.objects.filter(activity=activity):
            key = key_of(share)
            if key not in wanted:
                share._history_user = user
                share.delete()  # a share is part of its activity: no trash for it
            elif share.percentage != wanted[key]:
                share.percentage = wanted.pop(key)
                share._history_user = user
                share.save()
            else:
                wanted.pop(key)
        for key, percentage in wanted.items():
            target = {"province_id": key} if field == "province" else {"sector": key}
            share = model(activity=activity, percentage=percentage, **target)
            share._history_user = user
            share.save()


def shares_of(activity: Activity) -> dict[str, list]:
    return {
        "provinces": list(activity.province_shares.select_related("province")),
        "sectors": list(activity.sector_shares.all()),
    }


SHARE_MODELS = {"provinces": ActivityProvince, "sectors": ActivitySector}


def equal_shares(keys: list) -> list[tuple]:
    """[(key, percentage)] that split 100 equally among `keys`, to the cent, the last taking
    what rounding leaves (three provinces: 33.33, 33.33, 33.34)."""
    if not keys:
        return []
    share = (ONE_HUNDRED / len(keys)).quantize(CENT)
    rows = [(key, str(share)) for key in keys[:-1]]
    rows.append((keys[-1], str(ONE_HUNDRED - share * (len(keys) - 1))))
    return rows


def place_by_hand(activity: Activity, province_id: int | None, before_id: int | None, user):
    """An activity's place that no province was found for, placed by a person in
    `province_id` (instead of `before_id`, chosen earlier): the activity's provinces are then
    those it had and that one, in equal shares."""
    provinces = [
        key
        for key in ActivityProvince.objects.filter(activity=activity).values_list(
            "province_id", flat=True
        )
        if key != before_id
    ]
    if province_id is not None and province_id not in provinces:
        provinces.append(province_id)
    set_shares(activity, ActivityProvince, equal_shares(provinces), user)


# --- the activities an organization answers for ------------------------------------------------


def activities_of(organization: Organization):
    """The activities an organization answers for: those kept by it or an organization under
    it, and by the organizations merged into it (lineage), wherever those sit now."""
    answering = [organization, *predecessors_of(organization)]
    kept = Q()
    for member in answering:
        kept |= Q(organization__any_of=branch_of(member))
    return Activity.objects.filter(kept)


# --- shares as text (imports, exports, the activity form's fallback) ----------------------------

FORMER_PREFIX = "old-"


def province_token(province) -> str:
    """How a file names a province: its code, "old-" and its code for a unit before 2025."""
    return province.code if province.is_current else f"{FORMER_PREFIX}{province.code}"


def format_shares(shares) -> str:
    """ "01:60; old-30:40" for provinces, "12220:100" for sectors."""
    parts = []
    for share in shares:
        key = province_token(share.province) if hasattr(share, "province") else share.sector
        parts.append(f"{key}:{share.percentage.normalize():f}")
    return "; ".join(parts)


def parse_shares(text: str) -> list[tuple[str, str]]:
    """ "01:60; old-30:40" → [("01", "60"), ("old-30", "40")]; a lone key means 100."""
    rows = []
    for part in str(text or "").replace(",", ";").split(";"):
        if not part.strip():
            continue
        key, _colon, percentage = part.partition(":")
        rows.append((key.strip(), percentage.strip() or "100"))
    return rows


def resolve_province_tokens(tokens) -> dict[str, Province]:
    """Token → Province for the tokens that name one."""
    codes = {token.removeprefix(FORMER_PREFIX) for token in tokens}
    found = {}
    for province in Province.objects.filter(code__in=codes):
        found[province_token(province)] = province
    return found


# --- what an import changed ---------------------------------------------------------------------

FINGERPRINT_FIELDS = (
    "reporting_org_id",
    "reporting_org_ref",
    "title_vi",
    "title_en",
    "description_vi",
    "description_en",
    "kind",
    "status",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "default_currency",
)
CHILDREN = (
    "province_shares",
    "sector_shares",
    "participants",
    "budgets",
    "transactions",
    "documents",
)


def activity_fields(activity) -> dict:
    return {name: getattr(activity, name) for name in FINGERPRINT_FIELDS}


def activity_fingerprint(activity) -> dict:
    children = {}
    if activity.pk:
        children = {name: getattr(activity, name).count() for name in CHILDREN}
    return {"fields": activity_fields(activity), "children": children}


def _part_label(relation: str):
    """The plural name of an activity's part ("transactions") by its relation's name."""
    related = Activity._meta.get_field(relation).related_model
    assert related is not None  # every name of CHILDREN is a relation
    return related._meta.verbose_name_plural


def describe_changes(before: dict | None, after: dict) -> list[str]:
    """What an update changed, for a person: the fields, and how many of each part."""
    if before is None:
        return [
            _("%(count)s %(what)s") % {"count": count, "what": _part_label(name)}
            for name, count in after["children"].items()
            if count
        ]
    changes = []
    for name, value in after["fields"].items():
        if before["fields"].get(name) != value:
            field = cast(Field, Activity._meta.get_field(name.removesuffix("_id")))
            changes.append(str(field.verbose_name))
    for name, count in after["children"].items():
        if before["children"].get(name) != count:
            label = _part_label(name)
            changes.append(f"{label}: {before['children'].get(name, 0)} → {count}")
    return changes


# --- the writers: the domain steps of saving a record ------------------------------------------


class TransactionWriter(Writer):
    """A transaction is written with its values in USD and VND at its value date's rate."""

    def before_save(self, record, user, created: bool) -> None:
        convert_transaction(record)

    def before_save_batch(self, records, user, created: bool) -> None:
        convert_transactions(list(records))


class ActivityWriter(Writer):
    """An activity's transactions are converted with the rates of the organization that keeps
    it: a change of keeper converts them again with the new keeper's rates."""

    def before_save(self, record, user, created: bool) -> None:
        record._keeper_before = (
            None
            if created
            else Activity.all_objects.filter(pk=record.pk)
            .values_list("organization_id", flat=True)
            .first()
        )

    def after_save(self, record, user, created: bool) -> None:
        before = record.__dict__.pop("_keeper_before", None)
        if before is not None and before != record.organization_id:
            reconvert(Transaction.all_objects.filter(activity=record))


class RateWriter(Writer):
    """A rate added or changed converts again the transactions it may touch (and those its
    former currency and day touched); deleting or restoring one does too (`delete_rate`,
    `restore_rate`, or `after_delete` / `after_restore` where core calls them)."""

    def before_save(self, record, user, created: bool) -> None:
        record._rate_before = (
            None
            if created
            else Rate.all_objects.filter(pk=record.pk).values("currency", "date").first()
        )

    def after_save(self, record, user, created: bool) -> None:
        reconvert_after_rate_change(record, record.__dict__.pop("_rate_before", None))

    def after_delete(self, record, user) -> None:
        reconvert_after_rate_change(record, None)

    def after_restore(self, record, user) -> None:
        reconvert_after_rate_change(record, None)


class UnplacedLocationWriter(Writer):
    """A province chosen for a place not placed becomes one of the activity's provinces, on
    every write path (the page's "choose the province", the API, an import)."""

    def before_save(self, record, user, created: bool) -> None:
        record._province_before = (
            None
            if created
            else UnplacedLocation.all_objects.filter(pk=record.pk)
            .values_list("province_id", flat=True)
            .first()
        )

    def after_save(self, record, user, created: bool) -> None:
        before = record.__dict__.pop("_province_before", None)
        if record.province_id != before:
            place_by_hand(record.activity, record.province_id, before, user)


def write(record, user):
    """Save an aid record through the one write path, for code that decided already that `user`
    may write it (the IATI import, the admin, the demo, tests): no version or scope check."""
    return save_record(record, user, check_scope=False)
