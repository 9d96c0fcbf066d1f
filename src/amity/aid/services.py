"""Domain logic of the aid domain beyond CRUD: conversion, shares, totals for reporting."""

import bisect
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from amity.aid.models import Activity, ActivityProvince, ActivitySector, Rate, Transaction
from amity.organizations.models import Organization

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
    ids = [int(part) for part in organization.tree_path.strip("/").split("/") if part]
    return list(reversed(ids)) or [organization.pk]


def _chain_of(transaction_: Transaction) -> list[int]:
    organization = (
        Organization.all_objects.filter(aid_activities__pk=transaction_.activity_id)
        .only("pk", "tree_path")
        .first()
    )
    return keeper_chain(organization)


def convert_transaction(
    transaction_: Transaction, table: RateTable | None = None, chain: list[int] | None = None
) -> None:
    """Set a transaction's values in USD and VND (empty where no rate applies); `table` and
    `chain` (the keepers of its activity's rates) are read when not given."""
    if transaction_.value is None or not transaction_.currency:
        transaction_.value_usd = transaction_.value_vnd = None
        return
    if chain is None:
        chain = _chain_of(transaction_)
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
        "value", "currency", "date", "value_date", "value_usd", "value_vnd",
        "activity__organization__tree_path",
    )  # fmt: skip
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
        activity__organization__tree_path__startswith=rate.organization.tree_path,
    )
    if not currencies & {"USD", "VND"}:
        affected = affected.filter(currency__in=currencies)
    return reconvert(affected)


def unconverted(transactions):
    """Transactions that no rate converts: a problem to list, never a zero."""
    return transactions.filter(value_usd__isnull=True) | transactions.filter(value_vnd__isnull=True)


def missing_rates(transactions) -> list[dict]:
    """The missing rates behind unconverted transactions: currency, from, until, how many."""
    from django.db.models import Count, Max, Min

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


def activities_of(organization: Organization):
    """The activities an organization answers for: those kept by it or an organization under
    it, and by the organizations merged into it (lineage), wherever those sit now."""
    from amity.organizations.services import predecessors_of

    paths = [organization.tree_path] + [
        predecessor.tree_path for predecessor in predecessors_of(organization)
    ]
    branch = Organization.all_objects.none()
    for path in paths:
        branch = branch | Organization.all_objects.filter(tree_path__startswith=path)
    return Activity.objects.filter(organization__in=branch.values("pk"))


def aid_totals(organization: Organization, period_start: date, period_end: date) -> AidTotals:
    """Committed and disbursed aid (USD and VND), activities and NGOs of an organization in a
    period, through lineage: what the reporting domain prefills."""
    from amity.aid.statistics import headline

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


def resolve_province_tokens(tokens) -> dict[str, object]:
    """Token → Province for the tokens that name one."""
    from amity.geo.models import Province

    codes = {token.removeprefix(FORMER_PREFIX) for token in tokens}
    found = {}
    for province in Province.objects.filter(code__in=codes):
        found[province_token(province)] = province
    return found


# --- what an import changed ---------------------------------------------------------------------

FINGERPRINT_FIELDS = (
    "reporting_org_id", "reporting_org_ref", "title_vi", "title_en", "description_vi",
    "description_en", "kind", "status", "planned_start", "planned_end", "actual_start",
    "actual_end", "default_currency",
)  # fmt: skip
CHILDREN = ("province_shares", "sector_shares", "participants", "budgets", "transactions",
            "documents")  # fmt: skip


def activity_fields(activity) -> dict:
    return {name: getattr(activity, name) for name in FINGERPRINT_FIELDS}


def activity_fingerprint(activity) -> dict:
    children = {}
    if activity.pk:
        children = {name: getattr(activity, name).count() for name in CHILDREN}
    return {"fields": activity_fields(activity), "children": children}


def describe_changes(before: dict | None, after: dict) -> list[str]:
    """What an update changed, for a person: the fields, and how many of each part."""
    if before is None:
        return [
            _("%(count)s %(what)s") % {"count": count, "what": Activity._meta.get_field(name)
                                       .related_model._meta.verbose_name_plural}
            for name, count in after["children"].items() if count
        ]  # fmt: skip
    changes = []
    for name, value in after["fields"].items():
        if before["fields"].get(name) != value:
            field = Activity._meta.get_field(name.removesuffix("_id"))
            changes.append(str(field.verbose_name))
    for name, count in after["children"].items():
        if before["children"].get(name) != count:
            label = Activity._meta.get_field(name).related_model._meta.verbose_name_plural
            changes.append(f"{label}: {before['children'].get(name, 0)} → {count}")
    return changes
