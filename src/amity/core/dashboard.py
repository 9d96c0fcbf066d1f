"""The home page: panels that the domains register, shown in their order to whoever they concern.

An app adds its panels in its own `dashboard.py`, found and imported like `admin.py`:

    from amity.core.dashboard import register_panel

    @register_panel(title=_("Reports due"), template="reporting/dashboard_due.html", order=30)
    def reports_due(request):
        due = Submission.objects.visible_to(request.user).filter(...)
        return {"count": due.count(), "rows": due[:5], "see_all": reverse(...)}

The function returns the panel's context, or None to hide the panel (nothing to say to this user).
Each panel is drawn in a card (`core/dashboard_panel.html`) with its title, its `count` (shown as
"1000+" past an optional `cap`) and its `see_all` link; its own template draws the body (a
list-group of `rows`, usually) from `data`, the context the function returned. By convention,
what is due comes first (order 10–49), what changed after (50–99).

A panel issues a fixed number of queries whatever the size of the tables, and reads them through
indexes with a LIMIT: the home page is the most visited page. The helpers at the end are written
for that: a count that stops at COUNT_CAP, the first rows with their related records, the user's
own rows before the others.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.module_loading import autodiscover_modules

PanelContext = Callable[[HttpRequest], dict | None]

#: how many items a panel lists before its "see all" link
ITEMS_SHOWN = 5
#: counts over the whole network stop there (shown as "1000+")
COUNT_CAP = 1000


@dataclass(frozen=True)
class Panel:
    key: str
    title: str  # lazily translated
    template: str
    context: PanelContext
    order: int = 100
    icon: str = "app"  # a Bootstrap icon name

    @property
    def dom_id(self) -> str:
        return "panel-" + self.key.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class ShownPanel:
    panel: Panel
    data: dict


_registry: dict[str, Panel] = {}
_discovered = False


def register_panel(
    *, title: str, template: str, order: int = 100, icon: str = "app", key: str = ""
) -> Callable[[PanelContext], PanelContext]:
    """Register the decorated function as a panel of the home page; its key is the function's
    module and name unless given, so that importing a module twice registers it once."""

    def decorator(function: PanelContext) -> PanelContext:
        panel_key = key or f"{function.__module__}.{function.__name__}"
        _registry[panel_key] = Panel(
            key=panel_key,
            title=title,
            template=template,
            context=function,
            order=order,
            icon=icon,
        )
        return function

    return decorator


def unregister_panel(key: str) -> None:
    _registry.pop(key, None)


def panels() -> list[Panel]:
    """Every registered panel, in order; the apps' `dashboard` modules are imported first."""
    global _discovered
    if not _discovered:
        autodiscover_modules("dashboard")
        _discovered = True
    return sorted(_registry.values(), key=lambda panel: (panel.order, panel.key))


def shown_panels(request: HttpRequest) -> list[ShownPanel]:
    """The panels that have something to show `request.user`, with what they show."""
    shown = []
    for panel in panels():
        data = panel.context(request)
        if data is not None:
            shown.append(ShownPanel(panel, data))
    return shown


# --- headlines: the one thing a user has to do, above the panels -------------------------------

HeadlineContext = Callable[[HttpRequest], dict | None]
_headlines: dict[str, tuple[int, HeadlineContext]] = {}


def register_headline(*, order: int = 100, key: str = "") -> Callable:
    """Register the decorated function as a headline of the home page: it returns None, or a
    dict with `text` (what is due, in a sentence), `url` and `action` (the link's words), and
    optionally `tone` (a Bootstrap colour) — "Your report for the second half of 2026 is due on
    15/01/2027. Continue the report"."""

    def decorator(function: HeadlineContext) -> HeadlineContext:
        _headlines[key or f"{function.__module__}.{function.__name__}"] = (order, function)
        return function

    return decorator


def shown_headlines(request: HttpRequest) -> list[dict]:
    panels()  # the apps' dashboard modules, where headlines are registered too
    ordered = sorted(_headlines.items(), key=lambda item: (item[1][0], item[0]))
    return [data for _key, (_order, function) in ordered if (data := function(request))]


# --- helpers of the panels -----------------------------------------------------------------------


def list_url(url_name: str, **query) -> str:
    """The address of a list page with its filters: a panel's "see all" link."""
    return f"{reverse(url_name)}?{urlencode(query)}"


def capped_count(queryset) -> int:
    """The number of rows up to COUNT_CAP + 1: past the cap the page says "1000+", and the
    count stops reading rows there."""
    return queryset.order_by()[: COUNT_CAP + 1].count()


def capped_counts(queryset, **conditions: Q) -> dict[str, int]:
    """`capped_count` of `queryset` ("count") and of its rows meeting each condition, in one
    query while the rows stay under the cap (the first COUNT_CAP + 1 rows are then all of them);
    past it, each condition is counted on its own. A condition that Django knows to match
    nothing (`pk__in=[]`) empties the whole query: leave it out rather."""
    counts = {name: Count("pk", filter=condition) for name, condition in conditions.items()}
    totals = queryset.order_by()[: COUNT_CAP + 1].aggregate(count=Count("pk"), **counts)
    if totals["count"] > COUNT_CAP:
        for name, condition in conditions.items():
            totals[name] = capped_count(queryset.filter(condition))
    return totals


def count_label(count: int) -> str:
    return f"{COUNT_CAP}+" if count > COUNT_CAP else str(count)


def first_rows(queryset) -> list:
    return list(queryset[:ITEMS_SHOWN])


def theirs_first(rows_of, queryset, own: Q | None) -> tuple[list, set]:
    """The first rows (`rows_of(queryset)`), the user's own (`own`) before the others, and the
    ids of the own: two LIMIT queries read in index order rather than one sort of every row.
    `own` is None for whoever has no rows more "theirs" than others (the centre)."""
    if own is None:
        return rows_of(queryset), set()
    rows = rows_of(queryset.filter(own))
    own_ids = {row.pk for row in rows}
    if len(rows) < ITEMS_SHOWN:
        rows += rows_of(queryset.exclude(own))[: ITEMS_SHOWN - len(rows)]
    return rows, own_ids


def with_related(ordered, *related) -> list:
    """The first rows of `ordered` with their related records: the ids are chosen first, so that
    the sort (when no index gives the order) handles narrow rows, not joined ones."""
    first = list(ordered.values_list("pk", flat=True)[:ITEMS_SHOWN])
    by_id = ordered.model.objects.select_related(*related).in_bulk(first)
    return [by_id[pk] for pk in first]


# --- reads shared by the inbox and the panels of one home page ----------------------------------

T = TypeVar("T")
_shared_reads: ContextVar[dict | None] = ContextVar("shared_reads", default=None)


@contextmanager
def shared_reads() -> Iterator[None]:
    """Within the block (the home page), `read_once` answers each key once: an inbox source and
    a panel that list the same rows (the proposals awaiting an answer) read them once."""
    token = _shared_reads.set({})
    try:
        yield
    finally:
        _shared_reads.reset(token)


def read_once(key: tuple, read: Callable[[], T]) -> T:
    """`read()`, remembered under `key` within `shared_reads`; read afresh outside it."""
    memo = _shared_reads.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]
