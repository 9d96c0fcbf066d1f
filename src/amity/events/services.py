"""Domain logic of events: bridge-point totals, the calendar month, iCalendar feeds, and the
events shown in a partner's timeline."""

import calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from amity.core.calendar import CalendarEntry, calendar_entries
from amity.core.dates import MAX_YEAR, MIN_YEAR, add_days
from amity.events.choices import EventStatus
from amity.events.models import BridgePoint, CalendarToken, Event, new_calendar_key
from amity.organizations.models import in_language
from amity.partners.timeline import TimelineEntry

#: events a day of the month grid lists before "+ n more"
EVENTS_PER_DAY = 3
#: the feeds hold the events of the last this many days, and all those to come
FEED_PAST_DAYS = 365
CALENDAR_FIELDS = (
    "id",
    "kind",
    "status",
    "title_vi",
    "title_en",
    "start",
    "end",
    "start_time",
    "is_online",
    "place",
)


def bridge_point_totals(event) -> dict:
    """The derived figures of an online conference: its points, local points and attendees."""
    totals = BridgePoint.objects.filter(event=event).aggregate(
        points=Count("pk"),
        local=Count("pk", filter=Q(is_central=False)),
        attendees=Sum("attendees"),
    )
    return {**totals, "attendees": totals["attendees"] or 0}


def month_of(value: str, today: date | None = None) -> date:
    """The first day of the month named "YYYY-MM", or of this month when it names none."""
    today = today or timezone.localdate()
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1) if MIN_YEAR <= year <= MAX_YEAR else today.replace(day=1)
    except (ValueError, TypeError):
        return today.replace(day=1)


def month_events(user, first: date) -> list[dict]:
    """The events the user may see that run during the month starting on `first`, as rows of
    CALENDAR_FIELDS: one query, whatever the number of events.

    What the page prints of each row (its address, title, time, last day) is made here, once
    per row or per date, rather than by template filters: a busy month holds hundreds."""
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    rows = (
        Event.objects.visible_to(user)
        .overlapping(first, last)
        # An all-day event (no start time) comes first on its day, on every database.
        .order_by("start", F("start_time").asc(nulls_first=True), "id")
        .values(*CALENDAR_FIELDS)
    )
    prefix = reverse("events:event", args=[0])[: -len("0/")]
    short_dates = _Formatted("SHORT_DATE_FORMAT")
    return [
        dict(
            row,
            title=in_language(row["title_vi"], row["title_en"]),
            url=f"{prefix}{row['id']}/",
            time=f"{row['start_time']:%H:%M}" if row["start_time"] else "",
            until=short_dates[row["end"]] if row["end"] != row["start"] else "",
        )
        for row in rows
    ]


def month_entries(user, first: date) -> list[dict]:
    """The entries other apps add to the month (`core.calendar`: the courses), as rows the page
    prints like the events', each with its `badge` (its kind: "Course")."""
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    short_dates = _Formatted("SHORT_DATE_FORMAT")
    rows = []
    for entry in calendar_entries(user, first, last):
        start, end, moment = entry.first_day, entry.last_day, entry.start
        rows.append(
            {
                "id": entry.uid,
                "kind": "entry",
                "status": "",
                "title": entry.title,
                "url": entry.url,
                "time": (
                    f"{timezone.localtime(moment):%H:%M}" if isinstance(moment, datetime) else ""
                ),
                "until": short_dates[end] if end != start else "",
                "start": start,
                "end": end,
                "is_online": False,
                "place": entry.place,
                "badge": entry.kind,
            }
        )
    return rows


def with_entries(events: list[dict], entries: list[dict]) -> list[dict]:
    """The month's events and other entries in one order: by day, the all-day ones first, then
    by time (the order the events come in)."""
    if not entries:
        return events
    return sorted(events + entries, key=lambda row: (row["start"], bool(row["time"]), row["time"]))


class _Formatted(dict):
    """Date → the date in a format of the active language, formatted once per date."""

    def __init__(self, format_name: str):
        super().__init__()
        self.format_name = format_name

    def __missing__(self, day):
        self[day] = date_format(day, self.format_name)
        return self[day]


@dataclass
class ListDay:
    day: date
    label: str
    events: list = field(default_factory=list)


def month_list(events: list[dict]) -> list[ListDay]:
    """The rows of the month as a list: under the day each event starts."""
    days: dict[date, ListDay] = {}
    for event in events:
        start = event["start"]
        if start not in days:
            label = f"{capfirst(date_format(start, 'l'))}, {date_format(start, 'DATE_FORMAT')}"
            days[start] = ListDay(start, label)
        days[start].events.append(event)
    return list(days.values())


@dataclass
class Day:
    day: date
    in_month: bool
    events: list = field(default_factory=list)

    @property
    def shown(self):
        return self.events[:EVENTS_PER_DAY]

    @property
    def more(self) -> int:
        return max(len(self.events) - EVENTS_PER_DAY, 0)


def month_grid(first: date, events: list[dict]) -> list[list[Day]]:
    """Weeks (Monday first) of the month, each day with the events running on it."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    days = {day: Day(day, day.month == first.month) for week in weeks for day in week}
    for event in events:
        day, end = max(event["start"], weeks[0][0]), min(event["end"], weeks[-1][-1])
        while day <= end:
            days[day].events.append(event)
            day += timedelta(days=1)
    return [[days[day] for day in week] for week in weeks]


# --- iCalendar ---------------------------------------------------------------------------------


def feed_events(queryset):
    since = timezone.localdate() - timedelta(days=FEED_PAST_DAYS)
    return (
        queryset.filter(end__gte=since)
        .exclude(status=EventStatus.CANCELLED)
        .select_related("organization")
        .order_by("start", "id")
    )


def feed_entries(user, organization=None) -> list[CalendarEntry]:
    """The entries other apps add to a feed (`core.calendar`), over the feed's days: the last
    FEED_PAST_DAYS and all to come; with `organization`, those of its feed."""
    since = timezone.localdate() - timedelta(days=FEED_PAST_DAYS)
    return calendar_entries(user, since, None, organization=organization)


def ical_feed(events, name: str, base_url: str, entries=()) -> bytes:
    """An iCalendar (RFC 5545) feed of `events`, for a phone's or a mail client's calendar."""
    feed = Calendar()
    feed.add("prodid", "-//Amity//Events//VI")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for event in events:
        feed.add_component(_ical_event(event, base_url, stamp))
    for entry in entries:
        feed.add_component(_ical_entry(entry, base_url, stamp))
    return feed.to_ical()


def _ical_entry(entry: CalendarEntry, base_url, stamp) -> CalendarEvent:
    """An entry of another app (a course) as an iCalendar event, under its own stable uid."""
    item = CalendarEvent()
    item.add("uid", entry.uid)
    item.add("dtstamp", stamp)
    item.add("summary", entry.title)
    item.add("dtstart", entry.start)
    if entry.all_day:  # ends (exclusively) the day after its last day
        following = add_days(entry.end, 1)
        if following is not None:
            item.add("dtend", following)
    else:
        item.add("dtend", entry.end)
    if entry.place:
        item.add("location", entry.place)
    item.add("categories", [entry.kind])
    item.add("url", base_url + entry.url)
    if entry.description:
        item.add("description", entry.description)
    return item


def _ical_event(event, base_url, stamp) -> CalendarEvent:
    item = CalendarEvent()
    item.add("uid", f"event-{event.pk}@amity")
    item.add("dtstamp", stamp)
    item.add("summary", event.title)
    zone = timezone.get_default_timezone()
    if event.start_time:
        starts = datetime.combine(event.start, event.start_time, tzinfo=zone)
        end_time = (
            event.end_time
            or (datetime.combine(date.min, event.start_time) + timedelta(hours=1)).time()
        )
        ends = datetime.combine(event.end or event.start, end_time, tzinfo=zone)
        item.add("dtstart", starts)
        item.add("dtend", max(ends, starts))
    else:  # an all-day event ends (exclusively) the day after its last day
        item.add("dtstart", event.start)
        following = add_days(event.end or event.start, 1)
        if following is not None:  # none after 9999-12-31: the feed leaves the end out
            item.add("dtend", following)
    where = _("Online") if event.is_online and not event.place else event.place
    if where:
        item.add("location", where)
    item.add("status", "CONFIRMED" if event.status == EventStatus.HELD else "TENTATIVE")
    item.add("categories", [event.get_kind_display()])
    item.add("url", base_url + event.get_absolute_url())
    description = "\n".join(filter(None, [str(event.organization), event.description]))
    if description:
        item.add("description", description)
    return item


# --- the partner's timeline ------------------------------------------------------------------


def partner_timeline(partner, user) -> list[TimelineEntry]:
    """The events naming the partner that the user may see (delegations, receptions, …)."""
    events = (
        Event.objects.visible_to(user)
        .filter(partners=partner)
        .select_related("organization")
        .order_by("-start", "-id")[:100]
    )
    return [
        TimelineEntry(
            day=event.start,
            kind=event.get_kind_display(),
            title=event.title,
            url=event.get_absolute_url(),
            organization=event.organization,
            summary=event.place,
        )
        for event in events
    ]


def calendar_url(first: date, view: str = "") -> str:
    query = f"?month={first:%Y-%m}" + (f"&view={view}" if view else "")
    return reverse("events:calendar") + query


def involving(organization) -> Q:
    """Events hosted or co-organized by `organization`, or with a bridge point of it."""
    bridged = BridgePoint.objects.filter(organization=organization).values("event_id")
    co_organized = Event.co_organizers.through.objects.filter(organization=organization)
    return (
        Q(organization=organization) | Q(pk__in=co_organized.values("event_id")) | Q(pk__in=bridged)
    )


def conference_url(event) -> str:
    return reverse("events:conference", args=[event.pk])


# --- the secret calendar address ----------------------------------------------------------------


def calendar_token(user) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user).first()


def regenerate_calendar_token(user) -> CalendarToken:
    """Give `user` a new secret calendar address; the old one stops working at once."""
    with transaction.atomic():
        token, created = CalendarToken.objects.select_for_update().get_or_create(user=user)
        if not created:
            token.key = new_calendar_key()
            token.save(update_fields=["key", "updated_at"])
    return token


def revoke_calendar_token(user) -> bool:
    """Remove the user's secret calendar address; whether there was one."""
    deleted, _rows = CalendarToken.objects.filter(user=user).delete()
    return bool(deleted)


def token_user(key: str):
    """The active user whose secret calendar address ends in `key`, or None."""
    if not key or len(key) > 64:
        return None
    token = (
        CalendarToken.objects.select_related("user__organization")
        .filter(key=key, user__is_active=True)
        .first()
    )
    return token.user if token else None


def revoke_calendar_address(user, **kwargs) -> None:
    """Forget `user`'s secret calendar address (after a new password): the old one stops
    working, and the user makes a new one on the calendar page."""
    CalendarToken.objects.filter(user=user).delete()
