"""Submissions and what they hold (values, review comments, attachments); the data-entry page
and the workflow's steps (start, submit, review)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from amity.core.scoping import can_edit, organization_in_scope
from amity.core.views import ModelViews, ObjectEditView
from amity.reporting import filtersets, forms, imports, models, services, tables
from amity.reporting.choices import IndicatorType, SubmissionState


class SubmissionViews(ModelViews):
    model = models.Submission
    plural = "submissions"
    table = tables.SubmissionTable
    filterset = filtersets.SubmissionFilterSet
    form = forms.SubmissionForm
    resource = imports.SubmissionResource
    detail_template = "reporting/submission_detail.html"
    list_select_related = ("organization", "period__form")
    detail_select_related = (
        "organization",
        "period__form",
        "form_version__form",
        "submitted_by",
        "returned_by",
        "approved_by",
    )

    @classmethod
    def detail_context(cls, obj, request, tab):
        user = request.user
        editable = can_edit(user, obj)
        return {
            "sections": services.entry_sections(obj),
            "attachments": obj.attachments.all(),
            "upload_form": forms.AttachmentUploadForm(),
            "comments": obj.comments.select_related("indicator", "author"),
            "problems": services.check_submission(obj) if obj.is_editable else [],
            "refusal": services.entry_refusal(obj),
            "may_enter": editable and not services.entry_refusal(obj),
            "may_review": services.may_review(user, obj) and obj.state == SubmissionState.SUBMITTED,
            "late": services.is_late(obj),
        }


class ValueViews(ModelViews):
    model = models.Value
    plural = "report-values"
    table = tables.ValueTable
    filterset = filtersets.ValueFilterSet
    form = forms.ValueForm
    resource = imports.ValueResource
    list_select_related = ("indicator", "submission__organization", "submission__period__form")
    detail_select_related = ("indicator", "submission__organization", "submission__period__form")


class ReviewCommentViews(ModelViews):
    model = models.ReviewComment
    plural = "review-comments"
    table = tables.ReviewCommentTable
    filterset = filtersets.ReviewCommentFilterSet
    form = forms.ReviewCommentForm
    resource = imports.ReviewCommentResource
    list_select_related = ("indicator", "submission__organization", "submission__period__form")
    detail_select_related = ("indicator", "submission__organization", "submission__period__form")


class AttachmentEditView(ObjectEditView):
    """The generic edit page, sending its file as multipart form data."""

    template_name = "reporting/attachment_edit.html"


class AttachmentViews(ModelViews):
    model = models.Attachment
    plural = "submission-attachments"
    table = tables.AttachmentTable
    filterset = filtersets.AttachmentFilterSet
    form = forms.AttachmentForm
    resource = imports.AttachmentResource
    detail_template = "reporting/attachment_detail.html"
    list_select_related = ("submission__organization", "submission__period__form")
    detail_select_related = ("submission__organization", "submission__period__form")

    @classmethod
    def delete_blockers(cls, obj) -> list[str]:
        refusal = services.entry_refusal(obj.submission)
        return [refusal] if refusal else []

    @classmethod
    def urls(cls) -> list:
        edit = cls.view(AttachmentEditView)
        return [
            path(str(pattern.pattern), edit, name=pattern.name)
            if pattern.name in ("attachment_add", "attachment_edit")
            else pattern
            for pattern in super().urls()
        ]


def submission_or_404(request, pk, *, edit=False):
    """The submission `pk` as `request`'s user sees it (404 otherwise); with `edit`, one it may
    change (403 otherwise)."""
    submission = get_object_or_404(
        models.Submission.objects.visible_to(request.user).select_related(
            "organization", "period__form", "form_version__form"
        ),
        pk=pk,
    )
    if edit and not can_edit(request.user, submission):
        raise PermissionDenied
    return submission


# --- the data-entry page ------------------------------------------------------------------------


@login_required
def entry(request, pk):
    """The form to fill: sections, an input per indicator, totals as one types, autosave.

    After a refused submit (`?problems=1`) the fields of each broken rule are marked, with
    the problems listed at the top and linked to them."""
    submission = submission_or_404(request, pk, edit=True)
    refusal = services.entry_refusal(submission)
    result = services.EntryResult()
    raw: dict = {}
    problems: list = []
    if request.method == "POST" and not refusal:
        posted = forms.EntriesForm(request.POST)
        entries = posted.entries()
        raw = {key: entry.raw for key, entry in entries.items()}
        result = _save_entries(submission, posted, request.user)
        if result.ok:
            if "submit" in request.POST:
                return _submit_and_say(request, submission, saved=True)
            messages.success(request, _("Saved."))
            return redirect("reporting:entry", pk=submission.pk)
        messages.error(request, _("Nothing was saved: correct the fields marked below."))
    elif request.GET.get("problems") and not refusal:
        problems = [problem for problem in services.check_submission(submission) if problem.blocks]
    sections = services.entry_sections(submission)
    marks = _problem_marks(problems)
    autosave_url = "" if refusal else reverse("reporting:entry_field", args=[submission.pk])
    for section in sections:
        section.fields = [
            _field_context(item, value, result, raw, autosave_url, marks)
            for item, value in section.rows
        ]
    return render(
        request,
        "reporting/entry.html",
        {
            "submission": submission,
            "sections": sections,
            "refusal": refusal,
            "summary": _error_summary(sections, result, problems),
            "comments": submission.comments.filter(resolved=False).select_related("indicator"),
        },
    )


def _problem_marks(problems) -> dict[int, list[str]]:
    """indicator id → the messages of the problems about it (both sides of a broken rule)."""
    marks: dict[int, list[str]] = {}
    for problem in problems:
        for indicator_id in problem.indicator_ids:
            marks.setdefault(indicator_id, []).append(problem.message)
    return marks


def _error_summary(sections, result, problems) -> list[dict]:
    """The list at the top of the form: each problem with links to the fields it is about."""
    indicators = {
        item.indicator_id: item.indicator for section in sections for item, _value in section.rows
    }
    summary = [
        {"message": message, "fields": [indicators[pk]] if pk in indicators else []}
        for pk, message in result.errors.items()
    ]
    summary += [
        {
            "message": problem.message,
            "fields": [indicators[pk] for pk in problem.indicator_ids if pk in indicators],
        }
        for problem in problems
    ]
    return summary


def _submit_and_say(request, submission, *, saved: bool):
    """Submit `submission`; on a refusal, one message that says what happened and the entry
    page with the fields at fault marked."""
    try:
        services.submit_submission(submission, by=request.user)
    except services.WorkflowRefused as refusal:
        messages.error(request, _not_submitted(refusal, saved))
        url = reverse("reporting:entry", args=[submission.pk])
        return redirect(f"{url}?problems=1#entry-summary" if refusal.problems else url)
    messages.success(request, _("Saved and submitted.") if saved else _("Submitted."))
    return redirect(submission.get_absolute_url())


def _not_submitted(refusal, saved: bool) -> str:
    count = len(refusal.problems)
    if count:
        reason = ngettext(
            "%(count)s problem must be corrected first; it is listed below.",
            "%(count)s problems must be corrected first; they are listed below.",
            count,
        ) % {"count": count}
    else:
        reason = str(refusal)
    if saved:
        return _("Saved, but not submitted: %(reason)s") % {"reason": reason}
    return _("Not submitted: %(reason)s") % {"reason": reason}


def _save_entries(submission, posted, user) -> services.EntryResult:
    """Save what was posted, all of it or nothing: a field that could not be read is an error."""
    unreadable = posted.indicator_errors()
    if unreadable:
        return services.EntryResult(errors=unreadable)
    return services.save_entries(submission, posted.entries(), by=user)


def _field_context(item, value, result, raw, url="", marks=None) -> dict:
    indicator_id = item.indicator_id
    conflict = result.conflicts.get(indicator_id)
    target = f"#field-{indicator_id}"
    # Each field posts itself (with its version and explanation) when one leaves it, and is
    # replaced by the answer: saved, or its error, or the other person's value.
    autosave = ""
    if url:
        autosave = format_html(
            'hx-post="{url}" hx-trigger="change" hx-target="{target}" hx-swap="outerHTML" '
            'hx-include="{target}" hx-params="i-{id},v-{id},c-{id}" '
            'hx-sync="#entry-form:queue all"',
            url=url,
            target=target,
            id=indicator_id,
        )
    error = result.errors.get(indicator_id) or " ".join((marks or {}).get(indicator_id, []))
    return {
        "autosave": autosave,
        "item": item,
        "indicator": item.indicator,
        "value": value,
        "shown": raw.get(indicator_id, _shown(item.indicator, value)),
        "version": value.version if value else 0,
        "error": error,
        "conflict": conflict,
        "aria": _described(item.indicator, error),
    }


def _described(indicator, error) -> str:
    """The control's aria attributes: marked invalid, and described by its help and error."""
    described = [f"help-{indicator.pk}"] if indicator.total_codes else []
    if error:
        described.append(f"error-{indicator.pk}")
    if error:
        return format_html('aria-invalid="true" aria-describedby="{}"', " ".join(described))
    return format_html('aria-describedby="{}"', " ".join(described)) if described else ""


def _shown(indicator, value) -> str:
    if value is None:
        return ""
    if value.number is not None:
        return value.display if indicator.type != IndicatorType.BOOLEAN else str(int(value.number))
    return value.text


@login_required
@require_POST
def entry_field(request, pk):
    """Autosave of one field (htmx): the field again, saved or with its error or conflict."""
    submission = submission_or_404(request, pk, edit=True)
    posted = forms.EntriesForm(request.POST)
    if len(posted.indicator_ids) != 1:
        return HttpResponse(status=400)
    indicator_id = posted.indicator_ids[0]
    try:
        result = _save_entries(submission, posted, request.user)
    except services.WorkflowRefused as refusal:
        result = services.EntryResult(errors={indicator_id: str(refusal)})
    item = get_object_or_404(
        models.SectionItem.objects.select_related("indicator"),
        section__form_version=submission.form_version,
        indicator_id=indicator_id,
    )
    value = models.Value.objects.filter(submission=submission, indicator_id=indicator_id).first()
    raw = {} if result.ok else {indicator_id: request.POST[f"i-{indicator_id}"]}
    url = reverse("reporting:entry_field", args=[submission.pk])
    context = {"field": _field_context(item, value, result, raw, url), "saved": result.ok}
    return render(request, "reporting/entry_field.html", context)


# --- the workflow -------------------------------------------------------------------------------


@login_required
@require_POST
def submit(request, pk):
    submission = submission_or_404(request, pk, edit=True)
    return _submit_and_say(request, submission, saved=False)


@login_required
@require_POST
def review(request, pk):
    """Approve a submitted report, or return it with comments on the fields at fault."""
    submission = submission_or_404(request, pk)
    if not services.may_review(request.user, submission):
        raise PermissionDenied
    indicators = services.version_indicators(submission.form_version).in_bulk()
    form = forms.ReviewForm(request.POST, indicators=indicators)
    try:
        if form.approves:
            services.approve_submission(submission, by=request.user)
            messages.success(request, _("Approved."))
        else:
            services.return_submission(submission, by=request.user, comments=form.comments())
            messages.success(request, _("Returned for correction."))
    except services.WorkflowRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(submission.get_absolute_url())


@login_required
@require_POST
def start(request, pk):
    """Start this period's submission of the user's organization (or of one it may edit)."""
    period = get_object_or_404(models.Period.objects.visible_to(request.user), pk=pk)
    form = forms.StartForm(request.POST, user=request.user)
    if not form.is_valid():
        raise Http404
    organization = form.cleaned_data["organization"] or request.user.organization
    if organization is None or not organization_in_scope(request.user, organization):
        raise PermissionDenied
    try:
        submission = services.start_submission(organization, period, by=request.user)
    except services.WorkflowRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(period.get_absolute_url())
    return redirect("reporting:entry", pk=submission.pk)
