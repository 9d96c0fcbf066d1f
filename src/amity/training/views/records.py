"""The training records' pages: a person's "Training" tab, an organization's "Training" tab,
the training gaps (with their XLSX export), the year's plan against what was done and its Word
report."""

import io

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from amity.core.dates import MAX_YEAR, MIN_YEAR
from amity.core.downloads import DOCX, XLSX, download
from amity.core.exports import SafeWorkbook, export_filename
from amity.core.scoping import branch_of
from amity.organizations.choices import PositionTitle
from amity.organizations.models import Organization, Position
from amity.training import records, report
from amity.training.models import Course, Programme

#: the gaps a page shows; the export holds them all
GAPS_SHOWN = 500
#: the gaps an organization's tab shows; the gaps page, filtered by it, shows the others
TAB_GAPS_SHOWN = 100


# --- the tabs -------------------------------------------------------------------------------------


def person_tab(person, request) -> dict:
    """A person's training record (`records.person_record`): the person page has checked the
    person is visible; the record is the person's, whoever organized the courses. A course is
    a link only for who may open it."""
    record = records.person_record(person)
    course_ids = {line.nomination.course_id for line in record.courses}
    seen = set(
        Course.objects.visible_to(request.user)
        .filter(pk__in=course_ids)
        .values_list("pk", flat=True)
        if course_ids
        else ()
    )
    return {"record": record, "seen_courses": seen}


def organization_tab(organization, request) -> dict:
    """An organization's training overview (`records.organization_overview`) of its branch,
    which the user sees whole once they see the organization (the tree's scope)."""
    return {
        "overview": records.organization_overview(organization),
        "gaps_shown": TAB_GAPS_SHOWN,
        "gaps_slice": f":{TAB_GAPS_SHOWN}",
    }


# --- the gaps -------------------------------------------------------------------------------------


class GapFilterForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=gettext_lazy("Organization (and those under it)"),
        queryset=Organization.objects.none(),
        required=False,
    )
    title = forms.ChoiceField(
        label=pgettext_lazy("job", "title"),
        choices=[("", "---------"), *PositionTitle.choices],
        required=False,
    )
    programme = forms.ModelChoiceField(
        label=gettext_lazy("training programme"), queryset=Programme.objects.none(), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organizations = self.fields["organization"]
        programmes = self.fields["programme"]
        assert isinstance(organizations, forms.ModelChoiceField)
        assert isinstance(programmes, forms.ModelChoiceField)
        organizations.queryset = Organization.objects.visible_to(user).order_by("tree_path")
        programmes.queryset = Programme.objects.visible_to(user)


def gap_list(request, data) -> tuple[GapFilterForm, list[records.Gap], bool]:
    """The gaps of the positions the user sees, narrowed by the filters of `data`."""
    form = GapFilterForm(data or None, user=request.user)
    if form.is_bound and not form.is_valid():
        return form, [], False
    positions = Position.objects.visible_to(request.user)
    chosen = form.cleaned_data if form.is_bound else {}
    if chosen.get("organization"):
        positions = positions.filter(organization__any_of=branch_of(chosen["organization"]))
    if chosen.get("title"):
        positions = positions.filter(title=chosen["title"])
    return form, records.gaps(positions, programme=chosen.get("programme")), True


@login_required
def gaps(request):
    """Every current position holder the user sees lacking a required programme; a unit sees
    its branch, the centre all. `?export=xlsx` gives the same rows as a workbook."""
    filters = request.GET.copy()
    export = filters.pop("export", [""])[-1]
    form, found, valid = gap_list(request, filters)
    if export == "xlsx" and valid:
        return download(gaps_workbook(found), export_filename("training-gaps", "xlsx"), XLSX)
    return render(
        request,
        "training/gaps.html",
        {
            "form": form,
            "gaps": found[:GAPS_SHOWN],
            "total": len(found),
            "shown": GAPS_SHOWN,
            "query": filters.urlencode(),
        },
        status=200 if valid else 400,
    )


def gaps_workbook(found: list[records.Gap]) -> bytes:
    workbook = SafeWorkbook(write_only=True)
    sheet = workbook.create_sheet(_("Training gaps")[:31])
    sheet.append(
        [
            _("Person"),
            _("Organization"),
            _("Position"),
            _("Required programme"),
            _("Within (years)"),
            _("Last completed"),
        ]
    )
    for gap in found:
        sheet.append(
            [
                str(gap.person),
                str(gap.organization),
                gap.position.get_title_display(),
                str(gap.requirement.programme),
                gap.requirement.within_years,
                gap.last_completed,
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- the plan against what was done ---------------------------------------------------------------


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("year"), min_value=MIN_YEAR, max_value=MAX_YEAR, required=False
    )


def chosen_year(request) -> tuple[YearForm, int, bool]:
    form = YearForm({"year": request.GET.get("year", "")} if "year" in request.GET else None)
    year = timezone.localdate().year
    if form.is_bound:
        if not form.is_valid():
            return form, year, False
        year = form.cleaned_data["year"] or year
    return form, year, True


@login_required
def plan(request):
    """The year's courses the user sees, per programme: planned against held, places offered
    against people who completed, hours."""
    form, year, valid = chosen_year(request)
    lines = records.plan_versus_done(Course.objects.visible_to(request.user), year) if valid else []
    return render(
        request,
        "training/plan.html",
        {"form": form, "year": year, "lines": lines, "total": records.plan_total(lines)},
        status=200 if valid else 400,
    )


@login_required
def yearly_report(request):
    """The year's training report as a Word document, under the letterhead of the user's
    organization, of what the user sees."""
    form, year, valid = chosen_year(request)
    if not valid:
        return render(
            request,
            "training/plan.html",
            {"form": form, "year": year, "lines": [], "total": records.plan_total([])},
            status=400,
        )
    content = report.yearly_report(request.user, year)
    return download(content, export_filename(f"training-report-{year}", "docx"), DOCX)
