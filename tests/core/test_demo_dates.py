"""`amity demo --today`: the demo's dates are drawn around the day it is loaded (fault 7), so
that the calendar's "today", the planned events, the recent activity, the open reporting period
and the due proposals are there whenever the set is loaded; history keeps its own days."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from amity.accounts.models import User
from amity.core.demo_dates import demo_day, demo_today, month_start, moved
from amity.events.choices import EventStatus
from amity.events.models import Event
from amity.partners.choices import FollowUpState
from amity.partners.dashboard import RECENT_DAYS, recent_interactions_of
from amity.partners.demo import HANOI_RECENT_DAYS
from amity.partners.models import FollowUp, Interaction, NgoRegistration
from amity.proposals.models import Proposal
from amity.reporting.choices import SubmissionState
from amity.reporting.models import Period, Submission

#: a day far from the one the fixed dates were written for (15 December 2025) and from the real
#: today, in the first half of a year
LOADED_ON = date(2028, 3, 10)


# The demo data set loaded once, as if on LOADED_ON (tests/conftest.py: shared_demo).
pytestmark = [pytest.mark.demo_on(LOADED_ON), pytest.mark.usefixtures("shared_demo")]


def test_the_day_of_loading_can_be_chosen_and_dates_move_with_it():
    with demo_day(LOADED_ON):
        assert demo_today() == LOADED_ON
        assert moved(date(2025, 12, 15)) == LOADED_ON
        assert moved(date(2025, 12, 1)) == LOADED_ON - timedelta(days=14)
    assert month_start(date(2028, 12, 10), 2) == date(2029, 2, 1)


def test_events_are_held_before_the_day_and_planned_today_this_month_and_next():
    others = Event.objects.exclude(start="2024-04-19")  # the conference the articles report
    assert others.filter(start=LOADED_ON).count() >= 2  # two placed there, others may fall on it
    assert not others.filter(start__lt=LOADED_ON).exclude(status=EventStatus.HELD).exists()
    assert not others.filter(start__gte=LOADED_ON, status=EventStatus.HELD).exists()
    planned = others.filter(status=EventStatus.PLANNED)
    assert planned.filter(start__range=(LOADED_ON, date(2028, 3, 31))).exists()
    assert planned.filter(start__range=(date(2028, 4, 1), date(2028, 4, 30))).exists()
    assert not others.filter(start__gt=date(2028, 4, 30)).exists()
    assert not others.filter(start__lt=date(2027, 3, 1)).exists()
    assert Event.objects.filter(start="2024-04-19", kind="online_conference").count() == 1


def test_interactions_reach_the_day_and_what_is_open_is_recent():
    assert not Interaction.objects.filter(occurred_on__gt=LOADED_ON).exists()
    assert Interaction.objects.filter(occurred_on__gt=LOADED_ON - timedelta(days=30)).count() > 10
    open_actions = FollowUp.objects.filter(state=FollowUpState.OPEN)
    assert open_actions.filter(due_on__lt=LOADED_ON).exists()  # some are overdue...
    # ...lately: none has lain open for more than two months (plus the time to its due day)
    assert not open_actions.filter(due_on__lt=LOADED_ON - timedelta(days=60)).exists()
    expiring = NgoRegistration.objects.filter(
        expires_on__range=(LOADED_ON, LOADED_ON + timedelta(days=90))
    )
    assert expiring.exists()


def test_the_current_half_year_is_open_and_the_earlier_ones_are_in():
    current = Period.objects.get(year=2028, number=1)
    assert (current.opens_on, current.deadline) == (date(2028, 1, 1), date(2028, 7, 15))
    assert set(Period.objects.values_list("year", flat=True)) == {2025, 2026, 2027, 2028}
    assert not Period.objects.filter(opens_on__gt=date(2028, 7, 1)).exclude(year=2028).exists()
    hanoi = Submission.objects.get(period=current, organization__external_ref="demo-org-hanoi")
    assert hanoi.state == SubmissionState.DRAFT  # at work on it
    long_past = Submission.objects.filter(period__deadline__lt=LOADED_ON - timedelta(days=40))
    assert set(long_past.values_list("state", flat=True)) == {SubmissionState.APPROVED}
    approved = Submission.objects.filter(approved_at__isnull=False)
    assert approved.exists()
    latest = max(approved.values_list("approved_at", flat=True))
    assert latest.date() <= LOADED_ON  # no approval in the future
    assert (
        max(
            Submission.objects.values_list("submitted_at", flat=True).exclude(submitted_at=None)
        ).date()
        <= LOADED_ON
    )


def test_proposals_are_raised_before_the_day_and_due_around_it():
    recent = Proposal.objects.exclude(raised_on="2024-04-19")
    assert recent.count() == 24
    assert not recent.filter(raised_on__gt=LOADED_ON).exists()
    assert not recent.filter(raised_on__lt=LOADED_ON - timedelta(days=75)).exists()
    assert recent.filter(due_on__lt=LOADED_ON).exists()
    assert recent.filter(due_on__gte=LOADED_ON).exists()


def test_hanois_home_on_the_day_has_its_report_due_its_recent_interactions_and_true_counts(
    client, monkeypatch
):
    """The demo's `hanoi` (issue 16, fault 8): the report due in the headline, the recent
    interactions panel shown (the demo gives Ha Noi some in the last weeks), and each panel's
    badge counting what the panel lists."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: LOADED_ON)
    hanoi = User.objects.get(username="hanoi")
    client.force_login(hanoi)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    (headline,) = response.context["headlines"]
    assert headline["text"].startswith("Báo cáo kỳ “Sáu tháng đầu năm 2028”")
    assert headline["action"] == "Tiếp tục báo cáo"  # its draft
    panels = {item.panel.key: item.data for item in response.context["panels"]}

    recent = recent_interactions_of(hanoi, LOADED_ON)
    own_days = set(recent.filter(organization=hanoi.organization).values_list("occurred_on"))
    assert {(LOADED_ON - timedelta(days=days),) for days in HANOI_RECENT_DAYS} <= own_days
    assert max(HANOI_RECENT_DAYS) < RECENT_DAYS
    shown = panels["partners.recent_interactions"]
    assert shown["count"] == recent.count() >= len(HANOI_RECENT_DAYS)
    assert [row.pk for row in shown["rows"]] == list(
        recent.order_by("-occurred_on", "-id").values_list("pk", flat=True)[:5]
    )

    for key, data in panels.items():
        if data.get("rows") is not None and data.get("count") is not None:
            assert len(data["rows"]) == min(data["count"], 5), key
    dormant = panels["partners.dormant"]
    page = client.get(reverse("partners:partner_list"), {"dormant": "true"})
    assert page.context["table"].paginator.count == dormant["count"]
