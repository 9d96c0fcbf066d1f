"""The pages of the work orientations: the generic pages of each model, the orientation's page
with its tasks, recipients and matrix, the distribution form, a unit's acknowledgement and
report (one form for every task), and a unit's "orientations for us"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.core.downloads import download, stored_file_view
from amity.core.scoping import can_edit, organization_in_scope
from amity.core.views import ModelViews
from amity.documents import models, orientations_services
from amity.documents.distribution import recipient_groups
from amity.documents.filtersets.orientations import (
    EvidenceFilterSet,
    OrientationFilterSet,
    RecipientFilterSet,
    TaskFilterSet,
    TaskReportFilterSet,
)
from amity.documents.forms.orientations import (
    AcknowledgeForm,
    DistributionForm,
    EvidenceForm,
    OrientationForm,
    RecipientForm,
    TaskForm,
    TaskReportEntryForm,
    TaskReportForm,
)
from amity.documents.imports.orientations import (
    EvidenceResource,
    OrientationResource,
    RecipientResource,
    TaskReportResource,
    TaskResource,
)
from amity.documents.orientations_matrix import STATUS_FILTERS, matrix, matrix_page, matrix_xlsx
from amity.documents.tables.orientations import (
    EvidenceTable,
    OrientationTable,
    RecipientTable,
    TaskReportTable,
    TaskTable,
)
from amity.organizations.models import Organization

TEMPLATES = "documents/orientations"


class OrientationViews(ModelViews):
    model = models.Orientation
    table = OrientationTable
    filterset = OrientationFilterSet
    form = OrientationForm
    resource = OrientationResource
    detail_template = f"{TEMPLATES}/orientation_detail.html"
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
    protected_relations = ("recipients",)
    extra_tabs = (("matrix", gettext_lazy("Implementation matrix")),)
    list_actions = (
        (gettext_lazy("Orientations for us"), "documents:orientations_for_us", "inbox"),
    )

    @classmethod
    def urls(cls):
        base = f"{cls.plural}/<int:pk>"
        return [
            path(f"{cls.plural}/for-us/", for_us, name="orientations_for_us"),
            path(f"{base}/distribute/", distribute, name="orientation_distribute"),
            path(f"{base}/acknowledge/", acknowledge, name="orientation_acknowledge"),
            path(f"{base}/report/", report, name="orientation_report"),
            path(f"{base}/matrix.xlsx", matrix_export, name="orientation_matrix_xlsx"),
            *super().urls(),
        ]

    @classmethod
    def detail_context(cls, obj, request, tab):
        user = request.user
        mine = _own_recipient(obj, user)
        context = {
            "tasks": obj.tasks.all(),
            "countries": obj.countries.all(),
            "fields_of_work": obj.fields_of_work.all(),
            "may_distribute": obj.is_issued and can_edit(user, obj),
            "own_recipient": mine,
        }
        if tab == "matrix":
            context.update(_matrix_context(obj, request))
        return context


def _own_recipient(orientation, user):
    """The row of the user's own organization among the recipients, if it is one."""
    home = getattr(user, "organization", None)
    if home is None:
        return None
    return orientation.recipients.filter(organization=home).first()


def _matrix_filters(orientation, request) -> tuple[dict, dict, str]:
    """The matrix's filters from the query: the arguments of `matrix` and `matrix_page` (the
    recipients the user sees, of the group and the status asked for; an unknown group or status
    is no filter), the groups by key, and the group chosen."""
    group, status = request.GET.get("group", ""), request.GET.get("status", "")
    groups = {item.key: item for item in recipient_groups()}
    group = group if group in groups else ""
    selection = {
        "recipients": models.Recipient.objects.visible_to(request.user).filter(
            orientation=orientation
        ),
        "organization_ids": set(groups[group].organization_ids()) if group else None,
        "status": status if status in STATUS_FILTERS else "",
    }
    return selection, groups, group


def _matrix_context(orientation, request) -> dict:
    selection, groups, group = _matrix_filters(orientation, request)
    return {
        "matrix": matrix_page(orientation, **selection, page=request.GET.get("page", 1)),
        "groups": groups.values(),
        "group": group,
        "status": selection["status"],
        "status_choices": [
            ("acknowledged", _("Acknowledged")),
            ("not_acknowledged", _("Not acknowledged")),
            ("all_done", _("Every task done")),
            ("behind", _("Some task not done")),
        ],
    }


def _visible_orientation(request, pk):
    return get_object_or_404(models.Orientation.objects.visible_to(request.user), pk=pk)


@login_required
def matrix_export(request, pk):
    orientation = _visible_orientation(request, pk)
    selection, _groups, _group = _matrix_filters(orientation, request)
    table = matrix(orientation, **selection)
    name = f"{slugify(orientation.title)[:60] or 'orientation'}-{orientation.pk}.xlsx"
    return download(matrix_xlsx(table), name)


@login_required
def distribute(request, pk):
    orientation = _visible_orientation(request, pk)
    if not can_edit(request.user, orientation):
        raise PermissionDenied
    form = DistributionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            sent = orientations_services.distribute(
                orientation, form.cleaned_data["organization_ids"], by=request.user
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(
                request, _("Sent to %(count)d more organizations.") % {"count": len(sent)}
            )
            return redirect(orientation.get_absolute_url())
    context = {"object": orientation, "form": form, "recipients": orientation.recipients.count()}
    return render(request, f"{TEMPLATES}/distribute.html", context)


def _acting_for(request, orientation):
    """The organization the user acts for: `?organization=` among those it may edit, by default
    its own; 404 for one it may not see."""
    raw = request.POST.get("organization") or request.GET.get("organization") or ""
    if not raw:
        home = request.user.organization
        if home is None:
            raise Http404
        return home
    if not raw.isdigit() or len(raw) > 12:
        raise Http404
    return get_object_or_404(Organization.objects.visible_to(request.user), pk=int(raw))


def _refused(request, refusal, orientation):
    texts = refusal.messages if isinstance(refusal, ValidationError) else [str(refusal)]
    for text in texts:
        messages.error(request, text)
    return redirect(orientation.get_absolute_url())


@login_required
def acknowledge(request, pk):
    orientation = _visible_orientation(request, pk)
    organization = _acting_for(request, orientation)
    try:
        recipient = orientations_services.recipient_of(orientation, organization, by=request.user)
    except (ValidationError, PermissionDenied) as refusal:
        return _refused(request, refusal, orientation)
    initial = {
        "acknowledged_by": request.user.get_full_name() or request.user.get_username(),
        "acknowledged_on": timezone.localdate(),
    }
    form = AcknowledgeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            orientations_services.acknowledge(
                orientation,
                organization,
                by=request.user,
                name=form.cleaned_data["acknowledged_by"],
                on=form.cleaned_data["acknowledged_on"],
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
        else:
            messages.success(request, _("Receipt acknowledged."))
            return redirect(orientation.get_absolute_url())
    context = {"object": orientation, "form": form, "recipient": recipient}
    return render(request, f"{TEMPLATES}/acknowledge.html", context)


@login_required
def report(request, pk):
    """A recipient's report on every task of the orientation, in one form."""
    orientation = _visible_orientation(request, pk)
    organization = _acting_for(request, orientation)
    try:
        recipient = orientations_services.recipient_of(orientation, organization, by=request.user)
    except (ValidationError, PermissionDenied) as refusal:
        return _refused(request, refusal, orientation)
    stored = {item.task_id: item for item in recipient.reports.all()}
    tasks = list(orientation.tasks.all())
    forms = [
        TaskReportEntryForm(
            request.POST or None,
            request.FILES or None,
            task=task,
            prefix=f"task-{task.pk}",
            initial=(
                {"progress": stored[task.pk].progress, "note": stored[task.pk].note}
                if task.pk in stored
                else {}
            ),
        )
        for task in tasks
    ]
    if request.method == "POST" and all(form.is_valid() for form in forms):
        entries = [
            orientations_services.Entry(
                form.task,
                form.cleaned_data["progress"],
                form.cleaned_data["note"],
                form.cleaned_data.get("evidence"),
            )
            for form in forms
        ]
        try:
            orientations_services.report(orientation, organization, entries, by=request.user)
        except ValidationError as refusal:
            for text in refusal.messages:
                messages.error(request, text)
        else:
            messages.success(request, _("Implementation reported."))
            return redirect(orientation.get_absolute_url())
    context = {"object": orientation, "forms": forms, "recipient": recipient}
    return render(request, f"{TEMPLATES}/report.html", context)


def _chosen_organization(request):
    raw = request.GET.get("organization", "")
    if raw.isdigit() and len(raw) <= 12:
        chosen = Organization.objects.visible_to(request.user).filter(pk=int(raw)).first()
        if chosen is not None:
            return chosen
    return request.user.organization


@login_required
def for_us(request):
    """The orientations that concern a unit, with what it still owes."""
    organization = _chosen_organization(request)
    concerns = orientations_services.concerning(organization, request.user) if organization else []
    context = {
        "organization": organization,
        "concerns": concerns,
        "may_act": organization is not None and organization_in_scope(request.user, organization),
    }
    return render(request, f"{TEMPLATES}/for_us.html", context)


def organization_tab(obj, request) -> dict:
    """The organization page's tab: the orientations that concern it."""
    return {
        "concerns": orientations_services.concerning(obj, request.user),
        "organization": obj,
        "may_act": organization_in_scope(request.user, obj),
    }


class TaskViews(ModelViews):
    model = models.OrientationTask
    table = TaskTable
    filterset = TaskFilterSet
    form = TaskForm
    resource = TaskResource
    list_select_related = ("orientation",)
    detail_select_related = ("orientation",)


class RecipientViews(ModelViews):
    model = models.Recipient
    table = RecipientTable
    filterset = RecipientFilterSet
    form = RecipientForm
    resource = RecipientResource
    list_select_related = ("orientation", "organization")
    detail_select_related = ("orientation", "organization")


class TaskReportViews(ModelViews):
    model = models.TaskReport
    table = TaskReportTable
    filterset = TaskReportFilterSet
    form = TaskReportForm
    resource = TaskReportResource
    list_select_related = ("recipient__organization", "recipient__orientation", "task")
    detail_select_related = ("recipient__organization", "recipient__orientation", "task")

    @classmethod
    def detail_context(cls, obj, request, tab):
        return {"evidence": obj.evidence.all()}


class EvidenceViews(ModelViews):
    model = models.Evidence
    table = EvidenceTable
    filterset = EvidenceFilterSet
    form = EvidenceForm
    resource = EvidenceResource
    list_select_related = ("report__recipient__organization", "report__task")
    detail_select_related = ("report__recipient__organization", "report__task")

    @classmethod
    def urls(cls):
        return [
            path("evidence/<int:pk>/download/", evidence_download, name="evidence_download"),
            *super().urls(),
        ]


evidence_download = stored_file_view(models.Evidence)
