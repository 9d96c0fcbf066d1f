"""Events on the home page: those coming in the next weeks that the user may see."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from amity.core.dashboard import ITEMS_SHOWN, register_panel
from amity.events.choices import EventStatus
from amity.events.models import Event

#: the panel lists the events starting within this many days (or running today)
UPCOMING_DAYS = 30


@register_panel(
    key="events.upcoming",
    title=_("Upcoming events"),
    template="events/dashboard_upcoming.html",
    order=40,
    icon="calendar-event",
)
def upcoming_events(request):
    """The next events, read along the index of their start: a count and a LIMIT."""
    today = timezone.localdate()
    coming = (
        Event.objects.visible_to(request.user)
        .overlapping(today, today + timedelta(days=UPCOMING_DAYS))
        .exclude(status=EventStatus.CANCELLED)
    )
    count = coming.order_by().count()
    if not count:
        return None
    rows = list(coming.select_related("organization").order_by("start", "id")[:ITEMS_SHOWN])
    query = urlencode({"start_after": today.isoformat(), "sort": "start"})
    return {"count": count, "rows": rows, "see_all": f"{reverse('events:event_list')}?{query}"}
