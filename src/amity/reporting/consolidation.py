"""Consolidated figures: indicators added up across the tree and across periods.

"To current boundaries", a Union merged into another hands its figures to its successor (and
on, if the successor merged too); "as reported", every organization keeps its own. The adding
up is done by the database in one grouped query, the merger map folded into it as a CASE.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    DecimalField,
    F,
    Func,
    Sum,
    TextField,
    When,
)
from django.db.models import (
    Value as Constant,
)
from django.db.models.functions import Cast
from django.db.models.lookups import Exact
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.core.numbers import local_number
from amity.core.queries import raw_rows
from amity.geo.models import Province
from amity.organizations.choices import LineageEventKind
from amity.organizations.models import LineageEvent, Organization, in_language
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
        td = _cell_writer()
        for row in self.rows:
            cells = "".join([td(cell) for cell in row.cells])
            yield format_html(
                '<tr><th scope="row" class="fw-normal text-nowrap">{}</th>{}</tr>',
                row.label,
                mark_safe(cells),
            )

    def chart(self) -> dict:
        """What the page's chart draws: the rows' labels and, per indicator that adds up, its
        figure in each row (numbers for JSON; a missing figure is null)."""
        labels = [str(row.label) for row in self.rows]
        series = []
        for index, indicator in enumerate(self.indicators):
            if indicator.aggregation == Aggregation.NONE:
                continue
            series.append(
                {
                    "code": indicator.code,
                    "name": indicator.display_name,
                    "unit": indicator.unit,
                    "values": [_plain(row.cells[index]) for row in self.rows],
                }
            )
        return {"labels": labels, "series": series}

    def table(self) -> list[list]:
        """Header, rows and total, as an export writes them."""
        header = [_("Row"), *[f"{i.code} {i.display_name}" for i in self.indicators]]
        rows = [[row.label, *row.cells] for row in self.rows]
        return [header, *rows, [_("Total"), *self.totals]]


HUNDREDTHS = Decimal("0.01")
WHOLE = Decimal(1)


def _plain(cell):
    return cell if cell is None or type(cell) is int else float(cell)


EMPTY_CELL = '<td class="text-end"><span class="text-muted">—</span></td>'


def _td(cell) -> str:
    if cell is None:
        return EMPTY_CELL
    return f'<td class="text-end">{local_number(cell)}</td>'


def _cell_writer():
    """`_td` with the separators looked up once for the table rather than per cell: figures
    grouped in the active language (1.525.971,5 in Vietnamese), as `core.numbers` writes them."""
    thousands = formats.get_format("THOUSAND_SEPARATOR")
    separators = str.maketrans({",": thousands, ".": formats.get_format("DECIMAL_SEPARATOR")})

    def td(cell) -> str:
        if cell is None:
            return EMPTY_CELL
        if type(cell) is int:
            return f'<td class="text-end">{format(cell, ",").replace(",", thousands)}</td>'
        if type(cell) is Decimal:
            if cell == cell.to_integral():  # 1.000, not 1.000,00 (as local_number writes it)
                cell = cell.quantize(WHOLE)
            return f'<td class="text-end">{format(cell, ",f").translate(separators)}</td>'
        return _td(cell)

    return td


def carriers(on=None) -> dict[int, int]:
    """Organization id → the one carrying its figures on `on` (today): a Union merged into
    another hands them on, and on again if its successor merged too."""
    on = on or timezone.localdate()
    mergers = dict(
        LineageEvent.objects.filter(
            kind=LineageEventKind.MERGED, occurred_on__lte=on, successor__isnull=False
        )
        .order_by("occurred_on", "pk")
        .values_list("organization_id", "successor_id")
    )
    carried = {}
    for predecessor in mergers:
        carrier, seen = predecessor, set()
        while carrier in mergers and carrier not in seen:  # `seen` guards against a cycle
            seen.add(carrier)
            carrier = mergers[carrier]
        if carrier != predecessor:
            carried[predecessor] = carrier
    return carried


def consolidate(
    user, indicators, periods, *, by="organization", boundaries="current", states=REPORTED_STATES
) -> Pivot:
    """The pivot: one query gives (row, indicator, sum, count) (`_figures`); the cells are laid
    out by position, and only the averages and the database's floats need more than a copy.
    Merged Unions' rows are added into their carriers' afterwards, a few rows of the pivot:
    a CASE mapping each value's organization to its carrier cost the database more."""
    indicators = list(indicators)
    pivot = Pivot(indicators)
    position = {i.pk: n for n, i in enumerate(indicators) if i.aggregation != Aggregation.NONE}
    if not position or not periods:
        pivot.totals = [None] * len(indicators)
        return pivot
    values = Value.objects.visible_to(user).filter(
        submission__period__in=periods,
        submission__state__in=states,
        submission__deleted_at__isnull=True,
        indicator__in=list(position),
        number__isnull=False,
    )
    averages = {i.pk: position[i.pk] for i in indicators if i.aggregation == Aggregation.AVERAGE}
    sums, counts = _lay_out(_figures(values, by, len(periods)), position, averages, len(indicators))
    if by != "period" and boundaries == "current":
        carried = carriers()
        if carried.keys() & sums.keys():
            sums, counts = _merged(sums, counts, lambda key: carried.get(key, key))
    labels = _labels(by, list(sums))
    if by == "province":
        sums, counts = _merged(sums, counts, lambda key: _province_name(labels.get(key)))
        labels = {name: (name, name) for name in sums}
    keys = sorted(sums, key=lambda k: labels.get(k, ("", ""))[0])
    rows = [sums[key] for key in keys]
    for key, row in zip(keys, rows, strict=True):
        cells = _cells(row, counts.get(key, {}))
        pivot.rows.append(PivotRow(key, labels.get(key, ("", str(key)))[1], cells))
    pivot.totals = _grand_totals(rows, counts, len(indicators))
    return pivot


def _figures(values, by, periods: int):
    """(row key, indicator, whole, fraction, count) rows of `values`, by organization or by
    period. An organization has one submission a period, and a submission one value an
    indicator (both are constraints of the database): for one period, each cell of an
    organization holds one value, read as it is, where a GROUP BY would cost the database more
    than the whole rest of the pivot. Over several periods, or by period, the database adds
    them up."""
    group = "submission__period_id" if by == "period" else "submission__organization_id"
    if periods == 1 and by != "period":
        read = values.annotate(**_number(F("number")), n=Constant(1))
        figures = read.values_list(group, "indicator_id", "whole", "fraction", "n").order_by()
    else:
        figures = (
            values.values_list(group, "indicator_id")
            .annotate(**_number(Sum("number")), n=Count("number"))
            .order_by()
        )
    return raw_rows(figures)


def _number(number) -> dict:
    """A decimal `number` (a value or a sum) as two columns, `whole` and `fraction`. SQLite
    gives ints for whole numbers and floats for the others (in `whole`). PostgreSQL gives
    decimals at the column's scale (1234.0000), which Python would read as a Decimal and then
    turn into the number shown, 16,000 times a pivot: a whole number comes as a bigint
    instead, read as an int by the driver, and any other as text without its trailing zeros
    (TRIM_SCALE)."""
    if connection.vendor != "postgresql":
        return {"whole": number, "fraction": Constant(None, output_field=TextField())}
    is_whole = Exact(number, Func(number, function="TRUNC"))
    trimmed = Cast(Func(number, function="TRIM_SCALE", output_field=DecimalField()), TextField())
    return {
        "whole": Case(When(is_whole, then=Cast(number, BigIntegerField()))),
        "fraction": Case(When(is_whole, then=Constant(None)), default=trimmed),
    }


def _lay_out(rows, position, averages, width):
    """row key → the sums in the indicators' order, as shown (whole numbers as ints, others
    as decimals: SQLite's floats are made exact here), and → {index: count} for the averages.
    (A loop over every cell of the pivot: the names it reads are bound locally.)"""
    sums: dict = {}
    counts: dict = {}
    row_of = sums.get
    empty = [None] * width
    for key, indicator_id, whole, fraction, n in rows:
        row = row_of(key)
        if row is None:
            row = sums[key] = empty.copy()
        if fraction is not None:  # PostgreSQL's, without trailing zeros
            whole = Decimal(fraction)
        elif type(whole) is float:  # SQLite's
            whole = _exact(whole)
        row[position[indicator_id]] = whole
        if indicator_id in averages:
            counts.setdefault(key, {})[averages[indicator_id]] = n
    return sums, counts


def _merged(sums, counts, key_of):
    """The rows added up by `key_of(row key)`: merged Unions into their carriers, Unions into
    their provinces."""
    merged_sums: dict = {}
    merged_counts: dict = {}
    for key, row in sums.items():
        into = key_of(key)
        target = merged_sums.get(into)
        if target is None:
            merged_sums[into] = list(row)
        else:
            for index, total in enumerate(row):
                if total is not None:
                    target[index] = total if target[index] is None else _added(target[index], total)
        if key in counts:
            target_counts = merged_counts.setdefault(into, {})
            for index, count in counts[key].items():
                target_counts[index] = target_counts.get(index, 0) + count
    return merged_sums, merged_counts


def _added(total, more):
    """Two figures of a cell added up, shown as `_lay_out` shows one: 0.5 + 0.5 is 1."""
    added = total + more
    return added if type(added) is int else _exact(added)


def _cells(sums, counts) -> list:
    """The shown figures of a row: its sums, but for the averages of the counted values."""
    if not counts:
        return sums
    cells = list(sums)
    for index, count in counts.items():
        cells[index] = _average(sums[index], count)
    return cells


def _grand_totals(rows, counts, width) -> list:
    """Each column added up (an average over every counted value), column by column."""
    totals = []
    average_counts: dict = {}
    for row_counts in counts.values():
        for index, count in row_counts.items():
            average_counts[index] = average_counts.get(index, 0) + count
    for index, column in enumerate(zip(*rows, strict=True) if rows else [()] * width):
        present = [total for total in column if total is not None]
        if not present:
            totals.append(None)
        elif index in average_counts:
            totals.append(_average(sum(present), average_counts[index]))
        else:
            total = sum(present)
            totals.append(total if type(total) is int else _exact(total))
    return totals


def _average(total, count):
    if not count:
        return None
    exact = Decimal(total) if type(total) is int else _decimal(total)
    return (exact / count).quantize(HUNDREDTHS)


def _exact(total):
    if total is None:
        return None
    total = _decimal(total)
    return int(total) if total == total.to_integral() else total.normalize()


def _decimal(number) -> Decimal:
    if isinstance(number, float):  # SQLite sums decimals as floating point
        return Decimal(repr(round(number, 4)))
    return Decimal(number)


def _labels(by, keys) -> dict:
    """row key → (sort key, label), read in one light query (no model instances)."""
    if by == "period":
        periods = Period.all_objects.filter(pk__in=keys)
        return {p.pk: (p.starts_on.isoformat(), str(p.label)) for p in periods}
    organizations = Organization.all_objects.filter(pk__in=keys)
    if by == "province":
        rows = organizations.values_list("pk", "province_id")
        provinces = Province.objects.in_bulk({province for _pk, province in rows if province})
        return {pk: (province, provinces.get(province)) for pk, province in rows}
    rows = organizations.values_list(
        "pk", "tree_path", "name", "name_en", "short_name", "short_name_en"
    )
    return {
        pk: (path, in_language(short, short_en) or in_language(name, name_en))
        for pk, path, name, name_en, short, short_en in rows
    }


def _province_name(label) -> str:
    """The row an organization's figures fall in by province: its province's name."""
    province = label[1] if label else None
    return str(province) if province else _("No province")
