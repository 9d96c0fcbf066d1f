"""Domain logic of emulation scoring: the sheets' workflow (self-score, cluster review, council
confirmation), the computed criteria, the ranking, copying a year's clusters forward, and the
XLSX and Word files of the results.

Every step is a function that checks who may take it and refuses with a translated message
(`ValidationError`, or `PermissionDenied` for the wrong person), inside one transaction: a
refused step writes nothing. Every change of a score leaves its history (the history user is
the one who took the step).
"""

import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F, FilteredRelation, FloatField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from amity.core.exports import SafeWorkbook, neutralise
from amity.core.scoping import branch_of, organization_in_scope
from amity.core.writes import ChangeRefused, EditableWhile, Writer
from amity.emulation.models import Cluster, Criterion, Score, ScoreSheet
from amity.emulation.models.scoring import CriterionKind, SheetState
from amity.organizations.choices import LineageEventKind, OrganizationStatus
from amity.organizations.models import LineageEvent, Organization

ZERO = Decimal("0")
#: the sums are read as floats and rounded to cents in Python: on SQLite a decimal output
#: wraps every row of the sum in a CAST, which doubled the query's time against plain SQL
POINTS_FIELD = FloatField()

#: the tie-break rule, as the ranking pages state it
TIE_RULE = gettext_lazy(
    "Ties are broken by more points in section 1, then by fewer penalty points, then by the "
    "unit's name."
)


# --- who may do what ------------------------------------------------------------------------------


def may_self_score(user, sheet: ScoreSheet) -> bool:
    """The unit (an officer of its branch) or the centre."""
    return organization_in_scope(user, sheet.organization)


def may_review(user, sheet: ScoreSheet) -> bool:
    """The cluster head's organization (an officer of its branch), or the centre."""
    if user.edits_everything:
        return True
    head = sheet.cluster.head if sheet.cluster is not None else None
    return head is not None and organization_in_scope(user, head)


def may_confirm(user) -> bool:
    """The central emulation council: an officer of the centre."""
    return bool(user is not None and user.is_authenticated and user.edits_everything)


def may_see_ranking(user, cluster: Cluster) -> bool:
    """The centre and the cluster head see the ranking as it forms; a member once published."""
    if not user.is_authenticated:
        return False
    if user.sees_everything or (cluster.head_id and organization_in_scope(user, cluster.head)):
        return True
    home = user.organization
    if not cluster.ranking_published or home is None or not home.tree_path:
        return False
    return cluster.members.filter(pk__in=branch_of(home)).exists()


def clusters_with_ranking(user, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters among `clusters` whose ranking `user` may see (`may_see_ranking`), with at
    most one query whatever their number (the year's ranking page lists them all)."""
    if not user.is_authenticated:
        return []
    if user.sees_everything:
        return list(clusters)
    home = user.organization
    heading = {c.pk for c in clusters if c.head_id and organization_in_scope(user, c.head)}
    published = [c.pk for c in clusters if c.ranking_published and c.pk not in heading]
    member_of: set[int] = set()
    if published and home is not None and home.tree_path:
        member_of = set(
            Cluster.members.through.objects.filter(
                cluster_id__in=published, organization_id__in=branch_of(home)
            ).values_list("cluster_id", flat=True)
        )
    return [c for c in clusters if c.pk in heading or c.pk in member_of]


# --- the write path of sheets and scores ----------------------------------------------------------


class ScoreSheetWriter(Writer):
    """A sheet is edited (its notes, its cluster) while in draft; a new one gets a row for every
    criterion of its table, with the computed values the records give."""

    fixed_fields = ("organization", "year", "campaign", "criteria_table")
    editable_while = EditableWhile(
        "state",
        (SheetState.DRAFT,),
        gettext_lazy("The sheet has been submitted: only its workflow's steps change it now."),
    )

    def after_save(self, record, user, created: bool) -> None:
        if created:
            add_score_rows([record], user)

    def after_save_batch(self, records, user, created: bool) -> None:
        if created:
            add_score_rows(list(records), user)


class ScoreWriter(Writer):
    """A self-score is the unit's while its sheet is a draft; after that only the workflow's
    steps (the cluster's and the council's points) change it."""

    fixed_fields = ("sheet", "criterion")

    def change_refusal(self, record, user) -> str | None:
        return _sheet_refusal(record.sheet)

    def before_save(self, record, user, created: bool) -> None:
        refusal = _sheet_refusal(record.sheet)
        if refusal:
            raise ChangeRefused(refusal)


def _sheet_refusal(sheet: ScoreSheet) -> str | None:
    if sheet.state == SheetState.SELF_SCORED:
        return str(_("The sheet has been submitted for review: its self-scores cannot change."))
    if sheet.state in (SheetState.CLUSTER_REVIEWED, SheetState.CONFIRMED):
        return str(_("The cluster has reviewed this sheet: its self-scores cannot change."))
    return None


def add_score_rows(sheets: list[ScoreSheet], user) -> int:
    """A row for each criterion of each sheet's table that it has not yet, then the computed
    values. Returns the number of rows added."""
    by_table: dict[int, list[int]] = defaultdict(list)
    for criterion_id, table_id in Criterion.objects.filter(
        section__table__in={sheet.criteria_table_id for sheet in sheets},
        section__deleted_at__isnull=True,
    ).values_list("pk", "section__table_id"):
        by_table[table_id].append(criterion_id)
    existing = set(
        Score.all_objects.filter(sheet__in=sheets).values_list("sheet_id", "criterion_id")
    )
    rows = [
        Score(sheet=sheet, criterion_id=criterion_id)
        for sheet in sheets
        for criterion_id in by_table[sheet.criteria_table_id]
        if (sheet.pk, criterion_id) not in existing
    ]
    bulk_create_with_history(rows, Score, default_user=user, batch_size=500)
    compute_sheets(sheets, by=user)
    return len(rows)


# --- the computed criteria ------------------------------------------------------------------------


def period_of(sheet: ScoreSheet) -> tuple[date, date]:
    """The period a sheet's facts are counted over: its campaign's, or its calendar year."""
    if sheet.campaign is not None:
        return sheet.campaign.starts_on, sheet.campaign.ends_on
    return date(sheet.year, 1, 1), date(sheet.year, 12, 31)


def compute_sheets(sheets, *, by=None) -> int:
    """Write the computed value, points and link of every computed criterion of the draft
    sheets given (a submitted sheet keeps what it was submitted with); a self-score not yet
    given starts as the computed points. A fixed number of queries per period, whatever the
    number of sheets (`emulation.facts.activity_facts`). Returns the rows changed."""
    drafts = [sheet for sheet in sheets if sheet.state == SheetState.DRAFT]
    if not drafts:
        return 0
    scores = list(
        Score.objects.filter(
            sheet__in=drafts, criterion__computed_from__gt="", criterion__deleted_at__isnull=True
        ).select_related("criterion", "sheet__campaign")
    )
    fields = ("computed_value", "computed_points", "computed_links", "self_points")
    before = {score.pk: tuple(getattr(score, name) for name in fields) for score in scores}
    fill_computed(scores)
    # only the rows whose values moved: a year computed again writes (and records) no more
    changed = [s for s in scores if tuple(getattr(s, n) for n in fields) != before[s.pk]]
    bulk_update_with_history(
        changed,
        Score,
        list(fields),
        batch_size=200,
        default_user=by,
    )
    return len(changed)


def fill_computed(scores: list[Score]) -> None:
    """Set, in memory, the computed value, points and link of the scores of computed criteria
    (their `sheet` and `criterion` loaded); a self-score not yet given starts as the computed
    points. The facts are read once per period for all the organizations."""
    from amity.emulation.facts import activity_facts

    scores = [score for score in scores if score.criterion.computed_from]
    by_period: dict[tuple[date, date], set[int]] = defaultdict(set)
    for score in scores:
        by_period[period_of(score.sheet)].add(score.sheet.organization_id)
    facts = {
        period: activity_facts(Organization.objects.filter(pk__in=ids), *period)
        for period, ids in by_period.items()
    }
    for score in scores:
        fact = facts[period_of(score.sheet)].get(score.sheet.organization_id)
        key = score.criterion.computed_from
        value = Decimal(str(fact.value(key) or 0)) if fact is not None else ZERO
        score.computed_value = value.quantize(Decimal("0.01"))
        score.computed_points = score.criterion.points_for(value)
        score.computed_links = [fact.link(key)] if fact is not None and fact.link(key) else []
        if score.self_points is None:
            score.self_points = score.computed_points


def compute_year(year: int, *, by=None) -> int:
    """Compute every computed criterion of every draft sheet of `year` (not the campaigns')."""
    sheets = list(
        ScoreSheet.objects.filter(year=year, campaign__isnull=True, state=SheetState.DRAFT)
    )
    return compute_sheets(sheets, by=by)


# --- the workflow ---------------------------------------------------------------------------------


def parse_points(raw) -> Decimal | None:
    """Points typed in a form ("", "7", "7,5", "-2"); ValueError for anything else."""
    text = str(raw if raw is not None else "").strip().replace(",", ".")
    if not text:
        return None
    try:
        points = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not points.is_finite() or abs(points) >= Decimal("100000"):
        raise ValueError(text)
    return points.quantize(Decimal("0.01"))


def _locked(sheet: ScoreSheet) -> ScoreSheet:
    return (
        ScoreSheet.objects.select_for_update(of=("self",))
        .select_related("cluster", "organization")
        .get(pk=sheet.pk)
    )


def _scores_of(sheet: ScoreSheet) -> dict[int, Score]:
    return {
        score.pk: score
        for score in Score.objects.filter(sheet=sheet).select_related("criterion__section")
    }


@dataclass
class ScoreInput:
    """What a form posts for one score row: points and a text (evidence, or a reason), and the
    explanation of a difference from the computed value."""

    points: str = ""
    text: str = ""
    explanation: str = ""


def _bad_points(criterion, raw) -> tuple[Decimal | None, str | None]:
    try:
        points = parse_points(raw)
    except ValueError:
        return None, _("Criterion %(code)s: “%(value)s” is not a number of points.") % {
            "code": criterion.code,
            "value": str(raw)[:20],
        }
    return points, criterion.points_error(points)


def save_self_scores(sheet: ScoreSheet, rows: dict[int, ScoreInput], *, by) -> list[Score]:
    """The unit's self-scores, evidence and explanations for the rows given (by score id), all
    or nothing: every refused row is named in one ValidationError."""
    if not may_self_score(by, sheet):
        raise PermissionDenied(_("Only the unit scores itself."))
    with transaction.atomic():
        current = _locked(sheet)
        refusal = _sheet_refusal(current)
        if refusal:
            raise ValidationError(refusal)
        scores = _scores_of(current)
        errors, changed = [], []
        for pk, given in rows.items():
            score = scores.get(pk)
            if score is None:
                continue
            points, error = _bad_points(score.criterion, given.points)
            if error:
                errors.append(error)
                continue
            score.self_points = points
            score.self_evidence = given.text.strip()
            score.explanation = given.explanation.strip()
            try:
                score.full_clean(exclude=["sheet", "criterion"])
            except ValidationError as invalid:
                errors += [f"{score.criterion.code}: {m}" for m in invalid.messages]
                continue
            score._history_user = by
            changed.append(score)
        if errors:
            raise ValidationError(errors)
        for score in changed:
            score.save()
    return changed


def submit_sheet(sheet: ScoreSheet, *, by) -> ScoreSheet:
    """Draft → self-scored: every criterion scored, evidenced where required, and every
    difference from a computed value explained."""
    if not may_self_score(by, sheet):
        raise PermissionDenied(_("Only the unit submits its sheet."))
    with transaction.atomic():
        current = _locked(sheet)
        if current.state != SheetState.DRAFT:
            raise ValidationError(_("Only a draft sheet can be submitted."))
        scores = list(_scores_of(current).values())
        if not scores:
            raise ValidationError(_("The sheet has no criteria to score."))
        missing = [s.criterion.code for s in scores if s.self_points is None]
        if missing:
            raise ValidationError(
                _("Criteria without a self-score: %(codes)s.") % {"codes": ", ".join(missing)}
            )
        unevidenced = [
            s.criterion.code
            for s in scores
            if s.criterion.evidence_required
            and s.self_points
            and not s.self_evidence.strip()
            and s.computed_points is None
        ]
        if unevidenced:
            raise ValidationError(
                _("Criteria scored without their evidence: %(codes)s.")
                % {"codes": ", ".join(unevidenced)}
            )
        unexplained = [
            s.criterion.code
            for s in scores
            if s.computed_points is not None
            and s.self_points != s.computed_points
            and not s.explanation.strip()
        ]
        if unexplained:
            raise ValidationError(
                _(
                    "Self-scores differing from the computed value without an explanation: "
                    "%(codes)s."
                )
                % {"codes": ", ".join(unexplained)}
            )
        current.state = SheetState.SELF_SCORED
        current.submitted_at = timezone.now()
        current.return_reason = ""  # answered by this submission; the history keeps it
        current._history_user = by
        current.save()
    return current


def _adjust(sheet, rows, *, by, stage: str) -> list[Score]:
    """The cluster's (stage "cluster") or the council's ("council") points for the rows given;
    a point differing from the previous stage's needs its reason."""
    with transaction.atomic():
        current = _locked(sheet)
        expected = SheetState.SELF_SCORED if stage == "cluster" else SheetState.CLUSTER_REVIEWED
        if current.state != expected:
            if stage == "cluster":
                raise ValidationError(_("The cluster reviews a sheet once it is submitted."))
            raise ValidationError(_("The council confirms a sheet the cluster has reviewed."))
        scores = _scores_of(current)
        errors, changed = [], []
        for pk, given in rows.items():
            score = scores.get(pk)
            if score is None:
                continue
            points, error = _bad_points(score.criterion, given.points)
            if error:
                errors.append(error)
                continue
            previous = score.self_points
            if stage == "council" and score.cluster_points is not None:
                previous = score.cluster_points
            reason = given.text.strip()
            if points is not None and points != previous and not reason:
                errors.append(
                    _("Criterion %(code)s: say why the points change from %(before)s to %(after)s.")
                    % {"code": score.criterion.code, "before": previous, "after": points}
                )
                continue
            if points is not None and points == previous:
                points, reason = None, ""  # no adjustment: the previous stage's points stand
            before = (
                (score.cluster_points, score.cluster_reason)
                if stage == "cluster"
                else (score.council_points, score.council_reason)
            )
            if before == (points, reason):
                continue
            setattr(score, f"{stage}_points", points)
            setattr(score, f"{stage}_reason", reason)
            score._history_user = by
            changed.append(score)
        if errors:
            raise ValidationError(errors)
        for score in changed:
            score.save()
    return changed


def adjust_cluster_scores(sheet: ScoreSheet, rows: dict[int, ScoreInput], *, by) -> list[Score]:
    if not may_review(by, sheet):
        raise PermissionDenied(_("Only the cluster head or the centre reviews the sheet."))
    return _adjust(sheet, rows, by=by, stage="cluster")


def adjust_council_scores(sheet: ScoreSheet, rows: dict[int, ScoreInput], *, by) -> list[Score]:
    if not may_confirm(by):
        raise PermissionDenied(_("Only the central emulation council confirms the scores."))
    return _adjust(sheet, rows, by=by, stage="council")


def review_sheet(sheet: ScoreSheet, *, by) -> ScoreSheet:
    """Self-scored → reviewed by the cluster."""
    if not may_review(by, sheet):
        raise PermissionDenied(_("Only the cluster head or the centre reviews the sheet."))
    return _move(sheet, SheetState.SELF_SCORED, SheetState.CLUSTER_REVIEWED, "reviewed_at", by)


def confirm_sheet(sheet: ScoreSheet, *, by) -> ScoreSheet:
    """Reviewed → confirmed by the central council."""
    if not may_confirm(by):
        raise PermissionDenied(_("Only the central emulation council confirms the scores."))
    return _move(sheet, SheetState.CLUSTER_REVIEWED, SheetState.CONFIRMED, "confirmed_at", by)


#: the longest reason for a return kept (a page of text): more is a paste gone wrong
RETURN_REASON_MAX_CHARS = 5000


def return_sheet(sheet: ScoreSheet, *, reason: str, by) -> ScoreSheet:
    """Self-scored → draft again, for the unit to correct (the cluster's or the centre's step),
    with the reason the unit reads on its sheet until it submits again."""
    if not may_review(by, sheet):
        raise PermissionDenied(_("Only the cluster head or the centre returns the sheet."))
    reason = str(reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the sheet goes back to the unit."))
    if len(reason) > RETURN_REASON_MAX_CHARS:
        raise ValidationError(
            _("The reason is longer than %(limit)s characters.")
            % {"limit": RETURN_REASON_MAX_CHARS}
        )
    return _move(
        sheet,
        SheetState.SELF_SCORED,
        SheetState.DRAFT,
        "returned_at",
        by,
        return_reason=reason,
    )


@dataclass(frozen=True)
class SheetReturn:
    """One time the sheet was sent back: when, by whom, why."""

    returned_at: object
    by: str
    reason: str


def returns_of(sheet: ScoreSheet) -> list[SheetReturn]:
    """Every return of the sheet, oldest first, read from its history (one query): the sheet
    keeps only the latest reason, and only until the unit submits again."""
    seen, found = set(), []
    records = (
        sheet.history.filter(returned_at__isnull=False)
        .exclude(return_reason="")
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    for record in records:
        if record.returned_at in seen:
            continue  # a later save of the same returned sheet
        seen.add(record.returned_at)
        user = record.history_user
        found.append(
            SheetReturn(record.returned_at, str(user) if user else "", record.return_reason)
        )
    return found


def _move(sheet, source: str, target: str, stamp_field: str, by, **changes) -> ScoreSheet:
    with transaction.atomic():
        current = _locked(sheet)
        if current.state != source:
            raise ValidationError(
                _("This step is for a sheet that is “%(state)s”; this one is “%(current)s”.")
                % {
                    "state": SheetState(source).label,
                    "current": current.get_state_display(),
                }
            )
        current.state = target
        if stamp_field:
            setattr(current, stamp_field, timezone.now())
        for name, value in changes.items():
            setattr(current, name, value)
        current._history_user = by
        current.save()
    return current


def publish_ranking(cluster: Cluster, *, by, published: bool = True) -> Cluster:
    if not may_confirm(by):
        raise PermissionDenied(_("Only the centre publishes a cluster's ranking."))
    with transaction.atomic():
        current = Cluster.objects.select_for_update(of=("self",)).get(pk=cluster.pk)
        current.ranking_published = published
        current._history_user = by
        current.save()
    return current


# --- the ranking ----------------------------------------------------------------------------------


@dataclass
class RankRow:
    sheet_id: int
    organization_id: int
    organization: str
    cluster_id: int | None
    state: str
    total: Decimal
    first_section: Decimal
    penalties: Decimal
    rank: int = 0
    cluster_rank: int = 0

    @property
    def state_label(self) -> str:
        return str(SheetState(self.state).label)


#: the sheet's live rows, deleted ones left out in the join itself (as the hand-written SQL
#: does), not by a test repeated inside each of the three sums
LIVE_SCORES = "live_scores"


def _points(condition: Q | None = None):
    """The sum of a sheet's live rows at their latest stage (the council's, else the
    cluster's, else the unit's), of the rows meeting `condition`; 0 for none."""
    effective = Coalesce(
        f"{LIVE_SCORES}__council_points",
        f"{LIVE_SCORES}__cluster_points",
        f"{LIVE_SCORES}__self_points",
        output_field=POINTS_FIELD,
    )
    return Coalesce(
        Sum(effective, filter=condition),
        Value(0.0),
        output_field=POINTS_FIELD,
    )


def ranking_queryset(sheets, *, english: bool = False):
    """The sheets' totals, in ranking order: one aggregate query, grouped by the sheet alone.
    The organization's English name is read only for a page in English."""
    name = "organization__name_en" if english else "organization__name"
    return (
        sheets.order_by()
        .annotate(
            **{
                LIVE_SCORES: FilteredRelation(
                    "scores", condition=Q(scores__deleted_at__isnull=True)
                )
            }
        )
        .values("pk", "organization_id", "organization__name", "cluster_id", "state")
        .annotate(
            shown_name=F(name),
            total=_points(),
            first_section=_points(Q(**{f"{LIVE_SCORES}__criterion__section__number": 1})),
            penalties=_points(Q(**{f"{LIVE_SCORES}__criterion__kind": CriterionKind.PENALTY})),
        )
        .order_by("-total", "-first_section", "-penalties", "organization__name", "pk")
    )


def ranking(sheets) -> list[RankRow]:
    """The ranking of `sheets` (a queryset of ScoreSheet): rank overall and within each
    cluster, ties broken by `TIE_RULE`; a true tie (same total, section 1 and penalties) shares
    the rank. One query; the rows come sorted from the database."""
    from amity.organizations.models import in_language

    english = in_language("vi", "en") == "en"  # one look at the language, not one per row
    rows = [
        RankRow(
            sheet_id=pk,
            organization_id=org,
            organization=shown or name,
            cluster_id=cluster,
            state=state,
            total=_cents(total),
            first_section=_cents(first),
            penalties=_cents(penalties),
        )
        for pk, org, name, cluster, state, shown, total, first, penalties in ranking_queryset(
            sheets, english=english
        ).values_list(
            "pk",
            "organization_id",
            "organization__name",
            "cluster_id",
            "state",
            "shown_name",
            "total",
            "first_section",
            "penalties",
        )
    ]
    _assign(rows, "rank")
    by_cluster: dict[int | None, list[RankRow]] = defaultdict(list)
    for row in rows:
        by_cluster[row.cluster_id].append(row)
    for members in by_cluster.values():
        _assign(members, "cluster_rank")
    return rows


def rows_by_cluster(rows: list[RankRow]) -> dict[int | None, list[RankRow]]:
    """The ranking's rows cluster by cluster, in rank order (one pass)."""
    grouped: dict[int | None, list[RankRow]] = defaultdict(list)
    for row in rows:
        grouped[row.cluster_id].append(row)
    return grouped


CENT = Decimal("0.01")


def _cents(value) -> Decimal:
    # the sum is a float of cents: rounding it to 2 places first gives the decimal directly
    return Decimal(f"{value or 0:.2f}") if not isinstance(value, Decimal) else value.quantize(CENT)


def _assign(rows: list[RankRow], attribute: str) -> None:
    previous, rank = None, 0
    for index, row in enumerate(rows, start=1):
        key = (row.total, row.first_section, row.penalties)
        if key != previous:
            rank, previous = index, key
        setattr(row, attribute, rank)


def ranking_sql(year: int) -> tuple[str, list]:
    """The hand-written SQL of the same totals (the bench compares the ORM's query with it)."""
    table = connection.ops.quote_name
    sql = f"""
        SELECT s.id, s.organization_id, s.cluster_id,
               COALESCE(SUM(COALESCE(sc.council_points, sc.cluster_points, sc.self_points, 0)), 0)
                   AS total,
               COALESCE(SUM(CASE WHEN sec.number = 1 THEN
                   COALESCE(sc.council_points, sc.cluster_points, sc.self_points, 0) END), 0)
                   AS first_section,
               COALESCE(SUM(CASE WHEN c.kind = 'penalty' THEN
                   COALESCE(sc.council_points, sc.cluster_points, sc.self_points, 0) END), 0)
                   AS penalties
        FROM {table("emulation_scoresheet")} s
        JOIN {table("organizations_organization")} o ON o.id = s.organization_id
        LEFT JOIN {table("emulation_score")} sc ON sc.sheet_id = s.id AND sc.deleted_at IS NULL
        LEFT JOIN {table("emulation_criterion")} c ON c.id = sc.criterion_id
        LEFT JOIN {table("emulation_criteriasection")} sec ON sec.id = c.section_id
        WHERE s.year = %s AND s.campaign_id IS NULL AND s.deleted_at IS NULL
        GROUP BY s.id, s.organization_id, s.cluster_id, o.name
        ORDER BY total DESC, first_section DESC, penalties DESC, o.name, s.id
    """
    return sql, [year]


# --- clusters from one year to the next -----------------------------------------------------------


def successor_of(organization_id: int, merged: dict[int, int]) -> int:
    """The organization that carries `organization_id` now, following mergers (no loops)."""
    seen = {organization_id}
    while organization_id in merged and merged[organization_id] not in seen:
        organization_id = merged[organization_id]
        seen.add(organization_id)
    return organization_id


def copy_clusters_forward(year: int, *, by) -> list[Cluster]:
    """Make next year's clusters from `year`'s: the same names, kinds, regions and criteria
    tables; the members that merged replaced by their successor (the 2025 merger), those that
    ended left out; the head's role passes to the next member, the deputy's to the one after."""
    if not may_confirm(by):
        raise PermissionDenied(_("Only the centre organizes the emulation clusters."))
    if not (2000 <= year < 2100):
        raise ValidationError(_("There are no clusters in this year."))
    source = list(
        Cluster.objects.filter(year=year).prefetch_related("members").order_by("name", "pk")
    )
    if not source:
        raise ValidationError(_("There are no clusters in %(year)s to copy.") % {"year": year})
    if Cluster.objects.filter(year=year + 1).exists():
        raise ValidationError(
            _("%(year)s already has its clusters: nothing was copied.") % {"year": year + 1}
        )
    merged = dict(
        LineageEvent.objects.filter(
            kind=LineageEventKind.MERGED, successor__isnull=False
        ).values_list("organization_id", "successor_id")
    )
    ended = set(
        Organization.objects.filter(
            status__in=[OrganizationStatus.CEASED, OrganizationStatus.TERMINATED]
        ).values_list("pk", flat=True)
    )
    made = []
    with transaction.atomic():
        for cluster in source:
            members = []
            for member in sorted(cluster.members.all(), key=lambda org: (org.name, org.pk)):
                carried = successor_of(member.pk, merged)
                if carried not in ended and carried not in members:
                    members.append(carried)
            head, deputy = _rotate(members, successor_of(cluster.head_id or 0, merged))
            copy = Cluster(
                organization_id=cluster.organization_id,
                year=year + 1,
                name=cluster.name,
                kind=cluster.kind,
                region=cluster.region,
                criteria_table_id=cluster.criteria_table_id,
                head_id=head,
                deputy_id=deputy,
            )
            copy._history_user = by
            copy.save()
            copy.members.set(members)
            made.append(copy)
    return made


def _rotate(members: list[int], head: int) -> tuple[int | None, int | None]:
    """Next year's head and deputy: the members after this year's head, in turn."""
    if not members:
        return None, None
    start = (members.index(head) + 1) % len(members) if head in members else 0
    new_head = members[start]
    deputy = members[(start + 1) % len(members)] if len(members) > 1 else None
    return new_head, deputy


# --- files ----------------------------------------------------------------------------------------


def sheet_xlsx(sheet: ScoreSheet) -> bytes:
    """A sheet's scoring table: every criterion with its maximum, the points at each stage, the
    computed value, the evidence and the reasons."""
    workbook = SafeWorkbook()
    table = workbook.active
    table.title = _("Scoring table")[:31]
    table.append(
        [
            _("Section"),
            _("Code"),
            _("Criterion"),
            _("Maximum"),
            _("Computed"),
            _("Self-score"),
            _("Evidence"),
            _("Explanation"),
            _("Cluster"),
            _("Cluster's reason"),
            _("Council"),
            _("Council's reason"),
            _("Points"),
        ]
    )
    for score in Score.objects.filter(sheet=sheet).select_related("criterion__section"):
        criterion = score.criterion
        table.append(
            [
                neutralise(str(criterion.section)),
                neutralise(criterion.code),
                neutralise(criterion.text),
                criterion.max_points,
                score.computed_points,
                score.self_points,
                neutralise(score.self_evidence),
                neutralise(score.explanation),
                score.cluster_points,
                neutralise(score.cluster_reason),
                score.council_points,
                neutralise(score.council_reason),
                score.effective_points,
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ranking_xlsx(rows: list[RankRow], title: str, names: dict[int | None, str]) -> bytes:
    workbook = SafeWorkbook()
    sheet = workbook.active
    sheet.title = _("Ranking")[:31]
    sheet.append([neutralise(title)])
    sheet.append([str(TIE_RULE)])
    sheet.append(
        [
            _("Rank"),
            _("Rank in the cluster"),
            _("Unit"),
            _("Cluster"),
            _("State"),
            _("Total"),
            _("Section 1"),
            _("Penalties"),
        ]
    )
    for row in rows:
        sheet.append(
            [
                row.rank,
                row.cluster_rank,
                neutralise(row.organization),
                neutralise(names.get(row.cluster_id, "")),
                row.state_label,
                row.total,
                row.first_section,
                row.penalties,
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass
class ClusterResult:
    cluster: Cluster
    rows: list[RankRow] = field(default_factory=list)

    @property
    def leader(self) -> RankRow | None:
        """The proposed holder of the cluster's emulation flag (cờ thi đua): rank 1, once its
        sheet is confirmed, else the rank 1 as it stands."""
        return self.rows[0] if self.rows else None


def cluster_result(cluster: Cluster) -> ClusterResult:
    sheets = ScoreSheet.objects.filter(cluster=cluster, campaign__isnull=True)
    return ClusterResult(cluster, ranking(sheets))


def cluster_docx(result: ClusterResult) -> bytes:
    """The cluster's results as a Word document from its docxtpl template, under the centre's
    letterhead: members, head and deputy, pact, the ranking with its tie-break rule, and the
    proposed leader (fields: `documents.build_cluster_template`, docs/admin.md)."""
    from amity.core.collation import sorted_by_name
    from amity.core.numbers import local_number
    from amity.documents import library
    from amity.emulation.documents import CLUSTER_RESULTS
    from amity.organizations.letterhead import letterhead_of

    cluster = result.cluster
    members = sorted_by_name(str(member) for member in cluster.members.all())
    head = str(cluster.head) if cluster.head_id else ""
    deputy = str(cluster.deputy) if cluster.deputy_id else ""
    pact = cluster.pact_signed_on.strftime("%d/%m/%Y") if cluster.pact_signed_on else ""
    leader = result.leader.organization if result.leader is not None else ""
    context = {
        "cluster": cluster.name,
        "year": cluster.year,
        "members": members,
        "head": head,
        "deputy": deputy,
        "pact_signed_on": pact,
        "leader": leader,
        "ranking": [
            {
                "rank": row.cluster_rank,
                "unit": row.organization,
                "total": local_number(row.total, 2),
                "state": row.state_label,
            }
            for row in result.rows
        ],
        "labels": {"rank": _("Rank"), "unit": _("Unit"), "total": _("Total"), "state": _("State")},
        "text": {
            "title": _("Emulation results of %(cluster)s, %(year)s")
            % {"cluster": cluster.name, "year": cluster.year},
            "head": _("Head: %(org)s") % {"org": head} if head else "",
            "deputy": _("Deputy head: %(org)s") % {"org": deputy} if deputy else "",
            "pact": _("Pact signed on %(day)s.") % {"day": pact} if pact else "",
            "members": _("Members of the cluster: %(members)s.")
            % {"members": "; ".join(members) or "—"},
            "tie_rule": str(TIE_RULE),
            "leader": _("Proposed for the cluster's emulation flag: %(org)s.") % {"org": leader}
            if leader
            else "",
        },
    }
    letterhead = letterhead_of(cluster.organization, symbol="BC")
    return library.render(CLUSTER_RESULTS.code, context, letterhead, issuer=cluster.organization)
