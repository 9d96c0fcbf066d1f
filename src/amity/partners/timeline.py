"""The partner's interaction timeline: its interactions, and what other domains add to it.

Another domain (events: delegations, receptions) shows its records in a partner's timeline by
registering a provider, `provider(partner, user) -> list[TimelineEntry]`, in its AppConfig.ready().
The records stay where they are kept and are read when the page is shown: one source of truth,
rather than a copy as an Interaction that would have to follow every later change of the event,
and no import of those domains here.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

TIMELINE_SHOWN = 200


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    kind: str  # the record's kind, as shown
    title: str
    url: str
    organization: object = None  # our organization that holds it
    summary: str = ""


Provider = Callable[[object, object], list[TimelineEntry]]
_providers: list[Provider] = []


def register_timeline(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def timeline(partner, user, interactions) -> list[dict]:
    """The partner's interactions (as given, already scoped) and the providers' entries the user
    may see, newest first: `{"day", "interaction"}` or `{"day", "entry"}`."""
    items = [{"day": item.occurred_on, "interaction": item} for item in interactions]
    for provider in _providers:
        items += [{"day": entry.day, "entry": entry} for entry in provider(partner, user)]
    items.sort(key=lambda item: item["day"], reverse=True)
    return items[:TIMELINE_SHOWN]
