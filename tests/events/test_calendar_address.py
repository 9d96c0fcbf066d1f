"""The secret calendar address: a phone reads, without logging in, exactly the feed of the user
whose address it is; the user sees, copies, renews and removes it; a wrong or revoked address is
a 404."""

from datetime import date

import pytest
from django.urls import reverse
from icalendar import Calendar

from amity.events import models, services
from amity.events.choices import EventStatus
from tests.events.factories import event

pytestmark = pytest.mark.django_db


def feed_uids(response) -> set[str]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(item["uid"]) for item in Calendar.from_ical(response.content).walk("VEVENT")}


def uid(record) -> str:
    return f"event-{record.pk}@amity"


@pytest.fixture
def today_events(orgs):
    """Events of today: Ha Noi's own, its member's, a centre's conference Ha Noi's member joined,
    Da Nang's own (out of Ha Noi's scope), and a cancelled one of Ha Noi's."""
    today = date.today()
    joined = event(orgs.central, 0, start=today)
    models.BridgePoint.objects.create(event=joined, organization=orgs.hanoi_member)
    return {
        "hanoi": event(orgs.hanoi, 1, start=today),
        "member": event(orgs.hanoi_member, 2, start=today),
        "joined": joined,
        "danang": event(orgs.danang, 3, start=today),
        "cancelled": event(orgs.hanoi, 4, start=today, status=EventStatus.CANCELLED),
        "central": event(orgs.central, 5, start=today),
    }


def secret_url(token) -> str:
    return reverse("events:secret_calendar_feed", args=[token.key])


def test_the_secret_feed_is_the_users_feed_and_nothing_more(client, orgs, users, today_events):
    token = services.regenerate_calendar_token(users.hanoi)
    expected = {uid(today_events[key]) for key in ("hanoi", "member", "joined")}
    assert feed_uids(client.get(secret_url(token))) == expected  # no session, no API token
    client.force_login(users.hanoi)
    assert feed_uids(client.get(reverse("events:calendar_feed"))) == expected
    client.logout()
    central = services.regenerate_calendar_token(users.central)
    assert feed_uids(client.get(secret_url(central))) == {
        uid(today_events[key]) for key in ("hanoi", "member", "joined", "danang", "central")
    }
    danang = services.regenerate_calendar_token(users.danang)
    assert feed_uids(client.get(secret_url(danang))) == {uid(today_events["danang"])}


def test_the_secret_organization_feed_is_scoped_too(client, orgs, users, today_events):
    token = services.regenerate_calendar_token(users.hanoi)
    member = reverse("events:secret_organization_feed", args=[token.key, orgs.hanoi_member.pk])
    assert feed_uids(client.get(member)) == {
        uid(today_events["member"]),
        uid(today_events["joined"]),
    }
    danang = reverse("events:secret_organization_feed", args=[token.key, orgs.danang.pk])
    assert client.get(danang).status_code == 404
    wrong = reverse("events:secret_organization_feed", args=["x" * 43, orgs.hanoi.pk])
    assert client.get(wrong).status_code == 404


def test_a_wrong_revoked_or_inactive_users_address_is_a_404(client, users, today_events):
    token = services.regenerate_calendar_token(users.hanoi)
    old_key = token.key
    for key in ("nope", "x" * 43, "x" * 200, old_key.upper()):
        assert client.get(reverse("events:secret_calendar_feed", args=[key])).status_code == 404
    renewed = services.regenerate_calendar_token(users.hanoi)
    assert renewed.pk == token.pk and renewed.key != old_key
    assert client.get(reverse("events:secret_calendar_feed", args=[old_key])).status_code == 404
    assert client.get(secret_url(renewed)).status_code == 200
    users.hanoi.is_active = False
    users.hanoi.save()
    assert client.get(secret_url(renewed)).status_code == 404
    assert services.revoke_calendar_token(users.hanoi) is True
    assert services.revoke_calendar_token(users.hanoi) is False
    assert not models.CalendarToken.objects.exists()


def test_the_page_shows_renews_and_removes_the_users_own_address(client, login, users):
    login(users.hanoi)
    url = reverse("events:calendar_subscribe")
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["token"] is None
    assert "Make my calendar address" in page.content.decode()
    assert client.post(url, {"action": "regenerate"}).status_code == 302
    token = models.CalendarToken.objects.get(user=users.hanoi)
    page = client.get(url)
    assert page.context["feed_url"] == f"http://testserver/events/calendar/{token.key}.ics"
    assert f'value="http://testserver/events/calendar/{token.key}.ics"' in page.content.decode()
    assert page.context["organization_feed_url"] == (
        f"http://testserver/events/calendar/{token.key}/organizations/{users.hanoi.organization_id}.ics"
    )
    client.post(url, {"action": "regenerate"})
    renewed = models.CalendarToken.objects.get(user=users.hanoi)
    assert renewed.key != token.key
    # another user's address is neither shown nor touched
    other = services.regenerate_calendar_token(users.danang)
    assert other.key not in client.get(url).content.decode()
    client.post(url, {"action": "revoke"})
    assert list(models.CalendarToken.objects.values_list("user__username", "key")) == [
        ("danang", other.key)
    ]
    assert client.get(reverse("events:secret_calendar_feed", args=[renewed.key])).status_code == 404


def test_the_page_needs_a_log_in(client):
    response = client.get(reverse("events:calendar_subscribe"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    posted = client.post(reverse("events:calendar_subscribe"), {"action": "regenerate"})
    assert posted.status_code == 302
    assert not models.CalendarToken.objects.exists()


def test_the_calendar_page_links_to_the_address_page(client, login, users):
    login(users.viewer)
    page = client.get(reverse("events:calendar")).content.decode()
    assert f'href="{reverse("events:calendar_subscribe")}"' in page


def test_a_new_password_revokes_the_calendar_address_and_no_one_elses(client, users):
    token = services.regenerate_calendar_token(users.hanoi)
    other = services.regenerate_calendar_token(users.danang)
    users.hanoi.set_password("a-new-secret-2026")
    users.hanoi.save()
    assert client.get(secret_url(token)).status_code == 404
    assert list(models.CalendarToken.objects.values_list("key", flat=True)) == [other.key]
    users.danang.last_name = "Nguyen"  # a save without a new password keeps the address
    users.danang.save()
    assert client.get(secret_url(other)).status_code == 200


def test_a_feed_is_a_calendar_file_shown_inline_under_its_name(client, orgs, users, today_events):
    """Through `core.downloads.download`: a phone opens it, it is not saved as an attachment."""
    token = services.regenerate_calendar_token(users.hanoi)
    response = client.get(secret_url(token))
    assert response["Content-Disposition"] == 'inline; filename="amity-events.ics"'
    member = reverse("events:secret_organization_feed", args=[token.key, orgs.hanoi_member.pk])
    named = client.get(member)["Content-Disposition"]
    assert named == f'inline; filename="events-{orgs.hanoi_member.pk}.ics"'


def test_the_address_form_removes_only_when_asked_to(client, users):
    client.force_login(users.hanoi)
    url = reverse("events:calendar_subscribe")
    client.post(url, {"action": "regenerate"})
    first = services.calendar_token(users.hanoi)
    client.post(url, {})
    second = services.calendar_token(users.hanoi)
    assert first is not None and second is not None and second.key != first.key
    client.post(url, {"action": "revoke"})
    assert services.calendar_token(users.hanoi) is None
