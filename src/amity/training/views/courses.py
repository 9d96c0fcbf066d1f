"""A course's pages: the generic ones, the course page (its sessions, its nominations by
organization against the quotas, with the enrolment's steps) and the nominate form."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.core.collation import folded_contains
from amity.core.downloads import stored_file_view
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
            path(
                "courses/<int:pk>/nominate/people/",
                nominate_people,
                name="course_nominate_people",
            ),
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


#: the people the person box offers for what is typed (the form accepts any of the user's)
PEOPLE_SHOWN = 50


class PersonChoiceField(forms.ModelChoiceField):
    """A person, named with the organization, as the search answers it: two Nguyễn Văn An of
    different units are told apart."""

    def label_from_instance(self, obj):
        return person_label(obj)


def person_label(person) -> str:
    return f"{person.full_name} – {person.organization}"


class NominateForm(forms.Form):
    """A unit officer nominates one of its people, for its organization.

    The person box offers the people as the user types (`nominate_people`, which answers
    Tom Select as the model's API list does); without JavaScript, the page's own search
    (`search`) puts the people it finds in the box. Either way the form accepts any person the
    user may edit in the branch of the nominating organization, and nobody else."""

    organization = forms.ModelChoiceField(
        label=gettext_lazy("Nominating organization"), queryset=Organization.objects.none()
    )
    person = PersonChoiceField(label=gettext_lazy("Person"), queryset=Person.objects.none())
    note = forms.CharField(
        label=gettext_lazy("Note"), required=False, max_length=2000, widget=forms.Textarea
    )

    def __init__(self, *args, course, user, search="", **kwargs):
        super().__init__(*args, **kwargs)
        organizations = nominating_organizations(course, user)
        organization: Any = self.fields["organization"]
        organization.queryset = organizations
        person: Any = self.fields["person"]
        person.queryset = nominable_people(user, organizations)
        person.options_url = reverse("training:course_nominate_people", args=[course.pk])
        self.fields["note"].widget.attrs["rows"] = 2
        style_widgets(self)
        if search:  # the search without JavaScript: its matches in a plain list
            found = search_people(person.queryset, search)
            person.widget.options_url = ""
            person.widget.choices = [("", person.empty_label)] + [
                (match.pk, person_label(match)) for match in found
            ]

    def clean(self):
        data = super().clean() or {}
        organization, person = data.get("organization"), data.get("person")
        if organization and person and not organization.holds(person.organization):
            self.add_error(
                "person",
                _("%(organization)s nominates its own people only.")
                % {"organization": organization},
            )
        return data


def nominating_organizations(course, user):
    """The organizations `user` may nominate for on `course`: its own branch's, those given a
    quota unless the course is open to all."""
    organizations = Organization.objects.editable_by(user)
    if not course.open_to_all:
        organizations = organizations.filter(pk__in=course.quotas.values("organization_id"))
    return organizations


def nominable_people(user, organizations):
    """The people `user` may edit in the branches of `organizations` (a queryset): one query
    for their tree paths, a branch inside another read once (the centre's holds them all)."""
    tops: list[str] = []
    for tree_path in sorted(organizations.values_list("tree_path", flat=True)):
        if tree_path and not any(tree_path.startswith(top) for top in tops):
            tops.append(tree_path)
    if not tops:
        return Person.objects.none()
    branches = Q()
    for top in tops:
        branches |= Q(organization__tree_path__startswith=top)
    return Person.objects.editable_by(user).filter(branches).select_related("organization")


def search_people(people, text: str) -> list:
    """The first PEOPLE_SHOWN of `people` whose name holds every word of `text` (folded:
    "nguyen van" finds "Nguyễn Văn"), by name."""
    words = text.split()[:5]
    for word in words:
        people = people.filter(folded_contains("full_name", word[:50]))
    return list(people.order_by("full_name", "pk")[:PEOPLE_SHOWN])


def _nominated_course(request, pk):
    course = get_object_or_404(models.Course.objects.visible_to(request.user), pk=pk)
    if not request.user.may_edit:
        raise PermissionDenied(_("Your role may not nominate."))
    return course


@login_required
def nominate(request, pk):
    course = _nominated_course(request, pk)
    search = request.GET.get("q", "")[:100].strip()
    form = NominateForm(request.POST or None, course=course, user=request.user, search=search)
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
    context = {"course": course, "form": form, "search": search}
    return render(request, "training/nominate.html", context)


@login_required
def nominate_people(request, pk):
    """The people the person box of the nominate form offers for what is typed (`?q=`), as the
    API's lists answer the searchable selects: `{"results": [{"id", "label"}]}`. With
    `?organization=<id>`, only that nominating organization's branch."""
    course = _nominated_course(request, pk)
    organizations = nominating_organizations(course, request.user)
    chosen = request.GET.get("organization", "")
    if chosen:
        if not chosen.isdigit() or len(chosen) > 18:
            return JsonResponse({"results": []})
        organizations = organizations.filter(pk=int(chosen))
    people = nominable_people(request.user, organizations)
    found = search_people(people, request.GET.get("q", "")[:100])
    return JsonResponse(
        {"results": [{"id": person.pk, "label": person_label(person)} for person in found]}
    )


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


material_download = stored_file_view(models.Material)
