"""One inbox: what is the user's to do, from every domain, due first, above the home's panels.

An app adds its sources in its own `inbox.py`, found and imported like `dashboard.py`:

    from amity.core.inbox import Item, register_source

    @register_source(kind="report_to_review", label=_("Reports to review"), icon="clipboard")
    def reports_to_review(user, today):
        rows = Submission.objects.filter(...).order_by("period__deadline", "id")[:SOURCE_LIMIT]
        return [Item(title=str(row), due_on=row.period.deadline, url=row.get_absolute_url(),
                     organization=row.organization, why=gettext("Sent in for your review"))
                for row in rows]

A source answers the items of `user` (a list, empty when none is theirs) in a fixed number of
queries read through indexes with a LIMIT (SOURCE_LIMIT), whatever the size of the tables: the
home page is the most visited page. An item is computed from the state of its record, never
stored, so that an item done (a report approved, a consultation answered) leaves by itself.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

#: the items one source answers at most; the home shows the first INBOX_SHOWN of all, due first
SOURCE_LIMIT = 10
INBOX_SHOWN = 20
HOME_INBOX_SHOWN = 8
#: an item due within this many days is "due soon"
DUE_SOON_DAYS = 7


@dataclass(frozen=True)
class Item:
    """One thing to do: what, by when, where it is done, whose it is and why it is the user's."""

    title: str
    url: str
    due_on: date | None = None
    organization: object | None = None  # the organization it concerns, shown beside it
    why: str = ""  # "Sent back for correction by the centre"
    kind: str = ""  # set from the source
    label: str | Promise = ""  # the source's label, set from it
    icon: str = "inbox"

    def overdue(self, today: date) -> bool:
        return self.due_on is not None and self.due_on < today

    def due_soon(self, today: date) -> bool:
        return self.due_on is not None and 0 <= (self.due_on - today).days <= DUE_SOON_DAYS


SourceFunction = Callable[[object, date], list[Item]]


@dataclass(frozen=True)
class Source:
    kind: str
    label: str | Promise
    function: SourceFunction
    icon: str = "inbox"
    order: int = 100


@dataclass
class Inbox:
    """The user's items, due first (undated last), with the kinds present and their counts."""

    items: list[Item]
    today: date
    counts: dict[str, int] = field(default_factory=dict)
    labels: dict[str, str | Promise] = field(default_factory=dict)

    def shown(self, kind: str = "") -> list[Item]:
        chosen = [item for item in self.items if not kind or item.kind == kind]
        return chosen[:INBOX_SHOWN]

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def overdue(self) -> int:
        return sum(item.overdue(self.today) for item in self.items)


_sources: dict[str, Source] = {}
_discovered = False


def register_source(
    *, kind: str, label: str | Promise, icon: str = "inbox", order: int = 100
) -> Callable[[SourceFunction], SourceFunction]:
    """Register the decorated function as the source of the inbox items of `kind`."""

    def decorator(function: SourceFunction) -> SourceFunction:
        _sources[kind] = Source(kind, label, function, icon, order)
        return function

    return decorator


def sources() -> list[Source]:
    """Every source, in order; the apps' `inbox` modules are imported first."""
    global _discovered
    if not _discovered:
        autodiscover_modules("inbox")
        _discovered = True
    return sorted(_sources.values(), key=lambda source: (source.order, source.kind))


def _due_first(item: Item) -> tuple:
    return (item.due_on is None, item.due_on or date.max, item.title)


def inbox_of(user, today: date | None = None) -> Inbox:
    """Every item of `user` from every source, due first."""
    today = today or timezone.localdate()
    items: list[Item] = []
    counts: dict[str, int] = {}
    labels: dict[str, str | Promise] = {}
    if not (user.is_authenticated and user.is_active):
        return Inbox([], today)
    for source in sources():
        found = source.function(user, today)[:SOURCE_LIMIT]
        if not found:
            continue
        counts[source.kind] = len(found)
        labels[source.kind] = source.label
        items += [
            replace(item, kind=source.kind, label=source.label, icon=source.icon) for item in found
        ]
    items.sort(key=_due_first)
    return Inbox(items, today, counts, labels)
