"""The day the demo data set is loaded, and the dates of the demo drawn around it.

The demo data set was written around 15 December 2025 (`WRITTEN_FOR`). Loaded later with those
dates fixed, the calendar's "today" was empty, "planned" events lay a year in the past and the
home page counted no recent activity. So every demo date that is not history (an event of
2024 that the articles report keeps its day) is drawn relative to `demo_today()`: the same day
gives the same data set, and a test may load it "on" a chosen day with `demo_day(day)` (the
`amity demo --today` option).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta

from django.utils import timezone

#: the day the demo data set's fixed dates were written for
WRITTEN_FOR = date(2025, 12, 15)

_loaded_on: ContextVar[date | None] = ContextVar("demo_loaded_on", default=None)


def demo_today() -> date:
    """The day the demo data set is being loaded (today where the site is, unless chosen)."""
    return _loaded_on.get() or timezone.localdate()


@contextmanager
def demo_day(day: date | None) -> Iterator[None]:
    """Load the demo data set as if on `day` (None: the real today)."""
    token = _loaded_on.set(day)
    try:
        yield
    finally:
        _loaded_on.reset(token)


def moved(day: date) -> date:
    """A date written for WRITTEN_FOR, moved by as many days as today is after it: the data set's
    recent past stays recent, its near future near."""
    return day + (demo_today() - WRITTEN_FOR)


def years_moved() -> int:
    """Whole calendar years between WRITTEN_FOR and today: for dates that belong to a calendar
    year (a budget year, a report's half-year), which moving by days would misalign."""
    return demo_today().year - WRITTEN_FOR.year


def month_start(day: date, months_later: int = 0) -> date:
    """The first day of the month `months_later` months after `day`'s (negative: before)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months_later, 12)
    return date(year, month + 1, 1)


def days_around(day: date, before: int, after: int) -> tuple[date, date]:
    return day - timedelta(days=before), day + timedelta(days=after)
