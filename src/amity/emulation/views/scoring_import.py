"""The import of a whole criteria table from one workbook (`imports.criteria_workbook`): upload,
see what it would create or change (a dry run, with every bad row), then confirm; and the
workbook of a table in the same layout (the template to fill in).

The uploaded file is kept on a `core.Job` between the check and the confirmation, seen only by
the user who uploaded it, and is read again through every check when it is confirmed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from amity.core.downloads import download
from amity.core.import_files import ImportFileError
from amity.core.models import Job
from amity.emulation.forms.scoring import CriteriaWorkbookForm
from amity.emulation.imports import criteria_workbook as workbook
from amity.emulation.models import CriteriaTable

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: what the job of this import is called (no model's label: it writes three)
JOB_LABEL = "emulation.criteria-workbook"


def _report_context(report: workbook.Report) -> dict:
    return {"report": report, "errors": [str(error) for error in report.errors]}


@login_required
def criteria_workbook_import(request):
    """Upload and check (a dry run) on the first post; `confirm=<job>` writes it."""
    if not request.user.may_edit:
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("confirm"):
        return _confirm(request, request.POST["confirm"])
    form = CriteriaWorkbookForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            report = workbook.import_workbook(content, request.user, dry_run=True)
        except ImportFileError as refused:
            form.add_error("file", str(refused))
        else:
            context.update(_report_context(report))
            if not report.errors:
                context["job"] = _keep(request.user, upload.name, content, report)
    return render(request, "emulation/scoring/criteria_import.html", context)


def _keep(user, name: str, content: bytes, report) -> Job:
    job = Job(
        user=user,
        kind=Job.Kind.IMPORT,
        model_label=JOB_LABEL,
        original_name=name[:255],
        file_format="xlsx",
        status=Job.Status.CHECKED,
        total_rows=report.criteria.new + report.criteria.updated + report.criteria.unchanged,
    )
    job.file.save("criteria.xlsx", ContentFile(content), save=False)
    job.save()
    return job


def _confirm(request, raw_pk: str):
    pk = int(raw_pk) if raw_pk.isascii() and raw_pk.isdigit() and len(raw_pk) < 12 else 0
    job = get_object_or_404(
        Job, pk=pk, user=request.user, model_label=JOB_LABEL, status=Job.Status.CHECKED
    )
    with job.file.open("rb") as handle:
        content = handle.read()
    try:
        report = workbook.import_workbook(content, request.user, dry_run=False)
    except ImportFileError as refused:
        report = workbook.Report(errors=[workbook.RowError("", 1, "A", str(refused))])
    job.status = Job.Status.DONE if report.written else Job.Status.FAILED
    job.summary = {"errors": [str(error) for error in report.errors]}
    job.save()
    if not report.written:
        context = {"form": CriteriaWorkbookForm(), **_report_context(report)}
        return render(request, "emulation/scoring/criteria_import.html", context)
    messages.success(
        request,
        _("Imported: %(tables)s new and %(updated)s updated tables, %(criteria)s new criteria.")
        % {
            "tables": report.tables.new,
            "updated": report.tables.updated,
            "criteria": report.criteria.new,
        },
    )
    first = (
        CriteriaTable.objects.visible_to(request.user)
        .filter(organization=request.user.organization, code__in=report.table_codes)
        .order_by("code")
        .first()
    )
    target = first.get_absolute_url() if first else reverse("emulation:criteriatable_list")
    return HttpResponseRedirect(target)


@login_required
def criteria_workbook_download(request, pk=None):
    """A table (one the user sees) in the import's layout, or the empty template."""
    tables = []
    name = "criteria-table-template.xlsx"
    if pk is not None:
        table = get_object_or_404(
            CriteriaTable.objects.visible_to(request.user).select_related("regulation"), pk=pk
        )
        tables, name = [table], f"criteria-table-{table.pk}.xlsx"
    return download(workbook.workbook_bytes(tables), name, XLSX)


def urls() -> list:
    return [
        path(
            "criteria-tables/import-workbook/",
            criteria_workbook_import,
            name="criteria_workbook_import",
        ),
        path(
            "criteria-tables/workbook-template.xlsx",
            criteria_workbook_download,
            name="criteria_workbook_template",
        ),
        path(
            "criteria-tables/<int:pk>/workbook.xlsx",
            criteria_workbook_download,
            name="criteria_workbook",
        ),
    ]
