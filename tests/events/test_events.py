"""The events' own rules: bad input, bridge-point totals, the calendar, the feeds, the partner's
timeline and the API's filters."""

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from amity.accounts.services import create_api_token
from amity.events import models, services
from amity.events.choices import EventKind, EventStatus
from amity.partners.choices import PartnerKind, Sensitivity
from amity.partners.models import Contact, Partner
from tests.events.factories import event, person

pytestmark = pytest.mark.django_db


def feed_uids(response) -> set[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    parsed = Calendar.from_ical(response.content)
    return {str(item["uid"]) for item in parsed.walk("VEVENT")}


def uid(record) -> str:
    return f"event-{record.pk}@amity"


# --- bad input ---------------------------------------------------------------------------------


def test_an_event_ending_before_it_starts_is_refused(client, orgs, users, login):
    login(users.hanoi)
    count = models.Event.all_objects.count()
    response = client.post(
        reverse("events:event_add"),
        {
            "kind": EventKind.RECEPTION,
            "title_vi": "Tiếp Đại sứ",
            "start": "2024-06-10",
            "end": "2024-06-09",
            "organization": orgs.hanoi.pk,
            "status": "planned",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end"] == ["The event ends before it starts."]
    assert models.Event.all_objects.count() == count


def test_the_api_refuses_an_end_before_the_start(client, orgs, users, login):
    login(users.hanoi)
    response = client.post(
        "/api/events/events/",
        {
            "kind": "reception",
            "title_vi": "Tiếp",
            "start": "2024-06-10",
            "end": "2024-06-01",
            "organization": orgs.hanoi.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["end"] == ["The event ends before it starts."]
    assert not models.Event.all_objects.exists()


def test_a_participant_added_twice_is_refused(client, orgs, users, login):
    conference = event(orgs.hanoi)
    official = person(orgs.hanoi)
    models.Participant.objects.create(event=conference, person=official)
    login(users.hanoi)
    data = {
        "event": conference.pk,
        "person": official.pk,
        "role": "delegate",
        "attendance": "invited",
    }
    response = client.post(reverse("events:participant_add"), data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "This person is already a participant of the event."
    ]
    api = client.post("/api/events/participants/", data, content_type="application/json")
    assert api.status_code == 400
    assert models.Participant.objects.filter(event=conference).count() == 1


def test_a_contact_or_guest_added_twice_is_refused_too(orgs):
    conference = event(orgs.hanoi)
    partner = Partner.objects.create(kind=PartnerKind.NGO, name="Friends of Viet Nam")
    contact = Contact.objects.create(partner=partner, full_name="Jane Doe")
    models.Participant.objects.create(event=conference, contact=contact)
    models.Participant.objects.create(event=conference, guest_name="Ông Lê Văn Hai")
    for fields in ({"contact": contact}, {"guest_name": "Ông Lê Văn Hai"}):
        with pytest.raises(Exception, match="already a participant"):
            models.Participant(event=conference, **fields).validate_constraints()


def test_a_participant_is_exactly_one_kind_of_person(orgs):
    conference = event(orgs.hanoi)
    both = models.Participant(event=conference, person=person(orgs.hanoi), guest_name="X")
    with pytest.raises(Exception, match="Choose one of our people"):
        both.full_clean()


def test_only_an_online_conference_has_bridge_points(orgs):
    meeting = event(orgs.hanoi, kind=EventKind.WORKING_MEETING)
    with pytest.raises(Exception, match="Only an online conference"):
        models.BridgePoint(event=meeting, organization=orgs.hanoi).full_clean()


# --- bridge points -----------------------------------------------------------------------------


def test_bridge_point_totals_are_derived(client, orgs, users, login):
    conference = event(orgs.central)
    models.BridgePoint.objects.create(
        event=conference, organization=orgs.central, is_central=True, attendees=60
    )
    models.BridgePoint.objects.create(event=conference, organization=orgs.hanoi, attendees=12)
    models.BridgePoint.objects.create(event=conference, organization=orgs.danang, attendees=9)
    assert services.bridge_point_totals(conference) == {
        "points": 3,
        "local": 2,
        "attendees": 81,
    }
    login(users.hanoi)  # Ha Noi joined the conference: it sees it, hosted by the centre
    response = client.get(reverse("events:conference", args=[conference.pk]))
    assert response.status_code == 200
    assert response.context["totals"]["attendees"] == 81
    assert [point.organization for point in response.context["points"]] == [
        orgs.central,
        orgs.hanoi,
        orgs.danang,
    ]
    assert response.context["may_edit"] is False


def test_a_second_central_bridge_point_is_refused(orgs):
    conference = event(orgs.central)
    models.BridgePoint.objects.create(event=conference, organization=orgs.central, is_central=True)
    second = models.BridgePoint(event=conference, organization=orgs.hanoi, is_central=True)
    with pytest.raises(Exception, match="already has a central bridge point"):
        second.validate_constraints()


# --- scope -------------------------------------------------------------------------------------


@pytest.fixture
def april(orgs):
    """Events of April 2024: the centre's online conference joined by Ha Noi, Ha Noi's and
    Da Nang's own, one co-organized by Ha Noi, and one of March running into April."""
    conference = event(orgs.central, 0, title_en="Online conference")
    models.BridgePoint.objects.create(event=conference, organization=orgs.hanoi_member)
    co_organized = event(
        orgs.danang, 1, kind=EventKind.EXCHANGE, start=date(2024, 4, 25), end=date(2024, 4, 26)
    )
    co_organized.co_organizers.add(orgs.hanoi)
    return {
        "conference": conference,
        "hanoi": event(orgs.hanoi, 2, kind=EventKind.RECEPTION, start=date(2024, 4, 2)),
        "danang": event(orgs.danang, 3, kind=EventKind.CEREMONY, start=date(2024, 4, 10)),
        "co_organized": co_organized,
        "march": event(orgs.hanoi_member, 4, start=date(2024, 3, 28), end=date(2024, 4, 3)),
        "may": event(orgs.hanoi, 5, start=date(2024, 5, 1)),
    }


def calendar_ids(client, **query) -> list[int]:
    response = client.get(reverse("events:calendar"), {"month": "2024-04", **query})
    assert response.status_code == 200
    return [row["id"] for row in response.context["events"]]


def test_the_calendar_month_holds_the_events_the_user_may_see(client, users, login, april):
    login(users.hanoi)
    expected = [april[key].pk for key in ("march", "hanoi", "conference", "co_organized")]
    assert calendar_ids(client) == expected
    assert calendar_ids(client, view="list") == expected
    login(users.danang)
    assert calendar_ids(client) == [april["danang"].pk, april["co_organized"].pk]
    login(users.central)
    assert len(calendar_ids(client)) == 5


def test_the_month_grid_puts_an_event_on_each_of_its_days(client, users, login, april):
    login(users.hanoi)
    weeks = client.get(reverse("events:calendar"), {"month": "2024-04"}).context["weeks"]
    days = {day.day: [event["id"] for event in day.events] for week in weeks for day in week}
    assert weeks[0][0].day == date(2024, 4, 1)  # a Monday
    assert days[date(2024, 4, 1)] == [april["march"].pk]
    assert days[date(2024, 4, 3)] == [april["march"].pk]
    assert days[date(2024, 4, 4)] == []
    assert days[date(2024, 4, 26)] == [april["co_organized"].pk]


def test_the_calendar_issues_the_same_queries_for_many_events(settings, client, orgs, users, login):
    login(users.hanoi)
    event(orgs.hanoi, 0)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("events:calendar"), {"month": "2024-04"}).status_code == 200
        return len(context.captured_queries)

    few = queries()
    models.Event.objects.bulk_create(
        [
            models.Event(
                kind="other",
                title_vi=f"Sự kiện {index}",
                organization=orgs.hanoi,
                start=date(2024, 4, 1 + index % 30),
                end=date(2024, 4, 1 + index % 30),
            )
            for index in range(300)
        ]
    )
    assert queries() == few


def test_a_bad_month_shows_this_month(client, orgs, users, login):
    """This month's first day, its events and not another month's."""
    this_month = timezone.localdate().replace(day=1)
    other_month = (this_month - timedelta(days=1)).replace(day=1)
    now = event(orgs.hanoi, 0, start=this_month, end=this_month)
    event(orgs.hanoi, 1, start=other_month, end=other_month)
    login(users.hanoi)
    for value in ("", "abc", "2024-13", "99999-1", "-1"):
        response = client.get(reverse("events:calendar"), {"month": value})
        assert response.status_code == 200
        assert response.context["first"] == this_month, value
        assert [row["id"] for row in response.context["events"]] == [now.pk], value


# --- iCalendar ---------------------------------------------------------------------------------


def test_the_feed_holds_the_visible_events_only(client, orgs, users, login):
    mine = event(orgs.hanoi, 0, start=date.today(), start_time=time(8, 30))
    theirs = event(orgs.danang, 1, start=date.today())
    cancelled = event(orgs.hanoi, 2, start=date.today(), status=EventStatus.CANCELLED)
    login(users.hanoi)
    response = client.get("/events/calendar.ics")
    assert feed_uids(response) == {uid(mine)}
    parsed = Calendar.from_ical(response.content)
    item = next(iter(parsed.walk("VEVENT")))
    assert str(item["summary"]) == mine.title_vi
    assert item.decoded("dtstart").hour == 8
    assert theirs.pk and cancelled.pk


def test_the_feed_takes_an_api_token_and_refuses_anonymous(client, orgs, users):
    mine = event(orgs.danang, 0, start=date.today())
    assert client.get("/events/calendar.ics").status_code == 401
    bad = client.get("/events/calendar.ics", HTTP_AUTHORIZATION="Token nope")
    assert bad.status_code == 401
    _token, key = create_api_token(users.danang)
    response = client.get("/events/calendar.ics", HTTP_AUTHORIZATION=f"Token {key}")
    assert feed_uids(response) == {uid(mine)}


def test_the_organization_feed(client, orgs, users, login):
    hosted = event(orgs.hanoi_member, 0, start=date.today())
    joined = event(orgs.central, 1, start=date.today())
    models.BridgePoint.objects.create(event=joined, organization=orgs.hanoi_member)
    event(orgs.hanoi, 2, start=date.today())  # Ha Noi's own: not the member's
    login(users.hanoi)
    url = reverse("events:organization_feed", args=[orgs.hanoi_member.pk])
    assert feed_uids(client.get(url)) == {uid(hosted), uid(joined)}
    other = reverse("events:organization_feed", args=[orgs.danang.pk])
    assert client.get(other).status_code == 404


# --- the partner's timeline --------------------------------------------------------------------


def test_delegations_show_in_the_partners_timeline(client, orgs, users, login):
    partner = Partner.objects.create(
        kind=PartnerKind.NGO, name="Vietnam Friendship Society", sensitivity=Sensitivity.PUBLIC
    )
    incoming = event(orgs.hanoi, 0, kind=EventKind.INCOMING_DELEGATION, start=date(2024, 9, 3))
    outgoing = event(orgs.danang, 1, kind=EventKind.OUTGOING_DELEGATION, start=date(2024, 10, 7))
    for delegation in (incoming, outgoing):
        delegation.partners.add(partner)
    login(users.hanoi)
    response = client.get(reverse("partners:partner", args=[partner.pk]), {"tab": "interactions"})
    entries = [item["entry"] for item in response.context["timeline"] if "entry" in item]
    assert [(entry.url, entry.day) for entry in entries] == [
        (incoming.get_absolute_url(), date(2024, 9, 3))
    ]
    assert "Incoming delegation" in response.content.decode()
    login(users.central)
    response = client.get(reverse("partners:partner", args=[partner.pk]), {"tab": "interactions"})
    days = [item["day"] for item in response.context["timeline"]]
    assert days == [date(2024, 10, 7), date(2024, 9, 3)]


# --- API ---------------------------------------------------------------------------------------


def test_api_filters_by_start_kind_and_country(client, orgs, users, login, april):
    april["danang"].countries.add(
        models.Event._meta.get_field("countries").related_model.objects.get(code="LA")
    )
    login(users.central)

    def ids(**query):
        response = client.get("/api/events/events/", query)
        assert response.status_code == 200
        return sorted(item["id"] for item in response.json()["results"])

    assert ids(start="2024-04-19") == [april["conference"].pk]
    assert ids(start_after="2024-04-20") == sorted([april["co_organized"].pk, april["may"].pk])
    assert ids(start_before="2024-03-31") == [april["march"].pk]
    assert ids(kind="ceremony") == [april["danang"].pk]
    laos = models.Event._meta.get_field("countries").related_model.objects.get(code="LA")
    assert ids(country=laos.pk) == [april["danang"].pk]
    item = client.get(f"/api/events/events/{april['conference'].pk}/").json()
    assert (item["start"], item["end"]) == ("2024-04-19", "2024-04-19")


def test_a_document_uploaded_from_the_edit_page_is_kept(client, orgs, users, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    record = event(orgs.hanoi)
    login(users.hanoi)
    url = reverse("events:eventdocument_add") + f"?event={record.pk}"
    page = client.get(url)
    assert b'enctype="multipart/form-data"' in page.content  # else a browser sends no file
    upload = SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes", "application/pdf")
    response = client.post(
        url, {"event": record.pk, "kind": "document", "title": "Minutes", "file": upload}
    )
    assert response.status_code == 302, response.context["form"].errors
    document = models.EventDocument.objects.get(event=record)
    assert document.file.name.endswith(".pdf") and document.file.read() == b"%PDF-1.4 minutes"
