"""`amity demo`: the events' demo set holds the April 2024 conference and a year of events."""

from datetime import date

from django.test import Client
from django.urls import reverse

from amity.accounts.models import User
from amity.events import services
from amity.events.choices import EventKind
from amity.events.models import Event


def test_events_demo_data_set(shared_demo):
    assert "amity.events.demo:" in shared_demo

    conference = Event.objects.get(kind=EventKind.ONLINE_CONFERENCE, start=date(2024, 4, 19))
    totals = services.bridge_point_totals(conference)
    assert (totals["points"], totals["local"]) == (53, 52)
    assert totals["attendees"] > 500
    assert conference.bridge_points.filter(is_central=True).count() == 1
    assert conference.topics.count() == 6
    assert conference.presentations.count() >= 6
    assert conference.participants.count() >= 50

    others = Event.objects.exclude(pk=conference.pk)
    assert others.count() == 120
    assert others.filter(kind=EventKind.INCOMING_DELEGATION, partners__isnull=False).exists()
    assert not Event.objects.exclude(notes__contains="[demo]").exists()

    # Ha Noi sees the conference it joined and its own events, not Da Nang's own.
    hanoi, danang = (User.objects.get(username=name) for name in ("hanoi", "danang"))
    visible = Event.objects.visible_to(hanoi)
    assert visible.filter(pk=conference.pk).exists()
    assert not visible.filter(organization=danang.organization).exists()
    client = Client()
    client.force_login(hanoi)
    page = client.get(reverse("events:calendar"), {"month": "2024-04"})
    assert conference.pk in [row["id"] for row in page.context["events"]]
