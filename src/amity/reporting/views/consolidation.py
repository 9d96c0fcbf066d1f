"""What the reports add up to: a period's completeness board, the consolidated figures across the
tree and periods (a table, a chart or a workbook), and the consolidated report in Word."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from amity.core.downloads import DOCX, download
from amity.core.exports import EXPORT_FORMATS, export_filename
from amity.core.exports import render as render_rows
from amity.reporting import completeness, consolidation, forms, models, services
from amity.reporting.report import consolidated_docx


@login_required
def board(request, pk):
    period = get_object_or_404(
        models.Period.objects.visible_to(request.user).select_related("form"), pk=pk
    )
    version = services.current_version(period.form)
    if version is None:
        raise Http404
    data = completeness.completeness_board(version, period, request.user)
    context = {"period": period, "version": version, "board": data}
    return render(request, "reporting/board.html", context)


@login_required
def consolidated(request):
    """Indicators added up across the tree and periods, pivoted, as a table or a workbook."""
    asked = forms.ConsolidationForm(request.GET)
    visible_forms = list(models.Form.objects.visible_to(request.user))  # read once, for the menu
    form = asked.chosen_form(visible_forms)
    context = {
        "forms": visible_forms,
        "form": form,
        "by_choices": consolidation.BY_CHOICES,
        "boundary_choices": consolidation.BOUNDARY_CHOICES,
    }
    if form is None:
        return render(request, "reporting/consolidation.html", context)
    periods_all = list(form.periods.all())
    periods = asked.chosen_periods(periods_all)
    version = services.current_version(form)
    indicators_all = list(services.version_indicators(version)) if version else []
    indicators = asked.chosen_indicators(indicators_all)
    by = asked.value("by", "organization")
    boundaries = asked.value("boundaries", "current")
    pivot = consolidation.consolidate(
        request.user, indicators, periods, by=by, boundaries=boundaries
    )
    file_format = asked.value("export")
    if file_format:
        return download(
            render_rows(iter(pivot.table()), file_format),
            export_filename(_("consolidated figures"), file_format),
            EXPORT_FORMATS[file_format],
        )
    chart = {
        **pivot.chart(),
        "by": by,
        "labels_text": {"indicator": _("Indicator"), "total": _("Total")},
    }
    context.update(
        periods_all=periods_all,
        periods=Chosen(periods),
        indicators_all=indicators_all,
        indicators=Chosen(indicators),
        by=by,
        boundaries=boundaries,
        pivot=pivot,
        query=request.GET.urlencode(),
        chart=chart,
    )
    return render(request, "reporting/consolidation.html", context)


class Chosen(list):
    """The chosen periods or indicators: the menus ask `{% if item in chosen %}` of each of their
    options, which on a plain list compares the option with every chosen model (6,400
    comparisons for 80 indicators); here it is one look-up of the primary key."""

    def __init__(self, items):
        super().__init__(items)
        self.keys = {item.pk for item in self}

    def __contains__(self, item):
        return getattr(item, "pk", None) in self.keys


@login_required
def consolidated_report(request, pk):
    """The consolidated report of a period as a Word document (docxtpl template)."""
    period = get_object_or_404(models.Period.objects.visible_to(request.user), pk=pk)
    name = export_filename(f"{period.form} {period.label}", "docx")
    return download(consolidated_docx(period, request.user), name, DOCX)
