"""The yearly review's pages: the reviews (generic), a review's page with the organization's
activity profile and the decision, an organization's profile for a chosen period, the dormant
organizations board and the review year's table (with its XLSX export)."""

import io
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from amity.core.dates import MAX_YEAR, MIN_YEAR
from amity.core.downloads import XLSX, download
from amity.core.exports import SafeWorkbook, export_filename
from amity.core.scoping import can_edit
from amity.core.views import ModelViews
from amity.emulation import models, review_services
from amity.emulation.facts import FACT_KEYS, SOURCES, activity_facts
from amity.emulation.filtersets.review import ReviewFilterSet
from amity.emulation.forms.review import ReviewForm
from amity.emulation.imports.review import ReviewResource
from amity.emulation.tables.review import ReviewTable
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization

#: the facts the review year's table shows side by side (the others are on each profile)
YEAR_COLUMNS = (
    "reports_submitted",
    "reports_on_time",
    "events_organised",
    "conferences_joined",
    "partners_engaged",
    "aid_committed_usd",
    "aid_disbursed_usd",
    "proposals_raised",
    "proposals_answered",
    "committee_attendance_rate",
    "staffing_rate",
)
#: the longest period a profile covers, in days (ten years): a wider one is refused
LONGEST_PROFILE_DAYS = 3660


class ReviewViews(ModelViews):
    model = models.Review
    table = ReviewTable
    filterset = ReviewFilterSet
    form = ReviewForm
    resource = ReviewResource
    detail_template = "emulation/review/review_detail.html"
    list_select_related = ("organization",)
    detail_select_related = ("organization", "reviewer", "merge_into", "decided_by")
    list_actions = (
        (gettext_lazy("Dormant organizations"), "emulation:review_dormant", "moon"),
        (gettext_lazy("Review year"), "emulation:review_year", "table"),
    )

    @classmethod
    def urls(cls):
        return [
            path("reviews/dormant/", dormant, name="review_dormant"),
            path("reviews/year/", review_year, name="review_year"),
            path("profiles/<int:pk>/", organization_profile, name="review_profile"),
            path("reviews/<int:pk>/decide/", decide, name="review_decide"),
            path("reviews/<int:pk>/reopen/", reopen, name="review_reopen"),
            *super().urls(),
        ]

    @classmethod
    def detail_context(cls, obj, request, tab):
        facts = review_services.profile(obj.organization, obj.period_start, obj.period_end)
        user = request.user
        recorded = review_services.lifecycle_recorded(obj)
        step = review_services.lifecycle_step(obj, recorded) if can_edit(user, obj) else None
        return {
            "profile_rows": profile_rows(facts),
            "lifecycle": step,
            "lifecycle_recorded": recorded,
            "may_decide": not obj.is_decided and can_edit(user, obj),
            "may_reopen": obj.is_decided and user.edits_everything,
        }


def profile_rows(facts) -> list[tuple]:
    """(label, value, link) of every fact of a profile, in FACT_KEYS order."""
    return [(label, facts.value(key), facts.link(key)) for key, label in FACT_KEYS]


# --- the workflow ---------------------------------------------------------------------------------


def _visible_review(request, pk):
    return get_object_or_404(models.Review.objects.visible_to(request.user), pk=pk)


def _step(request, pk, step):
    review = _visible_review(request, pk)
    try:
        step(review)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Saved: %(object)s") % {"object": review})
    return redirect(review.get_absolute_url())


@login_required
@require_POST
def decide(request, pk):
    return _step(request, pk, lambda review: review_services.decide_review(review, by=request.user))


@login_required
@require_POST
def reopen(request, pk):
    return _step(request, pk, lambda review: review_services.reopen_review(review, by=request.user))


# --- an organization's profile for a chosen period ---------------------------------------------


class PeriodForm(forms.Form):
    start = forms.DateField(label=gettext_lazy("from"), required=False)
    end = forms.DateField(label=gettext_lazy("until"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        for name in ("start", "end"):
            day = cleaned.get(name)
            if day and not MIN_YEAR <= day.year <= MAX_YEAR:
                self.add_error(name, _("Enter a date between 1900 and 2200."))
        if start and end and end < start:
            self.add_error("end", _("The period ends before it starts."))
        elif start and end and (end - start).days > LONGEST_PROFILE_DAYS:
            self.add_error("end", _("A profile covers at most ten years."))
        return cleaned


@login_required
def organization_profile(request, pk):
    """The activity profile of an organization the user sees, for the period chosen (by default
    the last twelve months)."""
    organization = get_object_or_404(Organization.objects.visible_to(request.user), pk=pk)
    today = timezone.localdate()
    form = PeriodForm(request.GET or None)
    start, end = review_services.months_before(today, 12), today
    status = 200
    if form.is_bound:
        if form.is_valid():
            start = form.cleaned_data["start"] or start
            end = form.cleaned_data["end"] or end
            if end < start:
                form.add_error("end", _("The period ends before it starts."))
                status = 400
        else:
            status = 400
    facts = activity_facts([organization], start, end)[organization.pk] if status == 200 else None
    return render(
        request,
        "emulation/review/profile.html",
        {
            "organization": organization,
            "form": form,
            "start": start,
            "end": end,
            "rows": profile_rows(facts) if facts else [],
            "reviews": models.Review.objects.visible_to(request.user)
            .filter(organization=organization)
            .order_by("-year"),
        },
        status=status,
    )


# --- the dormant board ----------------------------------------------------------------------------


class DormantForm(forms.Form):
    months = forms.IntegerField(
        label=gettext_lazy("no activity for (months)"),
        min_value=review_services.MIN_DORMANT_MONTHS,
        max_value=review_services.MAX_DORMANT_MONTHS,
        required=False,
    )


@login_required
def dormant(request):
    """The member organizations with no activity in the records for N months, with the last
    activity per source, to start a review from the facts."""
    form = DormantForm(request.GET or None)
    months, status = review_services.DEFAULT_DORMANT_MONTHS, 200
    if form.is_bound:
        if form.is_valid():
            months = form.cleaned_data["months"] or months
        else:
            status = 400
    today = timezone.localdate()
    year = today.year
    rows = (
        review_services.dormant_organizations(request.user, months, today) if status == 200 else []
    )
    reviewer = reviewer_for(request.user)
    return render(
        request,
        "emulation/review/dormant.html",
        {
            "form": form,
            "months": months,
            "since": review_services.months_before(today, months),
            "rows": [
                (row, [row.last[key] for key, _label in SOURCES], _add_url(row, year, reviewer))
                for row in rows
            ],
            "sources": SOURCES,
            "year": year,
        },
        status=status,
    )


def _add_url(row, year: int, reviewer: Organization | None) -> str:
    """Where to start the row's review for the year: none when it has one, or when the user
    may not review it."""
    if row.review is not None or reviewer is None:
        return ""
    return review_add_url(row.organization.pk, year, reviewer)


def reviewer_for(user) -> Organization | None:
    """The reviewer of the member organizations when `user` may write its reviews: the central
    Union (one query)."""
    if not ReviewViews.may_add(user):
        return None
    return (
        Organization.objects.editable_by(user)
        .filter(kind=OrganizationKind.CENTRAL_UNION, parent__isnull=True)
        .first()
    )


# --- the review year ------------------------------------------------------------------------------


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("year"), min_value=MIN_YEAR, max_value=MAX_YEAR, required=False
    )


@login_required
def review_year(request):
    """Every member organization the user sees, its profile figures for the year side by side
    and its review's state; `?export=xlsx` gives the same table as a workbook."""
    form = YearForm({"year": request.GET.get("year", "")} if "year" in request.GET else None)
    year, status = timezone.localdate().year, 200
    if form.is_bound:
        if form.is_valid():
            year = form.cleaned_data["year"] or year
        else:
            status = 400
    rows = review_services.review_year(request.user, year) if status == 200 else []
    reviewer = reviewer_for(request.user)
    labels = dict(FACT_KEYS)
    columns = [(key, labels[key]) for key in YEAR_COLUMNS]
    if request.GET.get("export") == "xlsx" and status == 200:
        return download(
            year_workbook(rows, columns, year), export_filename(f"review-{year}", "xlsx"), XLSX
        )
    return render(
        request,
        "emulation/review/year.html",
        {
            "form": form,
            "year": year,
            "columns": columns,
            "rows": [
                (
                    row,
                    [(row.facts.value(key), row.facts.link(key)) for key in YEAR_COLUMNS],
                    _add_url(row, year, reviewer),
                )
                for row in rows
            ],
        },
        status=status,
    )


def year_workbook(rows, columns, year: int) -> bytes:
    workbook = SafeWorkbook(write_only=True)
    sheet = workbook.create_sheet(str(year))
    sheet.append(
        [
            _("Organization"),
            _("Kind"),
            *[str(label) for _key, label in columns],
            _("Assessment"),
            _("Proposal"),
            _("State"),
        ]
    )
    for row in rows:
        review = row.review
        sheet.append(
            [
                str(row.organization),
                row.organization.get_kind_display(),
                *[_cell(row.facts.value(key)) for key, _label in columns],
                review.get_assessment_display() if review else "",
                review.get_proposal_display() if review else "",
                review.get_state_display() if review else _("Not reviewed"),
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value):
    """A number as a spreadsheet keeps it (a decimal as a float; nothing known: empty)."""
    if value is None:
        return None
    return float(value) if not isinstance(value, int) else value


def review_add_url(organization_id: int, year: int, reviewer: Organization | None) -> str:
    """The form of a new review of the organization for the year, by the centre."""
    query = urlencode(
        {"organization": organization_id, "year": year, "reviewer": reviewer.pk if reviewer else ""}
    )
    return f"{reverse('emulation:review_add')}?{query}"
