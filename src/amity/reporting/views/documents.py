"""One submission as a document (Word, or a page to print), offline as a workbook to fill and
upload again, and the files attached to it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from amity.core.downloads import DOCX, XLSX, download
from amity.core.exports import export_filename
from amity.core.scoping import can_edit
from amity.reporting import forms, imports, models, services
from amity.reporting.report import submission_context, submission_docx
from amity.reporting.views.submissions import submission_or_404


def _basename(submission) -> str:
    return f"{submission.organization} {submission.period.label}"


@login_required
def submission_document(request, pk):
    """One submission in the layout of the form, as a Word document (docxtpl template)."""
    submission = submission_or_404(request, pk)
    name = export_filename(_basename(submission), "docx")
    return download(submission_docx(submission), name, DOCX)


@login_required
def submission_print(request, pk):
    """The same as a page to print, or to save as PDF from the browser's print dialogue."""
    submission = submission_or_404(request, pk)
    context = {"submission": submission, "document": submission_context(submission)}
    return render(request, "reporting/submission_print.html", context)


@login_required
def submission_workbook(request, pk):
    """The workbook to fill the submission offline."""
    submission = submission_or_404(request, pk)
    name = export_filename(_basename(submission), "xlsx")
    return download(imports.submission_workbook(submission), name, XLSX)


@login_required
def submission_workbook_upload(request, pk):
    """The filled workbook sent back: checked in full, written all at once or not at all."""
    submission = submission_or_404(request, pk, edit=True)
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
                messages.success(
                    request,
                    ngettext(
                        "The workbook was imported: %(count)s value checked.",
                        "The workbook was imported: %(count)s values checked.",
                        len(result.saved),
                    )
                    % {"count": len(result.saved)},
                )
                return redirect("reporting:entry", pk=submission.pk)
            form.add_error(
                "workbook", _("Nothing was imported: correct these rows and upload again.")
            )
            problems = list(result.errors.values())
            conflicts = list(result.conflicts.values())
    return render(
        request,
        "reporting/workbook_upload.html",
        {
            "submission": submission,
            "form": form,
            "refusal": refusal,
            "problems": problems,
            "conflicts": conflicts,
        },
    )


# --- attachments --------------------------------------------------------------------------------


@login_required
@require_POST
def attachment_upload(request, pk):
    submission = submission_or_404(request, pk, edit=True)
    form = forms.AttachmentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
        return redirect(submission.get_absolute_url())
    try:
        attachment = services.add_attachment(
            submission,
            form.cleaned_data["upload"],
            title=form.cleaned_data["title"],
            by=request.user,
        )
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
    """The attached file, for those who may see its submission; always as a download. Streamed
    from the media directory by Django's FileResponse, which names it as `download` does."""
    attachment = get_object_or_404(models.Attachment.objects.visible_to(request.user), pk=pk)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404 from missing
    content_type = attachment.content_type or "application/octet-stream"
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=content_type
    )
