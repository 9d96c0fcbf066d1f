"""The enrolment's pages: nominations (generic, with the steps of the organizer and of the
nominating organization), attendance, results and feedback (generic)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.core.scoping import can_edit
from amity.core.views import ModelViews
from amity.training import enrolment_services, models
from amity.training.filtersets.enrolment import (
    AttendanceFilterSet,
    FeedbackFilterSet,
    NominationFilterSet,
    ResultFilterSet,
)
from amity.training.forms.enrolment import (
    AttendanceForm,
    FeedbackForm,
    NominationForm,
    ResultForm,
)
from amity.training.imports.enrolment import (
    AttendanceResource,
    FeedbackResource,
    NominationResource,
    ResultResource,
)
from amity.training.tables.enrolment import (
    AttendanceTable,
    FeedbackTable,
    NominationTable,
    ResultTable,
)

STEPS = {
    "confirm": enrolment_services.confirm,
    "waitlist": enrolment_services.waitlist,
    "withdraw": enrolment_services.withdraw,
}


class NominationViews(ModelViews):
    model = models.Nomination
    table = NominationTable
    filterset = NominationFilterSet
    form = NominationForm
    resource = NominationResource
    detail_template = "training/nomination_detail.html"
    list_select_related = ("person", "course", "organization")
    detail_select_related = ("person", "course__organization", "organization")

    @classmethod
    def urls(cls):
        return [
            path(f"nominations/<int:pk>/{name}/", _step_view(name), name=f"nomination_{name}")
            for name in STEPS
        ] + super().urls()

    @classmethod
    def detail_context(cls, obj, request, tab):
        user = request.user
        return {
            "warnings": enrolment_services.overlap_warnings(obj),
            "is_organizer": can_edit(user, obj.course),
            "is_nominator": can_edit(user, obj),
        }


def _step_view(name):
    step = STEPS[name]

    @login_required
    @require_POST
    def view(request, pk):
        visible = models.Nomination.objects.visible_to(request.user)
        nomination = get_object_or_404(visible.select_related("course"), pk=pk)
        try:
            step(nomination, by=request.user)
        except (ValidationError, PermissionDenied) as refusal:
            texts = refusal.messages if isinstance(refusal, ValidationError) else [str(refusal)]
            for text in texts:
                messages.error(request, text)
        else:
            messages.success(request, _("Saved: %(object)s") % {"object": nomination})
        back = request.POST.get("next", "")
        if back and url_has_allowed_host_and_scheme(back, {request.get_host()}):
            return redirect(back)
        return redirect(nomination.get_absolute_url())

    view.__name__ = f"nomination_{name}"
    return view


class AttendanceViews(ModelViews):
    model = models.Attendance
    table = AttendanceTable
    filterset = AttendanceFilterSet
    form = AttendanceForm
    resource = AttendanceResource
    list_select_related = ("session__course", "nomination__person", "nomination__course")
    detail_select_related = ("session__course", "nomination__person", "nomination__course")


class ResultViews(ModelViews):
    model = models.Result
    table = ResultTable
    filterset = ResultFilterSet
    form = ResultForm
    resource = ResultResource
    list_select_related = ("nomination__person", "nomination__course")
    detail_select_related = ("nomination__person", "nomination__course")


class FeedbackViews(ModelViews):
    model = models.Feedback
    table = FeedbackTable
    filterset = FeedbackFilterSet
    form = FeedbackForm
    resource = FeedbackResource
    list_select_related = ("course", "nomination__person", "nomination__course")
    detail_select_related = ("course", "nomination__person", "nomination__course")
