"""The completeness board: for a form version and a period, every organization that must report,
its state, whether it is on time, and how much of each section it has filled.

The figures come from a fixed number of aggregate queries whatever the number of organizations:
the filled values are counted per submission and section by the database.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from amity.organizations.models import Organization
from amity.reporting.choices import SubmissionState
from amity.reporting.models import Section, Submission, Value
from amity.reporting.services import assigned_organizations


@dataclass
class SectionFill:
    section: Section
    filled: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.filled / self.total) if self.total else 100


@dataclass
class BoardRow:
    organization: Organization
    submission: Submission | None
    sections: list[SectionFill]
    late: bool

    @property
    def state(self) -> str:
        return self.submission.state if self.submission else ""

    @property
    def percent(self) -> int:
        total = sum(fill.total for fill in self.sections)
        filled = sum(fill.filled for fill in self.sections)
        return round(100 * filled / total) if total else 100


@dataclass
class Board:
    sections: list[Section]
    rows: list[BoardRow]
    counts: dict[str, int] = field(default_factory=dict)

    def html_rows(self):
        """The rows as HTML in one pass (a template loop per cell is most of the page's time
        with 200 organizations)."""
        base = reverse("reporting:submission_list")
        labels = {
            "late": _("Late"),
            "on_time": _("On time"),
            "not_started": _("Not started"),
            "states": dict(SubmissionState.choices),
        }
        for row in self.rows:
            yield _board_row(row, base, labels)


def _board_row(row, base, labels):
    submission = row.submission
    if submission:
        name = format_html(
            '<a href="{}{}/" title="{}">{}</a>',
            base,
            submission.pk,
            row.organization,
            row.organization.display_short_name,
        )
        state = format_html(
            '<span class="badge text-bg-{}">{}</span>',
            submission.state_tone,
            labels["states"][submission.state],
        )
    else:
        name = escape(row.organization.display_short_name)
        state = format_html(
            '<span class="badge text-bg-secondary">{}</span>', labels["not_started"]
        )
    if row.late:
        timing = format_html(
            '<span class="text-danger"><i class="bi bi-alarm"></i> {}</span>', labels["late"]
        )
    elif submission and submission.submitted_at:
        timing = format_html(
            '<span class="text-success"><i class="bi bi-check2"></i> {}</span>', labels["on_time"]
        )
    else:
        timing = mark_safe('<span class="text-muted">—</span>')
    fills = "".join(
        f'<td class="text-end small fill-{_fill_class(fill.percent)}">{fill.percent}</td>'
        for fill in row.sections
    )
    return format_html(
        '<tr><td class="text-nowrap">{}</td><td>{}</td><td>{}</td>'
        '<td class="text-end fw-semibold">{}</td>{}</tr>',
        name,
        state,
        timing,
        row.percent,
        mark_safe(fills),
    )


def _fill_class(percent: int) -> str:
    return "full" if percent == 100 else "part" if percent else "none"


NOT_STARTED = "not_started"

FILLED = Q(number__isnull=False) | ~Q(text="")


def completeness_board(version, period, user, today=None) -> Board:
    today = today or timezone.localdate()
    organizations = list(
        assigned_organizations(period.form)
        .filter(pk__in=Organization.objects.visible_to(user).values("pk"))
        .order_by("tree_path")
        .only("id", "tree_path", "name", "name_en", "short_name", "short_name_en")  # the names
    )
    submissions = {
        submission.organization_id: submission
        for submission in Submission.objects.filter(period=period).only(
            "id", "organization_id", "state", "submitted_at", "version", "form_version_id"
        )
    }
    sections = list(
        Section.objects.filter(form_version=version)
        .annotate(total=Count("items", filter=Q(items__deleted_at__isnull=True)))
        .order_by("order", "pk")
    )
    filled = (
        Value.objects.filter(
            FILLED,
            submission__period=period,
            submission__deleted_at__isnull=True,
            indicator__section_items__section__form_version=version,
            indicator__section_items__deleted_at__isnull=True,
        )
        .values_list("submission_id", "indicator__section_items__section_id")
        .annotate(n=Count("pk"))
    )
    counts = {(submission_id, section_id): n for submission_id, section_id, n in filled}
    rows, tally = [], {}
    for organization in organizations:
        submission = submissions.get(organization.pk)
        fills = [
            SectionFill(
                section,
                counts.get((submission.pk, section.pk), 0) if submission else 0,
                section.total,
            )
            for section in sections
        ]
        if submission is None or submission.submitted_at is None:
            late = today > period.closes_on
        else:
            late = timezone.localtime(submission.submitted_at).date() > period.closes_on
        rows.append(BoardRow(organization, submission, fills, late))
        key = submission.state if submission else NOT_STARTED
        tally[key] = tally.get(key, 0) + 1
    tally["late"] = sum(1 for row in rows if row.late)
    tally["total"] = len(rows)
    for state in (NOT_STARTED, *SubmissionState.values):
        tally.setdefault(state, 0)
    return Board(sections, rows, tally)
