"""What other apps add to the events' calendar and its iCalendar feeds.

The events app owns the calendar page and the feeds; an app beside it (training, whose courses
events may not import: pyproject's import-linter layers) offers its own entries by naming a
function in its `registry.py`:

    registry.register(App("training", calendar="amity.training.calendar.entries", ...))

The function is `entries(user, start, end, organization=None) -> list[CalendarEntry]`: the
entries `user` may see that run on some day from `start` to `end` (both dates, inclusive; `end`
None for "everything to come", as the feeds ask), and with an `organization`, only those of that
organization, as its feed shows. It scopes them itself, and answers in a fixed number of
queries, whatever the number of entries: the month page and every feed call it once.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from amity.core.registry import registry


@dataclass(frozen=True)
class CalendarEntry:
    """One entry of the calendar that is not an event.

    `start` and `end` are both dates (an all-day entry; `end` its last day, inclusive) or both
    aware datetimes. `uid` stays the same for as long as the entry lives (a phone updates the
    entry of that uid rather than adding another): "<kind>-<pk>@amity". `kind` is the label the
    calendar shows on it ("Course"), translated."""

    title: str
    start: date | datetime
    end: date | datetime
    url: str
    uid: str
    kind: str
    place: str = ""
    description: str = ""

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def first_day(self) -> date:
        return _local_day(self.start)

    @property
    def last_day(self) -> date:
        return _local_day(self.end)


def _local_day(moment: date | datetime) -> date:
    if isinstance(moment, datetime):
        return timezone.localtime(moment).date()
    return moment


def calendar_entries(user, start: date, end: date | None, organization=None) -> list:
    """The entries of every app's calendar source (`App.calendar`) for `user`, ordered by when
    they start (all-day entries first on their day)."""
    found: list[CalendarEntry] = []
    for source in registry.calendar_sources():
        found.extend(source(user, start, end, organization=organization))
    return sorted(found, key=_order)


def _order(entry: CalendarEntry):
    moment = entry.start
    if isinstance(moment, datetime):
        return (entry.first_day, 1, timezone.localtime(moment).isoformat(), entry.uid)
    return (entry.first_day, 0, "", entry.uid)
