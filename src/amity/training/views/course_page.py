"""The course page's second half: the attendance grid and its sheet, the results grid and the
certificates, the course's files. The grids are the organizer's; the files show each user the
participants it sees."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.core.downloads import XLSX, download
from amity.core.scoping import can_edit
from amity.training import attendance_services, documents, models, results_services
from amity.training.forms.course_page import (
    AttendanceRowForm,
    AttendanceUploadForm,
    ResultRowForm,
    grid_formset,
)

#: the largest attendance sheet read (a course's grid is a few hundred cells)
MAX_SHEET_BYTES = 2 * 1024 * 1024


def urls():
    return [
        path("courses/<int:pk>/attendance/", attendance, name="course_attendance"),
        path(
            "courses/<int:pk>/attendance/upload/",
            attendance_upload,
            name="course_attendance_upload",
        ),
        *(
            path(
                f"courses/<int:pk>/{kind}.xlsx",
                workbook,
                {"kind": kind},
                name=f"course_{kind}_xlsx",
            )
            for kind in WORKBOOKS
        ),
        path("courses/<int:pk>/results/", results, name="course_results"),
        path(
            "courses/<int:pk>/certificates/issue/",
            issue_certificates,
            name="course_issue_certificates",
        ),
        path("courses/<int:pk>/certificates.docx", certificates, name="course_certificates"),
        path("course-results/<int:pk>/certificate.docx", certificate, name="result_certificate"),
        path("course-results/<int:pk>/issue/", issue_certificate, name="result_issue"),
    ]


def _course(request, pk, *, organizer=False) -> models.Course:
    course = get_object_or_404(
        models.Course.objects.visible_to(request.user).select_related("organization"), pk=pk
    )
    if organizer and not can_edit(request.user, course):
        raise PermissionDenied(_("Only the course's organizer records attendance and results."))
    return course


def _stem(course: models.Course, what: str) -> str:
    return f"{what}-{course.pk}"


# --- attendance --------------------------------------------------------------------------------


@login_required
def attendance(request, pk):
    course = _course(request, pk, organizer=True)
    sessions = attendance_services.sessions_of(course)
    people = attendance_services.participants(course)
    present = attendance_services.present_cells(course)
    initial = [
        {
            "nomination": nomination.pk,
            "sessions": [s.pk for s in sessions if (nomination.pk, s.pk) in present],
        }
        for nomination in people
    ]
    data = request.POST if request.method == "POST" else None
    formset = grid_formset(AttendanceRowForm, people, initial, data=data, sessions=sessions)
    if data is not None and formset.is_valid():
        marks = {
            form.cleaned_data["nomination"]: set(form.cleaned_data["sessions"])
            for form in formset.forms
        }
        try:
            changed = attendance_services.save_attendance(course, marks, by=request.user)
        except ValidationError as refusal:
            for message in refusal.messages:
                messages.error(request, message)
        else:
            saved = _("Attendance saved: %(count)s changes.") % {"count": changed}
            messages.success(request, saved)
            return redirect(reverse("training:course", args=[course.pk]) + "#attendance")
    return render(
        request,
        "training/course_attendance.html",
        {
            "course": course,
            "sessions": sessions,
            "formset": formset,
            "upload_form": AttendanceUploadForm(),
        },
    )


@login_required
def attendance_upload(request, pk):
    course = _course(request, pk, organizer=True)
    form = AttendanceUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_SHEET_BYTES:
            errors = [_("The file is too large for an attendance sheet.")]
        else:
            try:
                marks = attendance_services.read_attendance_sheet(
                    course, upload.read(), upload.name
                )
                changed = attendance_services.save_attendance(course, marks, by=request.user)
            except attendance_services.SheetRefused as refusal:
                errors = refusal.errors
            except ValidationError as refusal:
                errors = refusal.messages
            else:
                messages.success(
                    request,
                    _("Attendance sheet read: %(rows)s rows, %(count)s changes.")
                    % {"rows": len(marks), "count": changed},
                )
                return redirect(reverse("training:course", args=[course.pk]) + "#attendance")
    return render(
        request,
        "training/course_attendance_upload.html",
        {"course": course, "form": form, "errors": errors},
        status=400 if errors else 200,
    )


#: the course's workbooks by the name of their file: what each user may see of them
WORKBOOKS = {
    "attendance": attendance_services.attendance_workbook,
    "nominations": attendance_services.nominations_workbook,
    "results": results_services.results_workbook,
}


@login_required
def workbook(request, pk, kind):
    course = _course(request, pk)
    content = WORKBOOKS[kind](course, request.user)
    return download(content, f"{_stem(course, kind)}.xlsx", XLSX)


# --- results and certificates ------------------------------------------------------------------


@login_required
def results(request, pk):
    course = _course(request, pk, organizer=True)
    people = attendance_services.participants(course)
    stored = results_services.results_by_nomination(course)
    initial = []
    for nomination in people:
        result = stored.get(nomination.pk)
        nomination.result_on_page = result  # type: ignore[attr-defined]
        initial.append(
            {
                "nomination": nomination.pk,
                "completed": result.completed if result else False,
                "passed": result.passed if result else None,
                "score": result.score if result else None,
            }
        )
    data = request.POST if request.method == "POST" else None
    formset = grid_formset(ResultRowForm, people, initial, data=data)
    if data is not None and formset.is_valid():
        rows = [
            results_services.ResultRow(
                nomination_id=form.cleaned_data["nomination"],
                completed=form.cleaned_data["completed"],
                passed=form.cleaned_data["passed"],
                score=form.cleaned_data["score"],
            )
            for form in formset.forms
        ]
        try:
            changed = results_services.save_results(course, rows, by=request.user)
        except ValidationError as refusal:
            for message in refusal.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Results saved: %(count)s changes.") % {"count": changed})
            return redirect("training:course_results", pk=course.pk)
    return render(
        request,
        "training/course_results.html",
        {"course": course, "formset": formset, "results": stored},
    )


@login_required
@require_POST
def issue_certificates(request, pk):
    course = _course(request, pk, organizer=True)
    try:
        issued = results_services.issue_certificates(course, by=request.user)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    else:
        if issued:
            messages.success(
                request,
                _("%(count)s certificates issued: %(first)s to %(last)s.")
                % {
                    "count": len(issued),
                    "first": issued[0].certificate_number,
                    "last": issued[-1].certificate_number,
                },
            )
        else:
            messages.info(request, _("No completed result is waiting for a certificate."))
    return redirect("training:course_results", pk=course.pk)


@login_required
@require_POST
def issue_certificate(request, pk):
    result = get_object_or_404(
        models.Result.objects.visible_to(request.user).select_related(
            "nomination__course", "nomination__person"
        ),
        pk=pk,
    )
    course = result.nomination.course
    if not can_edit(request.user, course):
        raise PermissionDenied(_("Only the course's organizer issues certificates."))
    try:
        result = results_services.issue_certificate(result, by=request.user)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Certificate %(number)s issued to %(person)s.")
            % {"number": result.certificate_number, "person": result.nomination.person},
        )
    return redirect("training:course_results", pk=course.pk)


@login_required
def certificates(request, pk):
    course = _course(request, pk)
    issued = results_services.certificate_results(course, request.user)
    if not issued:
        raise Http404(_("No certificate has been issued on this course."))
    content = documents.certificates_docx(course, issued)
    return download(content, f"{_stem(course, 'certificates')}.docx")


@login_required
def certificate(request, pk):
    result = get_object_or_404(
        models.Result.objects.visible_to(request.user).select_related(
            "nomination__person", "nomination__organization", "nomination__course__organization"
        ),
        pk=pk,
    )
    if not result.certificate_number:
        raise Http404(_("No certificate has been issued for this result."))
    content = documents.certificates_docx(result.nomination.course, [result])
    return download(content, f"certificate-{result.pk}.docx")
