"""The scoring pages beyond the generic ones: the cluster board (members, head, pact, scores,
rank), a unit's scoring sheet with the step its reader may take, a campaign page, the year's
ranking, and their files (XLSX of a scoring table and of a ranking, Word of a cluster's results).

Every page starts from what the user may see (`visible_to`); every step goes through
`emulation.scoring_services`, which refuses with a message and writes nothing."""

from decimal import Decimal
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.core.downloads import download
from amity.emulation import scoring_services as services
from amity.emulation.models import Campaign, Cluster, Score, ScoreSheet
from amity.emulation.models.scoring import (
    FIRST_YEAR,
    LAST_YEAR,
    ComputedMeasure,
    CriterionKind,
    SheetState,
)
from amity.emulation.views import scoring_import

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _year(raw, default: int) -> int:
    """A year from the query string, within the years kept; the default for anything else."""
    text = str(raw or "").strip()
    if text.isascii() and text.isdigit() and len(text) == 4:
        year = int(text)
        if FIRST_YEAR <= year <= LAST_YEAR:
            return year
    return default


# --- the cluster board ----------------------------------------------------------------------------


def cluster_board_context(cluster: Cluster, request) -> dict:
    user = request.user
    members = list(cluster.members.order_by("name"))
    shown = services.may_see_ranking(user, cluster)
    result = services.cluster_result(cluster) if shown else None
    sheets = {
        sheet.organization_id: sheet
        for sheet in ScoreSheet.objects.visible_to(user).filter(
            cluster=cluster, campaign__isnull=True
        )
    }
    ranks = {row.organization_id: row for row in result.rows} if result else {}
    return {
        "board_members": [
            {"organization": org, "sheet": sheets.get(org.pk), "rank": ranks.get(org.pk)}
            for org in members
        ],
        "ranking_shown": shown,
        "result": result,
        "tie_rule": services.TIE_RULE,
        "may_publish": services.may_confirm(user),
    }


def campaign_context(campaign: Campaign, request) -> dict:
    user = request.user
    sheets = ScoreSheet.objects.filter(campaign=campaign)
    shown = user.sees_everything or campaign.ranking_published
    rows = services.ranking(sheets) if shown else []
    if rows and not user.sees_everything:
        visible = set(
            ScoreSheet.objects.visible_to(user)
            .filter(campaign=campaign)
            .values_list("pk", flat=True)
        )
        participants = set(campaign.participants.values_list("pk", flat=True))
        rows = [row for row in rows if row.organization_id in participants]
        if not visible:  # a unit that does not take part sees no ranking
            rows = []
    return {
        "participants": list(campaign.participants.order_by("name")),
        "campaign_rows": rows,
        "tie_rule": services.TIE_RULE,
    }


# --- the scoring sheet ----------------------------------------------------------------------------


def _shown(points) -> str:
    """Points as the page shows them (in the reader's number format); "" for none."""
    return "" if points is None else number_format(points, 2)


def _typed(points) -> str:
    """Points as an input holds them (a plain number)."""
    return "" if points is None else str(points)


def sheet_context(sheet: ScoreSheet, request) -> dict:
    """The rows of the scoring table, each already in the words and numbers the page shows:
    a sheet has a hundred rows, which the template only lays out."""
    user = request.user
    scores = list(
        Score.objects.filter(sheet=sheet)
        .select_related("criterion__section")
        .order_by("criterion__section__number", "criterion__order", "criterion__code")
    )
    state = sheet.state
    stage = ""
    if not user.may_edit:
        stage = ""
    elif state == SheetState.DRAFT and services.may_self_score(user, sheet):
        stage = "self"
    elif state == SheetState.SELF_SCORED and sheet.cluster_id and services.may_review(user, sheet):
        stage = "cluster"
    elif state == SheetState.CLUSTER_REVIEWED and services.may_confirm(user):
        stage = "council"
    measures = dict(ComputedMeasure.choices)
    kinds = dict(CriterionKind.choices)
    sections = []
    for section, group in groupby(scores, key=lambda s: s.criterion.section):
        rows = []
        for score in group:
            criterion = score.criterion
            previous = (
                score.cluster_points if score.cluster_points is not None else score.self_points
            )
            rows.append(
                {
                    "id": str(score.pk),
                    "code": criterion.code,
                    "text": criterion.text,
                    "kind": criterion.kind,
                    "kind_label": kinds.get(criterion.kind, ""),
                    "evidence_how": criterion.evidence_how,
                    "max": _shown(criterion.max_points),
                    "computed": _shown(score.computed_points),
                    "measure": measures.get(criterion.computed_from, ""),
                    "computed_value": _shown(score.computed_value),
                    "links": score.computed_links or [],
                    "self": _shown(score.self_points),
                    "self_input": _typed(score.self_points),
                    "evidence": score.self_evidence,
                    "explanation": score.explanation,
                    "cluster": _shown(score.cluster_points),
                    "cluster_input": _typed(previous),
                    "cluster_reason": score.cluster_reason,
                    "council": _shown(score.council_points),
                    "council_input": _typed(
                        score.council_points if score.council_points is not None else previous
                    ),
                    "council_reason": score.council_reason,
                }
            )
        sections.append((str(section), rows))
    zero = Decimal(0)
    return {
        "sections": sections,
        "stage": stage,
        "returns": services.returns_of(sheet),
        "totals": {
            "self": _shown(sum((s.self_points or zero) for s in scores)),
            "computed": _shown(sum((s.computed_points or zero) for s in scores)),
            "effective": _shown(sum((s.effective_points or zero) for s in scores)),
            "max": _shown(
                sum(
                    (s.criterion.max_points for s in scores if not s.criterion.is_penalty),
                    zero,
                )
            ),
        },
    }


def _inputs(post, scores) -> dict[int, services.ScoreInput]:
    rows = {}
    for pk in scores:
        if f"points-{pk}" in post:
            rows[pk] = services.ScoreInput(
                points=post.get(f"points-{pk}", "")[:30],
                text=post.get(f"text-{pk}", "")[:5000],
                explanation=post.get(f"explanation-{pk}", "")[:5000],
            )
    return rows


def _compute(sheet: ScoreSheet, user) -> int:
    """The unit (or the centre) refreshes its draft's computed values from the records."""
    if not services.may_self_score(user, sheet):
        raise PermissionDenied(_("Only the unit scores itself."))
    return services.compute_sheets([sheet], by=user)


@login_required
@require_POST
def sheet_action(request, pk):
    """One step on a sheet: save the scores of the reader's stage, and/or move the sheet on."""
    sheet = get_object_or_404(
        ScoreSheet.objects.visible_to(request.user).select_related(
            "cluster", "organization", "campaign"
        ),
        pk=pk,
    )
    if not request.user.may_edit:
        raise PermissionDenied
    action = request.POST.get("action", "")
    score_ids = list(Score.objects.filter(sheet=sheet).values_list("pk", flat=True))
    rows = _inputs(request.POST, score_ids)
    steps = {
        "save": lambda: services.save_self_scores(sheet, rows, by=request.user),
        "submit": lambda: (
            services.save_self_scores(sheet, rows, by=request.user) if rows else None,
            services.submit_sheet(sheet, by=request.user),
        ),
        "compute": lambda: _compute(sheet, request.user),
        "cluster": lambda: services.adjust_cluster_scores(sheet, rows, by=request.user),
        "review": lambda: (
            services.adjust_cluster_scores(sheet, rows, by=request.user) if rows else None,
            services.review_sheet(sheet, by=request.user),
        ),
        "return": lambda: services.return_sheet(
            sheet, reason=request.POST.get("return_reason", ""), by=request.user
        ),
        "council": lambda: services.adjust_council_scores(sheet, rows, by=request.user),
        "confirm": lambda: (
            services.adjust_council_scores(sheet, rows, by=request.user) if rows else None,
            services.confirm_sheet(sheet, by=request.user),
        ),
    }
    step = steps.get(action)
    if step is None:
        messages.error(request, _("Unknown step."))
        return HttpResponseRedirect(sheet.get_absolute_url())
    try:
        from django.db import transaction

        with transaction.atomic():  # a save and a move: both or neither
            step()
    except ValidationError as refused:
        for message in refused.messages:
            messages.error(request, message)
    except PermissionDenied as denied:
        messages.error(request, str(denied) or _("You may not take this step."))
    else:
        messages.success(request, _("Done."))
    return HttpResponseRedirect(sheet.get_absolute_url())


@login_required
def sheet_xlsx(request, pk):
    sheet = get_object_or_404(ScoreSheet.objects.visible_to(request.user), pk=pk)
    content = services.sheet_xlsx(sheet)
    return download(content, f"score-sheet-{sheet.pk}.xlsx", XLSX)


# --- the cluster's files and steps ----------------------------------------------------------------


def _cluster_with_ranking(request, pk) -> Cluster:
    cluster = get_object_or_404(
        Cluster.objects.visible_to(request.user).select_related("head", "deputy", "organization"),
        pk=pk,
    )
    if not services.may_see_ranking(request.user, cluster):
        raise Http404
    return cluster


@login_required
def cluster_ranking_xlsx(request, pk):
    cluster = _cluster_with_ranking(request, pk)
    result = services.cluster_result(cluster)
    content = services.ranking_xlsx(result.rows, str(cluster), {cluster.pk: cluster.name})
    return download(content, f"cluster-{cluster.pk}-ranking.xlsx", XLSX)


@login_required
def cluster_docx(request, pk):
    cluster = _cluster_with_ranking(request, pk)
    content = services.cluster_docx(services.cluster_result(cluster))
    return download(content, f"cluster-{cluster.pk}-results.docx", DOCX)


@login_required
@require_POST
def cluster_publish(request, pk):
    cluster = get_object_or_404(Cluster.objects.visible_to(request.user), pk=pk)
    try:
        services.publish_ranking(
            cluster, by=request.user, published=request.POST.get("published") != "0"
        )
    except PermissionDenied as denied:
        messages.error(request, str(denied))
    return HttpResponseRedirect(cluster.get_absolute_url())


@login_required
@require_POST
def clusters_copy_forward(request):
    year = _year(request.POST.get("year"), 0)
    try:
        made = services.copy_clusters_forward(year, by=request.user)
    except (ValidationError, PermissionDenied) as refused:
        for message in getattr(refused, "messages", [str(refused)]):
            messages.error(request, message)
        return HttpResponseRedirect(reverse("emulation:ranking"))
    messages.success(
        request,
        _("%(count)s clusters made for %(year)s.") % {"count": len(made), "year": year + 1},
    )
    return HttpResponseRedirect(f"{reverse('emulation:cluster_list')}?year={year + 1}")


# --- the year's ranking ---------------------------------------------------------------------------


@login_required
def ranking_page(request):
    """Every cluster's ranking of a year that the user may see, with the overall rank for the
    centre; `?export=xlsx` downloads it."""
    user = request.user
    year = _year(request.GET.get("year"), timezone.localdate().year)
    clusters = list(
        Cluster.objects.visible_to(user).filter(year=year).select_related("head").order_by("name")
    )
    shown = {cluster.pk: cluster for cluster in services.clusters_with_ranking(user, clusters)}
    sheets = ScoreSheet.objects.filter(year=year, campaign__isnull=True, cluster__in=list(shown))
    rows = services.ranking(sheets) if shown else []
    names = {pk: cluster.name for pk, cluster in shown.items()}
    if request.GET.get("export") == "xlsx":
        title = _("Emulation ranking %(year)s") % {"year": year}
        return download(services.ranking_xlsx(rows, title, names), f"ranking-{year}.xlsx", XLSX)
    by_cluster = services.rows_by_cluster(rows)
    groups = [
        {
            "cluster": cluster,
            "rows": by_cluster.get(pk, []),
            "leader": by_cluster[pk][0] if by_cluster.get(pk) else None,
        }
        for pk, cluster in shown.items()
    ]
    years = sorted(
        set(Cluster.objects.visible_to(user).values_list("year", flat=True)) | {year}, reverse=True
    )
    return render(
        request,
        "emulation/scoring/ranking.html",
        {
            "year": year,
            "years": years,
            "groups": groups,
            "overall": rows if user.sees_everything else [],
            "tie_rule": services.TIE_RULE,
            "may_copy": services.may_confirm(user),
        },
    )


def urls() -> list:
    return [
        path("ranking/", ranking_page, name="ranking"),
        path("score-sheets/<int:pk>/step/", sheet_action, name="scoresheet_step"),
        path("score-sheets/<int:pk>/xlsx/", sheet_xlsx, name="scoresheet_xlsx"),
        path("clusters/<int:pk>/ranking.xlsx", cluster_ranking_xlsx, name="cluster_ranking_xlsx"),
        path("clusters/<int:pk>/results.docx", cluster_docx, name="cluster_docx"),
        path("clusters/<int:pk>/publish/", cluster_publish, name="cluster_publish"),
        path("clusters/copy-forward/", clusters_copy_forward, name="cluster_copy_forward"),
        *scoring_import.urls(),  # a whole criteria table from one workbook
    ]
