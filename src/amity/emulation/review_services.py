"""The yearly review's domain logic: the activity profile (computed from the records, never
stored), deciding a review, the dormant organizations and the review year's table.

Deciding is a workflow step, never an edit: `decide_review` checks that the review says what it
decides and fixes it; the generic edit, the API and the import then refuse to change it
(`ReviewWriter.change_refusal`). A decided proposal to merge or terminate leads to the registry's
own lifecycle steps (`lifecycle_step`), opened prefilled from the review's page.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.core.collation import sorted_by_name
from amity.core.scoping import can_edit
from amity.core.writes import Writer
from amity.emulation.facts import Facts, activity_facts, last_activity, latest_of
from amity.emulation.models.review import (
    MEMBER_KINDS,
    Review,
    ReviewProposal,
    ReviewState,
)
from amity.organizations.choices import LineageEventKind, OrganizationStatus
from amity.organizations.models import LineageEvent, Organization

#: the dormant board's period without activity, in months
DEFAULT_DORMANT_MONTHS = 12
MIN_DORMANT_MONTHS, MAX_DORMANT_MONTHS = 1, 120
#: organizations that can still be reviewed: not ended
LIVE_STATUSES = (OrganizationStatus.ACTIVE, OrganizationStatus.SUSPENDED)


class ReviewWriter(Writer):
    """A decided review is fixed: only its workflow wrote the decision."""

    fixed_fields = ("organization",)

    def change_refusal(self, record, user) -> str | None:
        if record.pk and record.state == ReviewState.DECIDED:
            return _("A decided review cannot be changed.")
        return None


def _locked(review: Review) -> Review:
    return Review.objects.select_for_update().get(pk=review.pk)


def decide_review(review: Review, *, by) -> Review:
    """Fix the review's assessment and proposal as decided, by `by` (who must be able to edit
    it). Refused, with nothing written, when it is decided already or says nothing to decide."""
    if not can_edit(by, review):
        raise PermissionDenied(_("You may not decide this review."))
    with transaction.atomic():
        current = _locked(review)
        if current.state == ReviewState.DECIDED:
            raise ValidationError(_("This review is decided already."))
        missing = {}
        if not current.assessment:
            missing["assessment"] = _("Give the assessment before deciding.")
        if not current.proposal:
            missing["proposal"] = _("Give the proposal before deciding.")
        if missing:
            raise ValidationError(missing)
        current.state = ReviewState.DECIDED
        current.decided_on = timezone.localdate()
        current.decided_by = by
        current._history_user = by
        current.save()
    return current


def reopen_review(review: Review, *, by) -> Review:
    """Take a decided review back to draft (a correction before its lifecycle step): only by
    someone who sees everything (the centre), and only while the organization is still alive."""
    if not (by.is_authenticated and by.edits_everything):
        raise PermissionDenied(_("Only the centre may reopen a decided review."))
    with transaction.atomic():
        current = _locked(review)
        if current.state != ReviewState.DECIDED:
            raise ValidationError(_("Only a decided review can be reopened."))
        if current.organization.status not in LIVE_STATUSES:
            raise ValidationError(
                _("The organization has ended: its review stays as it was decided.")
            )
        current.state = ReviewState.DRAFT
        current.decided_on = None
        current.decided_by = None
        current._history_user = by
        current.save()
    return current


@dataclass
class LifecycleStep:
    """The registry's step a decided review leads to: where it is and what it sends."""

    label: str
    url: str
    method: str  # "get": a link to a prefilled form; "post": a form posted to its preview
    fields: dict[str, str]


def decision_text(review: Review) -> str:
    return _("Yearly review %(year)s of %(organization)s: %(proposal)s") % {
        "year": review.year,
        "organization": review.organization,
        "proposal": review.get_proposal_display().lower(),
    }


def lifecycle_recorded(review: Review) -> LineageEvent | None:
    """The termination or merger of the reviewed organization the registry has recorded since
    the review's period began (the step its proposal led to), if any."""
    if not review.leads_to_lifecycle:
        return None
    return (
        LineageEvent.objects.filter(
            organization_id=review.organization_id,
            kind__in=(LineageEventKind.TERMINATED, LineageEventKind.MERGED),
            occurred_on__gte=review.period_start,
        )
        .order_by("occurred_on", "pk")
        .first()
    )


def lifecycle_step(review: Review, recorded: LineageEvent | None = None) -> LifecycleStep | None:
    """The registry's lifecycle step a decided proposal to terminate or merge leads to, prefilled
    from the review: the "terminated" lineage event's form, or the merger's preview. None for
    any other review, once the step is `recorded`, and once the organization has ended."""
    if not review.leads_to_lifecycle or recorded is not None:
        return None
    if review.organization.status not in LIVE_STATUSES:
        return None
    today = timezone.localdate()
    if review.proposal == ReviewProposal.TERMINATE:
        fields = {
            "organization": str(review.organization_id),
            "kind": LineageEventKind.TERMINATED,
            "occurred_on": today.strftime("%d/%m/%Y"),
            "decision": decision_text(review),
        }
        url = f"{reverse('organizations:lineageevent_add')}?{urlencode(fields)}"
        return LifecycleStep(_("Record the termination"), url, "get", {})
    fields = {
        "sources": str(review.organization_id),
        "successor": str(review.merge_into_id or ""),
        "occurred_on": today.strftime("%d/%m/%Y"),
        "decision": decision_text(review),
    }
    return LifecycleStep(_("Prepare the merger"), reverse("organizations:merge"), "post", fields)


# --- the activity profile -------------------------------------------------------------------------


def profile(organization: Organization, start: date, end: date) -> Facts:
    """The activity profile of one organization over a period: its facts, computed now."""
    return activity_facts([organization], start, end)[organization.pk]


def member_organizations(user):
    """The member organizations (central associations, provincial Unions) `user` may see that
    have not ended: the central associations, then the Unions, each by name as the page reads it
    (Vietnamese alphabetical order, whatever the database's collation)."""
    members = Organization.objects.visible_to(user).filter(
        kind__in=MEMBER_KINDS, status__in=LIVE_STATUSES
    )
    by_name = sorted_by_name(members, lambda organization: organization.display_name)
    return sorted(by_name, key=lambda organization: MEMBER_KINDS.index(organization.kind))


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day where it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class DormantRow:
    organization: Organization
    last: dict[str, date | None]
    latest: date | None
    review: Review | None


def dormant_organizations(user, months: int, today: date | None = None) -> list[DormantRow]:
    """The member organizations `user` sees whose records show no activity in any source for
    `months` months up to `today`, with the last activity per source and their review of the
    year, if one is visible: least recently active first (never active at the top)."""
    today = today or timezone.localdate()
    since = months_before(today, months)
    organizations = member_organizations(user)
    last = last_activity(organizations, until=today)
    reviews = {
        review.organization_id: review
        for review in Review.objects.visible_to(user).filter(
            organization__in=[organization.pk for organization in organizations],
            year=today.year,
        )
    }
    rows = []
    for organization in organizations:
        latest = latest_of(last[organization.pk])
        if latest is None or latest < since:
            rows.append(
                DormantRow(
                    organization, last[organization.pk], latest, reviews.get(organization.pk)
                )
            )
    return sorted(rows, key=lambda row: (row.latest or date.min, row.organization.name))


@dataclass
class YearRow:
    organization: Organization
    facts: Facts
    review: Review | None


def review_year(user, year: int) -> list[YearRow]:
    """Every member organization `user` sees, its profile over the year and its review of the
    year (if `user` may see it): one query per source, whatever the number of organizations."""
    organizations = member_organizations(user)
    facts = activity_facts(organizations, date(year, 1, 1), date(year, 12, 31))
    reviews = {
        review.organization_id: review
        for review in Review.objects.visible_to(user).filter(
            organization__in=[organization.pk for organization in organizations], year=year
        )
    }
    return [
        YearRow(organization, facts[organization.pk], reviews.get(organization.pk))
        for organization in organizations
    ]
