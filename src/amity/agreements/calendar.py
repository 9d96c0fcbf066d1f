"""The agreements in the events' calendar and its iCalendar feeds (`core.calendar`).

Two kinds of day matter to the parties of an agreement, and both are all-day entries: the day a
running agreement (signed or in force) expires, and each review date not yet held. An agreement
under negotiation, expired or terminated has no expiry to watch; a review that was held is past
work. The agreements are those the agreement list shows the user (`Agreement.objects.visible_to`),
read in two queries whatever their number."""

from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from amity.agreements.choices import RUNNING
from amity.agreements.models import Agreement, Review
from amity.core.calendar import CalendarEntry
from amity.organizations.models import in_language


def entries(user, start: date, end: date | None, organization=None) -> list[CalendarEntry]:
    """The expiries and the review dates from `start` to `end` (None: all to come) of the
    agreements `user` may see; with an `organization`, of those it is a party to."""
    agreements = Agreement.objects.visible_to(user)
    if organization is not None:
        agreements = agreements.filter(
            Q(organization=organization) | Q(other_organizations=organization)
        ).distinct()
    return _expiries(agreements, start, end) + _reviews(agreements, start, end)


def _within(field: str, start: date, end: date | None) -> Q:
    condition = Q(**{f"{field}__gte": start})
    return condition & Q(**{f"{field}__lte": end}) if end is not None else condition


def _expiries(agreements, start, end) -> list[CalendarEntry]:
    rows = agreements.filter(_within("ends_on", start, end), status__in=RUNNING).values_list(
        "pk", "title_vi", "title_en", "ends_on"
    )
    kind = _("Agreement expires")
    return [
        CalendarEntry(
            title=in_language(title_vi, title_en),
            start=ends_on,
            end=ends_on,
            url=reverse("agreements:agreement", args=[pk]),
            uid=f"agreement-expiry-{pk}@amity",
            kind=kind,
        )
        for pk, title_vi, title_en, ends_on in rows
    ]


def _reviews(agreements, start, end) -> list[CalendarEntry]:
    reviews = Review.objects.filter(
        _within("due_on", start, end),
        held_on__isnull=True,
        agreement__in=agreements.values("pk"),
    )
    rows = reviews.values_list(
        "pk", "agreement_id", "agreement__title_vi", "agreement__title_en", "due_on"
    )
    kind = _("Agreement review")
    return [
        CalendarEntry(
            title=in_language(title_vi, title_en),
            start=due_on,
            end=due_on,
            url=reverse("agreements:agreement", args=[agreement_id]),
            uid=f"agreement-review-{pk}@amity",
            kind=kind,
        )
        for pk, agreement_id, title_vi, title_en, due_on in rows
    ]
