"""The design of a form: indicators, forms and their versions, sections, periods, reopenings and
validation rules; the steps a designer takes on them (publish, copy, lock, reopen)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from amity.core.scoping import can_edit
from amity.core.views import ModelViews, editable_object
from amity.reporting import filtersets, forms, imports, models, services, tables


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
    def detail_context(cls, obj, request, tab):
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
    def detail_context(cls, obj, request, tab):
        return {
            "sections": services.version_sections(obj),
            "rules": obj.rules.select_related("left", "right"),
        }


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
    def detail_context(cls, obj, request, tab):
        user = request.user
        home = user.organization
        mine = services.submission_of(home, obj)
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


class ValidationRuleViews(ModelViews):
    model = models.ValidationRule
    plural = "validation-rules"
    table = tables.ValidationRuleTable
    filterset = filtersets.ValidationRuleFilterSet
    form = forms.ValidationRuleForm
    resource = imports.ValidationRuleResource
    list_select_related = ("form_version__form",)
    detail_select_related = ("form_version__form", "left", "right")


def reporting_home(request):
    return redirect(reverse("reporting:form_list"))


@login_required
@require_POST
def period_lock(request, pk):
    period = editable_object(models.Period.objects.visible_to(request.user), request.user, pk)
    form = forms.LockForm(request.POST)
    locked = form.cleaned_data["locked"] if form.is_valid() else False
    services.set_period_lock(period, locked=locked, by=request.user)
    messages.success(request, _("Locked.") if period.locked else _("Unlocked."))
    return redirect(period.get_absolute_url())


@login_required
@require_POST
def period_reopen(request, pk):
    period = editable_object(models.Period.objects.visible_to(request.user), request.user, pk)
    form = forms.ReopenForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose the organization and the date until which it is open."))
        return redirect(period.get_absolute_url())
    organization = form.cleaned_data["organization"]
    try:
        services.reopen_period(
            period,
            organization,
            reason=form.cleaned_data["reason"],
            expires_on=form.cleaned_data["expires_on"],
            by=request.user,
        )
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
