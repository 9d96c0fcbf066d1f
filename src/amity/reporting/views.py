from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from amity.core.exports import EXPORT_FORMATS, export_filename
from amity.core.exports import render as render_rows
from amity.core.scoping import can_edit, organization_in_scope
from amity.core.views import ModelViews, ObjectEditView, editable_object
from amity.organizations.models import Organization
from amity.reporting import (
    completeness,
    consolidation,
    filtersets,
    forms,
    imports,
    models,
    services,
    tables,
)  # fmt: skip
from amity.reporting.choices import SubmissionState


class IndicatorViews(ModelViews):
    model = models.Indicator
    plural = "indicators"
    table = tables.IndicatorTable
    filterset = filtersets.IndicatorFilterSet
    form = forms.IndicatorForm
    resource = imports.IndicatorResource
    protected_relations = ("values", "section_items")


class FormViews(ModelViews):
    model = models.Form
    plural = "report-forms"
    table = tables.FormTable
    filterset = filtersets.FormFilterSet
    form = forms.ReportingFormForm
    resource = imports.FormResource
    detail_template = "reporting/form_detail.html"
    list_select_related = ("organization",)
    protected_relations = ("versions", "periods")
    list_actions = (
        (gettext_lazy("Indicators"), "reporting:indicator_list", "123"),
        (gettext_lazy("Periods"), "reporting:period_list", "calendar3"),
        (gettext_lazy("Submissions"), "reporting:submission_list", "inbox"),
        (gettext_lazy("Consolidated figures"), "reporting:consolidation", "table"),
    )

    @classmethod
    def detail_context(cls, obj, request):
        return {
            "versions": obj.versions.all(),
            "periods": obj.periods.all()[:40],
            "assigned": services.assigned_organizations(obj).count(),
        }


class FormVersionViews(ModelViews):
    model = models.FormVersion
    plural = "form-versions"
    table = tables.FormVersionTable
    filterset = filtersets.FormVersionFilterSet
    form = forms.FormVersionForm
    resource = imports.FormVersionResource
    detail_template = "reporting/formversion_detail.html"
    list_select_related = ("form",)
    detail_select_related = ("form",)
    protected_relations = ("submissions",)

    @classmethod
    def detail_context(cls, obj, request):
        sections = models.Section.objects.filter(form_version=obj).prefetch_related(
            services._items_prefetch()
        )
        return {"sections": sections, "rules": obj.rules.select_related("left", "right")}


class SectionViews(ModelViews):
    model = models.Section
    plural = "form-sections"
    table = tables.SectionTable
    filterset = filtersets.SectionFilterSet
    form = forms.SectionForm
    resource = imports.SectionResource
    list_select_related = ("form_version__form",)
    detail_select_related = ("form_version__form",)

    @classmethod
    def after_save_url(cls, obj):
        return obj.form_version.get_absolute_url()


class SectionItemViews(ModelViews):
    model = models.SectionItem
    plural = "section-items"
    table = tables.SectionItemTable
    filterset = filtersets.SectionItemFilterSet
    form = forms.SectionItemForm
    resource = imports.SectionItemResource
    list_select_related = ("section", "indicator")
    detail_select_related = ("section", "indicator")


class PeriodViews(ModelViews):
    model = models.Period
    plural = "report-periods"
    table = tables.PeriodTable
    filterset = filtersets.PeriodFilterSet
    form = forms.PeriodForm
    resource = imports.PeriodResource
    detail_template = "reporting/period_detail.html"
    list_select_related = ("form",)
    detail_select_related = ("form__organization",)
    protected_relations = ("submissions",)

    @classmethod
    def detail_context(cls, obj, request):
        user = request.user
        home = user.organization
        mine = None
        if home is not None:
            mine = models.Submission.objects.filter(period=obj, organization=home).first()
        return {
            "mine": mine,
            "may_start": mine is None and home is not None and user.may_edit,
            "reopenings": obj.reopenings.select_related("organization"),
            "may_manage": can_edit(user, obj),
            "organizations": services.assigned_organizations(obj.form),
        }


class ReopeningViews(ModelViews):
    model = models.Reopening
    plural = "reopenings"
    table = tables.ReopeningTable
    filterset = filtersets.ReopeningFilterSet
    form = forms.ReopeningForm
    resource = imports.ReopeningResource
    list_select_related = ("period__form", "organization")
    detail_select_related = ("period__form", "organization", "granted_by")

    @classmethod
    def after_save(cls, obj, user, created):
        if created:
            models.Reopening.objects.filter(pk=obj.pk).update(granted_by=user)


class ValidationRuleViews(ModelViews):
    model = models.ValidationRule
    plural = "validation-rules"
    table = tables.ValidationRuleTable
    filterset = filtersets.ValidationRuleFilterSet
    form = forms.ValidationRuleForm
    resource = imports.ValidationRuleResource
    list_select_related = ("form_version__form",)
    detail_select_related = ("form_version__form", "left", "right")


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
        "organization", "period__form", "form_version__form", "submitted_by", "returned_by",
        "approved_by",
    )  # fmt: skip

    @classmethod
    def after_save(cls, obj, user, created):
        if created:
            services.prefill_submission(obj, by=user)

    @classmethod
    def detail_context(cls, obj, request):
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

    @classmethod
    def after_save(cls, obj, user, created):
        if created:
            models.ReviewComment.objects.filter(pk=obj.pk).update(author=user)


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
            if pattern.name in ("attachment_add", "attachment_edit") else pattern
            for pattern in super().urls()
        ]  # fmt: skip


# --- the data-entry page ------------------------------------------------------------------------


def _submission(request, pk, *, edit=False):
    submission = get_object_or_404(
        models.Submission.objects.visible_to(request.user).select_related(
            "organization", "period__form", "form_version__form"
        ),
        pk=pk,
    )
    if edit and not can_edit(request.user, submission):
        raise PermissionDenied
    return submission


def _entries_from(post, indicator_ids) -> dict[int, services.Entry]:
    entries = {}
    for indicator_id in indicator_ids:
        if f"i-{indicator_id}" not in post:
            continue
        version = post.get(f"v-{indicator_id}", "0")
        comment = post.get(f"c-{indicator_id}")
        entries[indicator_id] = services.Entry(
            post[f"i-{indicator_id}"], int(version) if version.isdigit() else -1,
            None if comment is None else comment.strip(),
        )  # fmt: skip
    return entries


def _posted_ids(post) -> list[int]:
    return [int(key[2:]) for key in post if key.startswith("i-") and key[2:].isdigit()]


@login_required
def entry(request, pk):
    """The form to fill: sections, an input per indicator, totals as one types, autosave."""
    submission = _submission(request, pk, edit=True)
    refusal = services.entry_refusal(submission)
    result = services.EntryResult()
    raw = {}
    if request.method == "POST" and not refusal:
        entries = _entries_from(request.POST, _posted_ids(request.POST))
        raw = {key: entry.raw for key, entry in entries.items()}
        result = services.save_entries(submission, entries, by=request.user)
        if result.ok:
            messages.success(request, _("Saved."))
            if "submit" in request.POST:
                return submit(request, pk)
            return redirect("reporting:entry", pk=submission.pk)
        messages.error(request, _("Nothing was saved: correct the fields marked below."))
    sections = services.entry_sections(submission)
    autosave_url = "" if refusal else reverse("reporting:entry_field", args=[submission.pk])
    for section in sections:
        section.fields = [
            _field_context(item, value, result, raw, autosave_url) for item, value in section.rows
        ]
    return render(request, "reporting/entry.html", {
        "submission": submission, "sections": sections, "refusal": refusal,
        "comments": submission.comments.filter(resolved=False).select_related("indicator"),
    })  # fmt: skip


def _field_context(item, value, result, raw, url="") -> dict:
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
    return {
        "autosave": autosave,
        "item": item, "indicator": item.indicator, "value": value,
        "shown": raw.get(indicator_id, _shown(item.indicator, value)),
        "version": value.version if value else 0,
        "error": result.errors.get(indicator_id), "conflict": conflict,
    }  # fmt: skip


def _shown(indicator, value) -> str:
    if value is None:
        return ""
    if value.number is not None:
        return value.display if indicator.type != "boolean" else str(int(value.number))
    return value.text


@login_required
@require_POST
def entry_field(request, pk):
    """Autosave of one field (htmx): the field again, saved or with its error or conflict."""
    submission = _submission(request, pk, edit=True)
    ids = _posted_ids(request.POST)
    if len(ids) != 1:
        return HttpResponse(status=400)
    entries = _entries_from(request.POST, ids)
    try:
        result = services.save_entries(submission, entries, by=request.user)
    except services.WorkflowRefused as refusal:
        result = services.EntryResult(errors={ids[0]: str(refusal)})
    item = get_object_or_404(
        models.SectionItem.objects.select_related("indicator"),
        section__form_version=submission.form_version, indicator_id=ids[0],
    )  # fmt: skip
    value = models.Value.objects.filter(submission=submission, indicator_id=ids[0]).first()
    raw = {} if result.ok else {ids[0]: entries[ids[0]].raw}
    url = reverse("reporting:entry_field", args=[submission.pk])
    context = {"field": _field_context(item, value, result, raw, url), "saved": result.ok}
    return render(request, "reporting/entry_field.html", context)


# --- the workflow -------------------------------------------------------------------------------


@login_required
@require_POST
def submit(request, pk):
    submission = _submission(request, pk, edit=True)
    try:
        services.submit_submission(submission, by=request.user)
    except services.WorkflowRefused as refusal:
        messages.error(request, str(refusal))
        for problem in refusal.problems:
            messages.warning(request, problem.message)
        return redirect("reporting:entry", pk=submission.pk)
    messages.success(request, _("Submitted."))
    return redirect(submission.get_absolute_url())


@login_required
@require_POST
def review(request, pk):
    """Approve a submitted report, or return it with comments on the fields at fault."""
    submission = _submission(request, pk)
    if not services.may_review(request.user, submission):
        raise PermissionDenied
    try:
        if request.POST.get("action") == "approve":
            services.approve_submission(submission, by=request.user)
            messages.success(request, _("Approved."))
        else:
            indicators = services.version_indicators(submission.form_version).in_bulk()
            comments = [(None, request.POST.get("comment", ""))]
            for key, text in request.POST.items():
                if key.startswith("comment-") and key[8:].isdigit():
                    comments.append((indicators.get(int(key[8:])), text))
            services.return_submission(submission, by=request.user, comments=comments)
            messages.success(request, _("Returned for correction."))
    except services.WorkflowRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(submission.get_absolute_url())


@login_required
@require_POST
def start(request, pk):
    """Start this period's submission of the user's organization (or of one it may edit)."""
    period = get_object_or_404(models.Period.objects.visible_to(request.user), pk=pk)
    organization = request.user.organization
    chosen = request.POST.get("organization", "")
    if chosen.isdigit():
        organization = get_object_or_404(Organization.objects.visible_to(request.user), pk=chosen)
    if organization is None or not organization_in_scope(request.user, organization):
        raise PermissionDenied
    try:
        submission = services.start_submission(organization, period, by=request.user)
    except services.WorkflowRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(period.get_absolute_url())
    return redirect("reporting:entry", pk=submission.pk)


@login_required
@require_POST
def period_lock(request, pk):
    period = editable_object(models.Period.objects.visible_to(request.user), request.user, pk)
    services.set_period_lock(period, locked=request.POST.get("locked") == "1", by=request.user)
    messages.success(request, _("Locked.") if period.locked else _("Unlocked."))
    return redirect(period.get_absolute_url())


@login_required
@require_POST
def period_reopen(request, pk):
    period = editable_object(models.Period.objects.visible_to(request.user), request.user, pk)
    organization = (
        Organization.objects.visible_to(request.user)
        .filter(
            pk=request.POST.get("organization")
            if request.POST.get("organization", "").isdigit()
            else None
        )
        .first()
    )
    try:
        expires_on = date.fromisoformat(request.POST.get("expires_on", ""))
    except ValueError:
        expires_on = None
    if organization is None or expires_on is None:
        messages.error(request, _("Choose the organization and the date until which it is open."))
        return redirect(period.get_absolute_url())
    try:
        services.reopen_period(period, organization, reason=request.POST.get("reason", ""),
                               expires_on=expires_on, by=request.user)  # fmt: skip
    except (services.WorkflowRefused, services.ValidationError) as refusal:
        messages.error(request, " ".join(getattr(refusal, "messages", [str(refusal)])))
        return redirect(period.get_absolute_url())
    messages.success(request, _("Reopened for %(organization)s.") % {"organization": organization})
    return redirect(period.get_absolute_url())


@login_required
@require_POST
def version_action(request, pk, action):
    version = editable_object(models.FormVersion.objects.visible_to(request.user), request.user, pk)
    try:
        if action == "publish":
            services.publish_version(version, by=request.user)
            messages.success(request, _("Published."))
        else:
            version = services.copy_version(version, by=request.user)
            messages.success(request, _("A new draft version was made."))
    except services.WorkflowRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(version.get_absolute_url())


# --- the board and consolidated figures ---------------------------------------------------------


@login_required
def board(request, pk):
    period = get_object_or_404(
        models.Period.objects.visible_to(request.user).select_related("form"), pk=pk
    )
    version = services.current_version(period.form)
    if version is None:
        raise Http404
    data = completeness.completeness_board(version, period, request.user)
    return render(request, "reporting/board.html", {"period": period, "version": version,
                                                    "board": data})  # fmt: skip


@login_required
def consolidated(request):
    """Indicators added up across the tree and periods, pivoted, as a table or a workbook."""
    visible_forms = list(
        models.Form.objects.visible_to(request.user)
    )  # read once, for the menu too
    wanted = _int(request.GET.get("form"))
    form = next((f for f in visible_forms if f.pk == wanted), None) or next(
        iter(visible_forms), None
    )
    context = {"forms": visible_forms, "form": form, "by_choices": consolidation.BY_CHOICES,
               "boundary_choices": consolidation.BOUNDARY_CHOICES}  # fmt: skip
    if form is None:
        return render(request, "reporting/consolidation.html", context)
    periods_all = list(form.periods.all())
    chosen = {_int(value) for value in request.GET.getlist("period")}
    periods = [period for period in periods_all if period.pk in chosen] or periods_all[:1]
    version = services.current_version(form)
    indicators_all = list(services.version_indicators(version)) if version else []
    chosen = {_int(value) for value in request.GET.getlist("indicator")}
    indicators = [i for i in indicators_all if i.pk in chosen] or [
        i for i in indicators_all if i.is_numeric
    ]
    by = (
        request.GET.get("by")
        if request.GET.get("by") in dict(consolidation.BY_CHOICES)
        else "organization"
    )
    boundaries = "reported" if request.GET.get("boundaries") == "reported" else "current"
    pivot = consolidation.consolidate(request.user, indicators, periods, by=by,
                                      boundaries=boundaries)  # fmt: skip
    if request.GET.get("export") in EXPORT_FORMATS:
        file_format = request.GET["export"]
        response = HttpResponse(render_rows(iter(pivot.table()), file_format),
                                content_type=EXPORT_FORMATS[file_format])  # fmt: skip
        name = export_filename(_("consolidated figures"), file_format)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    chart = {**pivot.chart(), "by": by, "labels_text": {"indicator": _("Indicator"),
                                                       "total": _("Total")}}  # fmt: skip
    context.update(periods_all=periods_all, periods=Chosen(periods), indicators_all=indicators_all,
                   indicators=Chosen(indicators), by=by, boundaries=boundaries, pivot=pivot,
                   query=request.GET.urlencode(), chart=chart)  # fmt: skip
    return render(request, "reporting/consolidation.html", context)


class Chosen(list):
    """The chosen periods or indicators: the menus ask `{% if item in chosen %}` of each of their
    options, which on a plain list compares the option with every chosen model (6,400
    comparisons for 80 indicators); here it is one look-up of the primary key."""

    def __init__(self, items):
        super().__init__(items)
        self.keys = {item.pk for item in self}

    def __contains__(self, item):
        return getattr(item, "pk", None) in self.keys


def _int(value) -> int | None:
    value = str(value or "")
    return int(value) if value.isdigit() and len(value) < 12 else None


@login_required
def consolidated_report(request, pk):
    """The consolidated report of a period as a Word document (docxtpl template)."""
    from amity.reporting.report import consolidated_docx

    period = get_object_or_404(models.Period.objects.visible_to(request.user), pk=pk)
    content = consolidated_docx(period, request.user)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = export_filename(f"{period.form} {period.label}", "docx")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def reporting_home(request):
    return redirect(reverse("reporting:form_list"))


# --- one submission as a document, offline in Excel, and its attachments -----------------------

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _file_response(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _basename(submission) -> str:
    return f"{submission.organization} {submission.period.label}"


@login_required
def submission_document(request, pk):
    """One submission in the layout of the form, as a Word document (docxtpl template)."""
    from amity.reporting.report import submission_docx

    submission = _submission(request, pk)
    name = export_filename(_basename(submission), "docx")
    return _file_response(submission_docx(submission), DOCX, name)


@login_required
def submission_print(request, pk):
    """The same as a page to print, or to save as PDF from the browser's print dialogue."""
    from amity.reporting.report import submission_context

    submission = _submission(request, pk)
    context = {"submission": submission, "document": submission_context(submission)}
    return render(request, "reporting/submission_print.html", context)


@login_required
def submission_workbook(request, pk):
    """The workbook to fill the submission offline."""
    submission = _submission(request, pk)
    name = export_filename(_basename(submission), "xlsx")
    return _file_response(imports.submission_workbook(submission), EXPORT_FORMATS["xlsx"], name)


@login_required
def submission_workbook_upload(request, pk):
    """The filled workbook sent back: checked in full, written all at once or not at all."""
    submission = _submission(request, pk, edit=True)
    refusal = services.entry_refusal(submission)
    form = forms.WorkbookUploadForm(request.POST or None, request.FILES or None)
    problems, conflicts = [], []
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            result = imports.import_submission_workbook(
                submission, form.cleaned_data["workbook"].read(), by=request.user
            )
        except (imports.WorkbookRefused, services.WorkflowRefused) as refused:
            form.add_error("workbook", str(refused))
            problems = getattr(refused, "problems", [])
        else:
            if result.ok:
                messages.success(request, ngettext(
                    "The workbook was imported: %(count)s value checked.",
                    "The workbook was imported: %(count)s values checked.", len(result.saved),
                ) % {"count": len(result.saved)})  # fmt: skip
                return redirect("reporting:entry", pk=submission.pk)
            form.add_error("workbook", _("Nothing was imported: correct these rows and upload "
                                         "again."))  # fmt: skip
            problems = list(result.errors.values())
            conflicts = list(result.conflicts.values())
    return render(request, "reporting/workbook_upload.html", {
        "submission": submission, "form": form, "refusal": refusal, "problems": problems,
        "conflicts": conflicts,
    })  # fmt: skip


@login_required
@require_POST
def attachment_upload(request, pk):
    submission = _submission(request, pk, edit=True)
    form = forms.AttachmentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
        return redirect(submission.get_absolute_url())
    try:
        attachment = services.add_attachment(
            submission, form.cleaned_data["upload"], title=form.cleaned_data["title"],
            by=request.user,
        )  # fmt: skip
    except services.WorkflowRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Attached: %(name)s") % {"name": attachment.original_name})
    return redirect(submission.get_absolute_url())


@login_required
@require_POST
def attachment_remove(request, pk):
    attachment = get_object_or_404(
        models.Attachment.objects.visible_to(request.user).select_related("submission"), pk=pk
    )
    if not can_edit(request.user, attachment):
        raise PermissionDenied
    try:
        services.remove_attachment(attachment, by=request.user)
    except services.WorkflowRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Removed: %(name)s") % {"name": attachment.original_name})
    return redirect(attachment.submission.get_absolute_url())


@login_required
def attachment_download(request, pk):
    """The attached file, for those who may see its submission; always as a download."""
    attachment = get_object_or_404(models.Attachment.objects.visible_to(request.user), pk=pk)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404 from missing
    content_type = attachment.content_type or "application/octet-stream"
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=content_type
    )
