from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.aid import filtersets, forms, iati, imports, models, services, statistics, tables
from amity.aid.choices import Lineage
from amity.core.downloads import XLSX, download
from amity.core.exports import export_filename
from amity.core.forms import style_widgets
from amity.core.views import ModelViews
from amity.partners import services as partner_services


class ActivityViews(ModelViews):
    model = models.Activity
    table = tables.ActivityTable
    filterset = filtersets.ActivityFilterSet
    form = forms.ActivityForm
    resource = imports.ActivityResource
    detail_template = "aid/activity_detail.html"
    list_select_related = ("reporting_org", "organization")
    detail_select_related = ("reporting_org__country", "organization")
    list_actions = (
        (gettext_lazy("Statistics"), "aid:statistics", "bar-chart"),
        (gettext_lazy("IATI XML"), "aid:iati_export", "filetype-xml"),
        (gettext_lazy("Import IATI XML"), "aid:iati_import", "upload"),
        (gettext_lazy("Places not placed"), "aid:unplacedlocation_list", "geo-alt"),
        (gettext_lazy("Exchange rates"), "aid:rate_list", "currency-exchange"),
    )
    extra_tabs = (
        ("transactions", gettext_lazy("Transactions")),
        ("budgets", gettext_lazy("Budgets")),
        ("documents", gettext_lazy("Documents")),
    )

    @classmethod
    def list_queryset(cls, queryset):
        return (
            super()
            .list_queryset(queryset)
            .prefetch_related("province_shares__province", "sector_shares")
        )

    @classmethod
    def detail_context(cls, obj, request, tab):
        if tab == "transactions":
            rows = obj.transactions.select_related("provider_org")
            return {"transactions": rows[:500], "problems": services.missing_rates(rows)}
        if tab == "budgets":
            return {"budgets": obj.budgets.all()}
        if tab == "documents":
            return {"documents": obj.documents.all()}
        return {
            "totals": statistics.activity_totals(obj),
            "provinces": obj.province_shares.select_related("province"),
            "sectors": obj.sector_shares.all(),
            "participants": obj.participants.select_related("partner__country"),
            "counterparts": obj.other_counterparts.all(),
            "problems": services.missing_rates(obj.transactions.all()),
        }


class ActivityChildViews(ModelViews):
    """The views of what belongs to an activity; saving returns to the activity's page."""

    tab = ""
    list_select_related = ("activity",)
    detail_select_related = ("activity",)

    @classmethod
    def after_save_url(cls, obj):
        url = obj.activity.get_absolute_url()
        return f"{url}?tab={cls.tab}" if cls.tab else url


class ShareViews(ActivityChildViews):
    @classmethod
    def delete_blockers(cls, obj):
        # The shares of an activity sum to 100: one among several is removed on the activity.
        if cls.model.objects.filter(activity_id=obj.activity_id).exclude(pk=obj.pk).exists():
            return [_("The activity has other shares: change them together on its form.")]
        return []


class ActivityProvinceViews(ShareViews):
    model = models.ActivityProvince
    table = tables.ActivityProvinceTable
    filterset = filtersets.ActivityProvinceFilterSet
    form = forms.ActivityProvinceForm
    resource = imports.ActivityProvinceResource
    list_select_related = ("activity", "province")
    detail_select_related = ("activity", "province")


class ActivitySectorViews(ShareViews):
    model = models.ActivitySector
    table = tables.ActivitySectorTable
    filterset = filtersets.ActivitySectorFilterSet
    form = forms.ActivitySectorForm
    resource = imports.ActivitySectorResource


class ParticipatingOrgViews(ActivityChildViews):
    model = models.ParticipatingOrg
    table = tables.ParticipatingOrgTable
    filterset = filtersets.ParticipatingOrgFilterSet
    form = forms.ParticipatingOrgForm
    resource = imports.ParticipatingOrgResource
    list_select_related = ("activity", "partner")
    detail_select_related = ("activity", "partner")


class BudgetViews(ActivityChildViews):
    model = models.Budget
    table = tables.BudgetTable
    filterset = filtersets.BudgetFilterSet
    form = forms.BudgetForm
    resource = imports.BudgetResource
    tab = "budgets"


class ActivityDocumentViews(ActivityChildViews):
    model = models.ActivityDocument
    table = tables.ActivityDocumentTable
    filterset = filtersets.ActivityDocumentFilterSet
    form = forms.ActivityDocumentForm
    resource = imports.ActivityDocumentResource
    tab = "documents"


class TransactionViews(ActivityChildViews):
    model = models.Transaction
    table = tables.TransactionTable
    filterset = filtersets.TransactionFilterSet
    form = forms.TransactionForm
    resource = imports.TransactionResource
    tab = "transactions"
    detail_select_related = ("activity", "provider_org")


class UnplacedLocationViews(ActivityChildViews):
    """The places of imported activities that no province was found for, to work through:
    choosing a place's province (its edit form) places the activity there and is remembered
    for the publisher's next import."""

    model = models.UnplacedLocation
    table = tables.UnplacedLocationTable
    filterset = filtersets.UnplacedLocationFilterSet
    form = forms.UnplacedLocationForm
    resource = imports.UnplacedLocationResource
    list_select_related = ("activity__reporting_org", "province")
    detail_select_related = ("activity", "province")


class RateViews(ModelViews):
    model = models.Rate
    table = tables.RateTable
    filterset = filtersets.RateFilterSet
    form = forms.RateForm
    resource = imports.RateResource
    list_select_related = ("organization",)
    detail_select_related = ("organization",)


# --- statistics ---------------------------------------------------------------------------------


def filtered_activities(request):
    """The activities of the list page's filters in `request.GET`, and the filter set."""
    filterset = filtersets.ActivityFilterSet.for_user(request.user, request.GET)
    return filterset.activities(), filterset


#: the province boundaries each way of counting is drawn on
PROVINCE_MAPS = {
    Lineage.CURRENT: "amity/maps/vn-provinces.json",  # the 34 provinces since 1 July 2025
    Lineage.AS_RECORDED: "geo/vn-provinces-before-2025.json",  # the 63 before
}


def map_figures(figures, lineage: str) -> tuple[list[dict], list[dict]]:
    """The province rows the map draws, and those it cannot: figures recorded against today's
    provinces have no shape on the map of the provinces as they were (nor former provinces on
    today's map, which lineage never leaves)."""
    drawn, undrawn = [], []
    for row in figures["provinces"]:
        if not row["key"]:
            continue
        if row["is_current"] == (lineage == Lineage.CURRENT):
            drawn.append(
                {"code": row["code"], "value": float(row["disbursed_usd"]), "label": row["label"]}
            )
        else:
            undrawn.append(row)
    return drawn, undrawn


def lineage_links(request) -> list[dict]:
    """The page's own address with each way of counting the merged provinces."""
    links = []
    for value, label in Lineage.choices:
        query = request.GET.copy()
        query.pop("export", None)
        query["lineage"] = value
        links.append({"value": value, "label": label, "query": query.urlencode()})
    return links


#: the most donors the donor filter offers for what is typed
DONOR_OPTIONS = 50


@login_required
def donor_options(request):
    """The donors the donor filter offers for what is typed (`?q=`), as the API's lists answer
    the searchable selects: `{"results": [{"id", "label"}]}`; only those the filter accepts."""
    donors = filtersets.ActivityFilterSet.for_user(request.user, {}).donors()
    typed = request.GET.get("q", "")[:100]
    found = partner_services.search(donors, typed) if typed.strip() else donors.order_by("name")
    return JsonResponse(
        {"results": [{"id": donor.pk, "label": str(donor)} for donor in found[:DONOR_OPTIONS]]}
    )


@login_required
def statistics_page(request):
    """Aid by province, sector, donor region and donor, for any period, as tables, charts and a
    map; `?export=xlsx` downloads the same tables."""
    filterset = filtersets.ActivityFilterSet.for_user(request.user, request.GET)
    selection = filterset.selection()
    figures = statistics.statistics(selection)
    if forms.StatisticsExportForm(request.GET).wants_workbook():
        start, end = filterset.period()
        content = statistics.statistics_workbook(figures, selection.lineage, start, end)
        return download(content, export_filename(_("aid statistics"), "xlsx"), XLSX)
    drawn, undrawn = map_figures(figures, selection.lineage)
    chart = {
        "years": [
            {
                "year": row["key"],
                "committed": float(row["committed_usd"]),
                "disbursed": float(row["disbursed_usd"]),
            }
            for row in figures["years"]
        ],
        "regions": [
            {"label": row["label"] or _("Not specified"), "value": row["ngos"]}
            for row in figures["regions"]
        ],
        "sectors": [
            {"label": row["label"] or _("Not specified"), "value": float(row["disbursed_usd"])}
            for row in figures["sectors"]
        ],
        "map": drawn,
        "lineage": selection.lineage,
        "labels": {"committed": _("Committed"), "disbursed": _("Disbursed")},
    }
    style_widgets(filterset.form)
    query = request.GET.copy()
    query.pop("export", None)
    context = {
        "figures": figures,
        "filter": filterset,
        "chart": chart,
        "query": query.urlencode(),
        "lineage": selection.lineage,
        "lineage_links": lineage_links(request),
        "map_file": PROVINCE_MAPS[selection.lineage],
        "undrawn": undrawn,
    }
    return render(request, "aid/statistics.html", context)


# --- IATI ---------------------------------------------------------------------------------------


@login_required
def iati_export(request):
    """The filtered activities as an IATI 2.03 XML file."""
    activities, _filterset = filtered_activities(request)
    content = iati.export_activities(activities)
    return download(content, export_filename("iati-activities", "xml"), "application/xml")


@login_required
def iati_import(request):
    """Import an IATI file: each activity is created, updated or refused, with the reason."""
    if not request.user.may_edit:
        raise PermissionDenied
    report = None
    form = forms.IatiImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = iati.import_activities(
                upload.read(), request.user, dry_run=form.cleaned_data["dry_run"]
            )
        except iati.IatiFileError as error:
            form.add_error("file", str(error))
    return render(
        request,
        "aid/iati_import.html",
        {
            "form": form,
            "report": report,
            "list_url": reverse("aid:activity_list"),
            "unplaced_url": reverse("aid:unplacedlocation_list"),
        },
    )
