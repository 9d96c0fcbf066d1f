"""The year in one picture (`/overview/`), its tables as XLSX, and the annual review as a Word
document (`/overview/review/`)."""

import io
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.core.downloads import DOCX, XLSX, download
from amity.core.exports import SafeWorkbook, export_filename
from amity.overview import figures, review
from amity.overview.forms import OverviewForm

#: the boundaries the map draws (the 34 provinces since 1 July 2025)
MAP_FILE = "amity/maps/vn-provinces.json"


def chosen(request) -> OverviewForm:
    """The page's form, bound to the request. An organization the user may not ask for answers
    404, whatever the id (so that its existence is not told); a unit's officer gets their own."""
    user = request.user
    choices = figures.organization_choices(user)
    data = request.GET.copy()
    raw = data.get("organization", "").strip()
    if raw:
        # ASCII digits only: int() would read "٣" as 3, an id the address never wrote
        valid = raw.isascii() and raw.isdigit() and len(raw) <= 18
        if not valid or not choices.filter(pk=int(raw)).exists():
            raise Http404
    elif not user.sees_everything and user.organization_id is not None:
        data["organization"] = str(user.organization_id)
    if not data.get("year", "").strip():
        data["year"] = str(timezone.localdate().year)
    return OverviewForm(data, choices=choices, whole_network=user.sees_everything)


@login_required
def dashboard(request):
    """The figures of a year for the network or one organization, beside the year before's."""
    form = chosen(request)
    if not form.is_valid():
        return render(request, "overview/dashboard.html", {"form": form}, status=400)
    year, organization = form.cleaned_data["year"], form.cleaned_data["organization"]
    data = figures.overview(request.user, organization, year)
    if request.GET.get("export") == "xlsx":
        return workbook_response(data, request.GET.get("table", ""))
    query = request.GET.copy()
    query.pop("export", None)
    query.pop("table", None)
    context = {
        "form": form,
        "data": data,
        "query": query.urlencode(),
        "chart": chart_data(data),
        "map_file": MAP_FILE,
        "subject": organization.display_name if organization else _("The whole network"),
    }
    return render(request, "overview/dashboard.html", context)


def chart_data(data: figures.Overview) -> dict:
    """What `overview.js` draws: each table's rows and the columns it draws as bars."""
    return {
        table.key: {
            "chart": table.chart,
            "headers": [str(header) for header in table.headers],
            "rows": table.rows,
            "series": list(table.series),
        }
        for table in data.tables
    }


def workbook_response(data: figures.Overview, key: str):
    """The headline figures and every table, or the one table `key`, as an XLSX file."""
    tables = data.tables
    if key:
        table = data.table(key)
        if table is None:
            raise Http404
        tables = [table]
    workbook = SafeWorkbook(write_only=True)
    if not key:
        sheet = workbook.create_sheet(_("Figures"))
        sheet.append(
            [_("Figure"), str(data.year), str(data.year - 1), _("Change (%)"), _("Cluster average")]
        )
        for figure in data.figures:
            sheet.append(
                [
                    str(figure.label),
                    _cell(figure.current),
                    _cell(figure.previous),
                    _cell(figure.change),
                    _cell(figure.average),
                ]
            )
    for table in tables:
        sheet = workbook.create_sheet(str(table.title)[:31])
        sheet.append([str(header) for header in table.headers])
        for row in table.rows:
            sheet.append([_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    name = f"{_('overview')}-{data.year}{'-' + key if key else ''}"
    return download(buffer.getvalue(), export_filename(name, "xlsx"), XLSX)


def _cell(value):
    if value is None or isinstance(value, int | float | str):
        return value
    return float(value)


@login_required
def annual_review(request):
    """The annual review of a year, for the network or one organization, as a Word document to
    edit and complete."""
    form = chosen(request)
    if not form.is_valid():
        return render(request, "overview/dashboard.html", {"form": form}, status=400)
    year, organization = form.cleaned_data["year"], form.cleaned_data["organization"]
    since = form.cleaned_data["since"] or max(figures.FIRST_YEAR, year - review.TERM_YEARS + 1)
    content = review.review_docx(request.user, organization, year, since, today=date.today())
    return download(content, export_filename(f"{_('annual review')}-{year}", "docx"), DOCX)
