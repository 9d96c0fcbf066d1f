"""Consolidated figures: indicators added up across the tree and across periods.

"To current boundaries", a Union merged into another hands its figures to its successor (and
on, if the successor merged too); "as reported", every organization keeps its own. The adding
up is done by the database in one grouped query, the merger map folded into it as a CASE.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Sum, When
from django.db.models import Value as SqlValue
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.organizations.choices import LineageEventKind
from amity.organizations.models import LineageEvent, Organization
from amity.organizations.services import carriers_on
from amity.reporting.choices import REPORTED_STATES, Aggregation
from amity.reporting.models import Period, Value

BY_CHOICES = (
    ("organization", gettext_lazy("Organization")),
    ("province", gettext_lazy("Province")),
    ("period", gettext_lazy("Period")),
)
BOUNDARY_CHOICES = (
    ("current", gettext_lazy("To current boundaries")),
    ("reported", gettext_lazy("As reported")),
)


@dataclass
class PivotRow:
    key: object
    label: str
    cells: list


@dataclass
class Pivot:
    indicators: list
    rows: list[PivotRow] = field(default_factory=list)
    totals: list = field(default_factory=list)

    def html_rows(self):
        """The body's rows as HTML, in one pass: a template loop over 16,000 cells would be
        most of the page's time."""
        for row in self.rows:
            cells = "".join(_td(cell) for cell in row.cells)
            yield format_html(
                '<tr><th scope="row" class="fw-normal text-nowrap">{}</th>{}</tr>',
                row.label,
                mark_safe(cells),
            )

    def table(self) -> list[list]:
        """Header, rows and total, as an export writes them."""
        header = [_("Row"), *[f"{i.code} {i.display_name}" for i in self.indicators]]
        rows = [[row.label, *row.cells] for row in self.rows]
        return [header, *rows, [_("Total"), *self.totals]]


EMPTY_CELL = '<td class="text-end"><span class="text-muted">—</span></td>'


def _td(cell) -> str:
    if cell is None:
        return EMPTY_CELL
    text = str(cell) if isinstance(cell, int) else formats.localize(cell)
    return f'<td class="text-end">{text}</td>'


def carrier_case(on=None):
    """A SQL expression giving, for a value's organization, the one carrying its figures."""
    on = on or timezone.localdate()
    merged = LineageEvent.objects.filter(
        kind=LineageEventKind.MERGED, occurred_on__lte=on, successor__isnull=False
    ).values_list("organization_id", flat=True)
    carriers = carriers_on(list(merged), on)
    by_successor: dict[int, list[int]] = {}
    for predecessor, successor in carriers.items():
        if predecessor != successor:
            by_successor.setdefault(successor, []).append(predecessor)
    organization = F("submission__organization_id")
    if not by_successor:
        return organization
    whens = [
        When(submission__organization_id__in=sorted(ids), then=SqlValue(successor))
        for successor, ids in sorted(by_successor.items())
    ]
    return Case(*whens, default=organization, output_field=IntegerField())


def consolidate(user, indicators, periods, *, by="organization", boundaries="current",
                states=REPORTED_STATES) -> Pivot:  # fmt: skip
    indicators = list(indicators)
    values = Value.objects.visible_to(user).filter(
        submission__period__in=periods,
        submission__state__in=states,
        submission__deleted_at__isnull=True,
        indicator__in=indicators,
        number__isnull=False,
    )
    if by == "period":
        group = F("submission__period_id")
    elif boundaries == "current":
        group = carrier_case()
    else:
        group = F("submission__organization_id")
    grouped = (
        values.annotate(row=group)
        .values_list("row", "indicator_id")
        .annotate(total=Sum("number"), n=Count("number"))
        .order_by()
    )
    sums: dict = {}
    for row, indicator_id, total, n in _raw_rows(grouped):
        sums.setdefault(row, {})[indicator_id] = (total, n)
    labels = _labels(by, boundaries, sums)
    if by == "province":
        sums = _by_province(sums, labels)
        labels = {key: (key, key) for key in sums}
    pivot = Pivot(indicators)
    kinds = [(indicator.pk, indicator.aggregation) for indicator in indicators]
    grand = {pk: [0, 0] for pk, _kind in kinds}
    for key in sorted(sums, key=lambda k: labels.get(k, ("", ""))[0]):
        figures, cells = sums[key], []
        for pk, kind in kinds:
            part = figures.get(pk)
            if part is None:
                cells.append(None)
                continue
            grand[pk][0] += part[0]
            grand[pk][1] += part[1]
            cells.append(_figure(kind, part[0], part[1]))
        pivot.rows.append(PivotRow(key, labels.get(key, ("", str(key)))[1], cells))
    pivot.totals = [_figure(kind, *grand[pk]) if grand[pk][1] else None for pk, kind in kinds]
    return pivot


def _figure(aggregation, total, count):
    """A cell: the sum, or the average of the counted values, or nothing if it does not add up.
    A whole number stays an int; others are decimals of at most four places."""
    if aggregation == Aggregation.NONE:
        return None
    if aggregation == Aggregation.AVERAGE:
        return (_decimal(total) / count).quantize(Decimal("0.01")) if count else None
    if isinstance(total, int):
        return total
    total = _decimal(total)
    return int(total) if total == total.to_integral() else total.normalize()


def _decimal(number) -> Decimal:
    if isinstance(number, float):  # SQLite sums decimals as floating point
        return Decimal(repr(round(number, 4)))
    return Decimal(number)


def _raw_rows(queryset):
    """The rows of a grouped query as the database gives them: Django's converters, called
    for every value of every row, cost more than the query itself; the cells convert only
    what they show (`_figure`)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _labels(by, boundaries, sums) -> dict:
    """row key → (sort key, label)."""
    if by == "period":
        periods = Period.objects.filter(pk__in=list(sums))
        return {p.pk: (p.starts_on.isoformat(), str(p.label)) for p in periods}
    organizations = Organization.all_objects.filter(pk__in=list(sums)).select_related("province")
    if by == "province":
        return {o.pk: (o.province_id, o.province) for o in organizations}
    return {o.pk: (o.tree_path, o.display_short_name) for o in organizations}


def _by_province(sums, labels) -> dict:
    merged: dict = {}
    for organization_id, figures in sums.items():
        province = labels.get(organization_id, (None, None))[1]
        name = str(province) if province else _("No province")
        target = merged.setdefault(name, {})
        for indicator_id, (total, n) in figures.items():
            before = target.get(indicator_id, (Decimal(0), 0))
            target[indicator_id] = (before[0] + total, before[1] + n)
    return merged
