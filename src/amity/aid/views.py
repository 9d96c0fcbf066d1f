from types import SimpleNamespace

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.aid import filtersets, forms, iati, imports, models, services, tables
from amity.aid.choices import COMMITMENT_TYPES, DISBURSEMENT_TYPES, Lineage
from amity.aid.statistics import Selection, statistics, with_rate
from amity.core.exports import EXPORT_FORMATS, SafeWorkbook, export_filename
from amity.core.forms import ImportForm, style_widgets
from amity.core.views import ModelViews


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
    def detail_context(cls, obj, request):
        tab = request.GET.get("tab", "overview")
        if tab == "transactions":
            rows = obj.transactions.select_related("provider_org")
            return {"transactions": rows[:500], "problems": services.missing_rates(rows)}
        if tab == "budgets":
            return {"budgets": obj.budgets.all()}
        if tab == "documents":
            return {"documents": obj.documents.all()}
        sums = obj.transactions.values("transaction_type").annotate(
            usd=Sum("value_usd"), vnd=Sum("value_vnd"), count=Count("pk")
        )
        totals = {"committed_usd": 0, "disbursed_usd": 0, "committed_vnd": 0, "disbursed_vnd": 0}
        for row in sums:
            kind = (
                "committed" if row["transaction_type"] in COMMITMENT_TYPES
                else "disbursed" if row["transaction_type"] in DISBURSEMENT_TYPES else None
            )  # fmt: skip
            if kind:
                totals[f"{kind}_usd"] += row["usd"] or 0
                totals[f"{kind}_vnd"] += row["vnd"] or 0
        return {
            "totals": with_rate(totals),
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
    visible = models.Activity.objects.visible_to(request.user)
    filterset = filtersets.ActivityFilterSet(
        request.GET, queryset=visible, request=SimpleNamespace(user=request.user)
    )
    activities = filterset.qs if filterset.is_valid() else visible.none()
    return activities, filterset


def selection_for(request) -> tuple[Selection, object]:
    activities, filterset = filtered_activities(request)
    data = filterset.form.cleaned_data if filterset.is_valid() else {}
    start, end = filterset.period() if filterset.is_valid() else (None, None)
    # The statistics split values by the province and group chosen; the period is applied
    # by the selection itself, to activities and transactions alike.
    selection = Selection(
        activities,
        start,
        end,
        province=data.get("province"),
        lineage=filterset.lineage_mode,
        sector_group=data.get("sector_group") or "",
    )
    return selection, filterset


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
            drawn.append({"code": row["code"], "value": float(row["disbursed_usd"]),
                          "label": row["label"]})  # fmt: skip
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


@login_required
def statistics_page(request):
    """Aid by province, sector, donor region and donor, for any period, as tables, charts and a
    map; `?export=xlsx` downloads the same tables."""
    selection, filterset = selection_for(request)
    figures = statistics(selection)
    if request.GET.get("export") == "xlsx":
        start, end = filterset.period() if filterset.is_valid() else (None, None)
        return statistics_workbook(figures, selection.lineage, start, end)
    drawn, undrawn = map_figures(figures, selection.lineage)
    chart = {
        "years": [
            {"year": row["key"], "committed": float(row["committed_usd"]),
             "disbursed": float(row["disbursed_usd"])}
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
    }  # fmt: skip
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


def statistics_workbook(figures, lineage=Lineage.CURRENT, start=None, end=None) -> HttpResponse:
    workbook = SafeWorkbook(write_only=True)
    money = ["committed_usd", "disbursed_usd", "committed_vnd", "disbursed_vnd", "rate"]
    headers = [_("NGOs"), _("Activities"), _("Committed (USD)"), _("Disbursed (USD)"),
               _("Committed (VND)"), _("Disbursed (VND)"), _("Disbursement rate (%)")]  # fmt: skip
    totals = workbook.create_sheet(_("Totals"))
    totals.append(headers)
    row = figures["totals"]
    totals.append([row["ngos"], row["activities"], *[_number(row[name]) for name in money]])
    for problem in row["problems"]:
        totals.append([problem["message"]])
    totals.append([])
    totals.append([_("Period"), _period(start, end)])
    totals.append([_("Provinces"), str(Lineage(lineage).label)])
    for key, title in (("provinces", _("Provinces")), ("sectors", _("Sectors")),
                       ("regions", _("World regions")), ("donors", _("Donors")),
                       ("years", _("Years"))):  # fmt: skip
        sheet = workbook.create_sheet(title)
        coded = key == "provinces"  # a province's code tells the 63 from the 34 in a formula
        sheet.append([*([_("Code")] if coded else []), title, *headers])
        for item in figures[key]:
            label = item.get("label", item["key"]) or _("Not specified")
            sheet.append([*([item["code"]] if coded else []), str(label), item.get("ngos", ""),
                          item.get("activities", ""),
                          *[_number(item[name]) for name in money]])  # fmt: skip
    import io

    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=EXPORT_FORMATS["xlsx"])
    filename = export_filename(_("aid statistics"), "xlsx")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _period(start, end) -> str:
    if start is None and end is None:
        return _("All years")
    return f"{start.year if start else '…'}–{end.year if end else '…'}"


def _number(value):
    return None if value is None else float(value)


# --- IATI ---------------------------------------------------------------------------------------


@login_required
def iati_export(request):
    """The filtered activities as an IATI 2.03 XML file."""
    activities, _filterset = filtered_activities(request)
    content = iati.export_activities(activities)
    response = HttpResponse(content, content_type="application/xml")
    filename = export_filename("iati-activities", "xml")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class IatiImportForm(ImportForm):
    """The file of an IATI import: its checks are the import's own (`iati.parse`)."""

    file = django_forms.FileField(
        label=gettext_lazy("IATI 2.03 XML file"),
        help_text=gettext_lazy("One or many activities, from any publisher."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xml"

    def clean_file(self):
        return self.cleaned_data["file"]


@login_required
def iati_import(request):
    """Import an IATI file: each activity is created, updated or refused, with the reason."""
    if not request.user.may_edit:
        raise PermissionDenied
    report = None
    form = IatiImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = iati.import_activities(upload.read(), request.user)
        except iati.IatiFileError as error:
            form.add_error("file", str(error))
    return render(
        request,
        "aid/iati_import.html",
        {"form": form, "report": report, "list_url": reverse("aid:activity_list")},
    )
