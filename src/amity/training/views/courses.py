"""A course's pages: the generic ones, the course page (its sessions, its nominations by
organization against the quotas, with the enrolment's steps) and the nominate form."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.core.forms import style_widgets
from amity.core.scoping import can_edit, organization_in_scope
from amity.core.views import ModelViews
from amity.organizations.models import Organization, Person
from amity.training import attendance_services, enrolment_services, models
from amity.training.choices import CourseStatus
from amity.training.filtersets.courses import (
    CourseFilterSet,
    MaterialFilterSet,
    QuotaFilterSet,
    SessionFilterSet,
)
from amity.training.forms.courses import CourseForm, MaterialForm, QuotaForm, SessionForm
from amity.training.imports.courses import (
    CourseResource,
    MaterialResource,
    QuotaResource,
    SessionResource,
)
from amity.training.tables.courses import CourseTable, MaterialTable, QuotaTable, SessionTable
from amity.training.views import course_page


class CourseViews(ModelViews):
    model = models.Course
    table = CourseTable
    filterset = CourseFilterSet
    form = CourseForm
    resource = CourseResource
    detail_template = "training/course_detail.html"
    list_select_related = ("organization",)
    detail_select_related = ("organization", "programme", "event")
    protected_relations = ("nominations",)
    list_actions = (
        (gettext_lazy("Training programmes"), "training:programme_list", "journal-bookmark"),
        (gettext_lazy("Nominations"), "training:nomination_list", "person-check"),
    )

    @classmethod
    def urls(cls):
        return [
            path("courses/<int:pk>/nominate/", nominate, name="course_nominate"),
            *course_page.urls(),
            *super().urls(),
        ]

    @classmethod
    def detail_context(cls, obj, request, tab):
        user = request.user
        organizer = can_edit(user, obj)
        sessions = list(
            obj.sessions.select_related("module", "lecturer").order_by("starts_at", "pk")
        )
        return {
            "sessions": sessions,
            "attendance": attendance_services.attendance_summary(obj, sessions, user),
            "feedback": attendance_services.feedback_summary(obj, user) if organizer else None,
            "quota_rows": _with_own_rows(enrolment_services.quota_rows(obj, user), user),
            "materials": obj.materials.order_by("pk"),
            "is_organizer": organizer,
            "may_nominate": user.may_edit and obj.status == CourseStatus.OPEN,
        }


def _with_own_rows(rows: list[dict], user) -> list[dict]:
    """Mark the organizations whose nominations `user` may withdraw: its branch's (the tree
    answers it without a query)."""
    for row in rows:
        row["mine"] = organization_in_scope(user, row["organization"])
    return rows


class NominateForm(forms.Form):
    """A unit officer nominates one of its people, for its organization."""

    organization = forms.ModelChoiceField(
        label=gettext_lazy("Nominating organization"), queryset=Organization.objects.none()
    )
    person = forms.ModelChoiceField(label=gettext_lazy("Person"), queryset=Person.objects.none())
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, max_length=2000, widget=forms.Textarea
    )

    def __init__(self, *args, course, user, **kwargs):
        super().__init__(*args, **kwargs)
        organizations = Organization.objects.editable_by(user)
        if not course.open_to_all:
            organizations = organizations.filter(pk__in=course.quotas.values("organization_id"))
        self.fields["organization"].queryset = organizations
        people = Person.objects.editable_by(user).select_related("organization")
        self.fields["person"].queryset = people
        self.fields["note"].widget.attrs["rows"] = 2
        style_widgets(self)


@login_required
def nominate(request, pk):
    course = get_object_or_404(models.Course.objects.visible_to(request.user), pk=pk)
    if not request.user.may_edit:
        raise PermissionDenied(_("Your role may not nominate."))
    form = NominateForm(request.POST or None, course=course, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            nomination, warnings = enrolment_services.nominate(
                course, data["person"], data["organization"], by=request.user, note=data["note"]
            )
        except ValidationError as refusal:
            for message in refusal.messages:
                form.add_error(None, message)
        except PermissionDenied as refusal:
            form.add_error("organization", str(refusal))
        else:
            messages.success(request, _("Nominated: %(object)s") % {"object": nomination})
            for warning in warnings:
                messages.warning(request, warning)
            return redirect(course.get_absolute_url())
    return render(request, "training/nominate.html", {"course": course, "form": form})


class SessionViews(ModelViews):
    model = models.Session
    table = SessionTable
    filterset = SessionFilterSet
    form = SessionForm
    resource = SessionResource
    list_select_related = ("course", "module", "lecturer")
    detail_select_related = ("course", "module", "lecturer")


class QuotaViews(ModelViews):
    model = models.Quota
    table = QuotaTable
    filterset = QuotaFilterSet
    form = QuotaForm
    resource = QuotaResource
    list_select_related = ("course", "organization")
    detail_select_related = ("course", "organization")


class MaterialViews(ModelViews):
    model = models.Material
    table = MaterialTable
    filterset = MaterialFilterSet
    form = MaterialForm
    resource = MaterialResource
    list_select_related = ("course",)
    detail_select_related = ("course",)

    @classmethod
    def urls(cls):
        return [
            path("materials/<int:pk>/download/", material_download, name="material_download"),
            *super().urls(),
        ]


@login_required
def material_download(request, pk):
    material = get_object_or_404(models.Material.objects.visible_to(request.user), pk=pk)
    try:
        handle = material.file.open("rb")
    except (FileNotFoundError, ValueError) as missing:  # gone from the media directory
        raise Http404 from missing
    return FileResponse(
        handle,
        as_attachment=True,
        filename=material.original_name,
        content_type=material.content_type or "application/octet-stream",
    )
