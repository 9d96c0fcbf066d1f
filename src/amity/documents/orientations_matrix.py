"""What the issuer sees of an orientation: the matrix of its recipients × its tasks (each
cell the recipient's progress on the task), with the acknowledgement of each, and its XLSX.

The page shows a page of rows (`matrix_page`): the tasks, the count of the filtered recipients,
the recipients of the page, their reports only, and the count of done reports per task over every
filtered recipient (the footer) — five queries whatever the size. The filters by status are SQL
(each recipient's count of done reports against the number of tasks), so the pages count the
rows they show. The XLSX and the API take every filtered row (`matrix`): three queries.
"""

import io
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from openpyxl.styles import Font, PatternFill

from amity.core.exports import SafeWorkbook
from amity.documents.models import Orientation, OrientationTask, Recipient, TaskReport
from amity.documents.orientations_choices import TaskProgress

#: the matrix's filters by status: key → the condition a recipient's row meets, given the
#: orientation and its number of tasks
STATUS_FILTERS = {
    "acknowledged": lambda orientation, tasks: Q(acknowledged_on__isnull=False),
    "not_acknowledged": lambda orientation, tasks: Q(acknowledged_on__isnull=True),
    "all_done": lambda orientation, tasks: _all_done(orientation, tasks),
    # without tasks nobody is behind (`~Q()` would keep every row)
    "behind": lambda orientation, tasks: ~_all_done(orientation, tasks) if tasks else Q(pk__in=[]),
}

#: the rows of a page of the matrix
PER_PAGE = 50

FILLS = {
    TaskProgress.DONE: "C6EFCE",
    TaskProgress.IN_PROGRESS: "FFEB9C",
    TaskProgress.NOT_STARTED: "FFC7CE",
}


@dataclass
class Row:
    recipient: Recipient
    #: the progress on each task, in the tasks' order ("" where nothing is reported)
    cells: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for cell in self.cells if cell == TaskProgress.DONE)


@dataclass
class Matrix:
    orientation: Orientation
    tasks: list[OrientationTask]
    #: the rows shown: a page's (`matrix_page`) or every filtered one (`matrix`)
    rows: list[Row]
    #: the page shown, if the rows are a page of them
    page: Page | None = None
    #: per task, in the tasks' order, how many of every filtered recipient have done it
    done_per_task: list[int] = field(default_factory=list)

    @property
    def count(self) -> int:
        """The number of filtered recipients (on every page)."""
        return self.page.paginator.count if self.page is not None else len(self.rows)

    def labels(self) -> dict[str, str]:
        return dict(TaskProgress.choices)

    def rendered_rows(self) -> list[tuple[Row, str]]:
        """Each row with the HTML of its cells: a cell is one of four, written once per page
        and joined (the template engine, a cell at a time, took 450 ms over 200 × 50)."""
        shown = cell_html()
        return [(row, mark_safe("".join(shown[cell] for cell in row.cells))) for row in self.rows]


#: a progress's colour and icon in the matrix
CELL_LOOKS = {
    TaskProgress.DONE: ("table-success", "check-lg"),
    TaskProgress.IN_PROGRESS: ("table-warning", "hourglass-split"),
    TaskProgress.NOT_STARTED: ("table-danger", "x-lg"),
}


def cell_html() -> dict[str, str]:
    """The cell of each progress ("" for nothing reported), in the request's language."""
    cells = {"": mark_safe('<td class="matrix-cell text-center" data-progress=""></td>')}
    for value, label in TaskProgress.choices:
        colour, icon = CELL_LOOKS[value]
        cells[value] = format_html(
            '<td class="matrix-cell text-center {}" data-progress="{}">'
            '<i class="bi bi-{}" aria-hidden="true"></i>'
            '<span class="visually-hidden">{}</span></td>',
            colour,
            value,
            icon,
            label,
        )
    return cells


def _tasks(orientation: Orientation) -> list[OrientationTask]:
    return list(OrientationTask.objects.filter(orientation=orientation).order_by("order", "pk"))


def _all_done(orientation: Orientation, tasks: int) -> Q:
    """The recipients that have done every one of the orientation's `tasks`: one subquery of
    the recipients whose done reports number as many, grouped once and not correlated (a count
    per recipient inside the IN of the footer's query ran for minutes on PostgreSQL)."""
    if tasks == 0:
        return Q()  # nothing to do: every recipient has done it all
    done_every_task = (
        TaskReport.objects.filter(
            recipient__orientation=orientation,
            task__orientation=orientation,
            progress=TaskProgress.DONE,
        )
        .order_by()
        .values("recipient")
        .annotate(count=Count("pk"))
        .filter(count__gte=tasks)
        .values("recipient")
    )
    return Q(pk__in=done_every_task)


def filtered_recipients(
    orientation: Orientation, tasks: int, recipients=None, *, organization_ids=None, status=""
) -> QuerySet:
    """The recipients the matrix shows, in its order: of `recipients` (a queryset, by default
    all of the orientation's), kept to the organizations `organization_ids` and to the rows
    `status` names (given the number of `tasks`), if given."""
    if recipients is None:
        recipients = Recipient.objects.filter(orientation=orientation)
    if organization_ids is not None:
        recipients = recipients.filter(organization_id__in=organization_ids)
    condition = STATUS_FILTERS.get(status)
    if condition is not None:
        recipients = recipients.filter(condition(orientation, tasks))
    return recipients.order_by("organization__tree_path", "pk")


def _rows(tasks: list[OrientationTask], recipients: list[Recipient]) -> list[Row]:
    """The rows of `recipients`, from their reports only."""
    progress = {
        (recipient_id, task_id): value
        for recipient_id, task_id, value in TaskReport.objects.filter(
            recipient_id__in=[recipient.pk for recipient in recipients]
        ).values_list("recipient_id", "task_id", "progress")
    }
    return [
        Row(recipient, [progress.get((recipient.pk, task.pk), "") for task in tasks])
        for recipient in recipients
    ]


def matrix(
    orientation: Orientation, recipients=None, *, organization_ids=None, status=""
) -> Matrix:
    """The matrix of every filtered row (see `filtered_recipients`), for the XLSX and the API."""
    tasks = _tasks(orientation)
    shown = filtered_recipients(
        orientation, len(tasks), recipients, organization_ids=organization_ids, status=status
    )
    return Matrix(orientation, tasks, _rows(tasks, list(shown.select_related("organization"))))


def matrix_page(
    orientation: Orientation,
    recipients=None,
    *,
    organization_ids=None,
    status="",
    page: object = 1,
    per_page: int = PER_PAGE,
) -> Matrix:
    """The page `page` of the matrix's filtered rows (the first if it is not a number, the last
    if it is past it, as the lists answer), with the count of done reports per task over every
    filtered row."""
    tasks = _tasks(orientation)
    shown = filtered_recipients(
        orientation, len(tasks), recipients, organization_ids=organization_ids, status=status
    )
    chosen = Paginator(shown.select_related("organization"), per_page).get_page(page)
    rows = _rows(tasks, list(chosen.object_list))
    done = dict(
        TaskReport.objects.filter(
            recipient__in=shown.order_by().values("pk"),
            task__orientation=orientation,
            progress=TaskProgress.DONE,
        )
        .order_by()
        .values("task")
        .annotate(count=Count("pk"))
        .values_list("task", "count")
    )
    return Matrix(orientation, tasks, rows, chosen, [done.get(task.pk, 0) for task in tasks])


def matrix_xlsx(table: Matrix) -> bytes:
    """The matrix as a workbook: a row per recipient, its acknowledgement, a column per task."""
    book = SafeWorkbook()
    sheet = book.active
    sheet.title = _("Implementation")[:31]
    labels = table.labels()
    header = [_("Recipient"), _("Acknowledged on"), _("Acknowledged by")]
    header += [f"{task.order}. {task.title}" for task in table.tasks]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        acknowledged = row.recipient.acknowledged_on
        line = [str(row.recipient.organization), acknowledged, row.recipient.acknowledged_by]
        sheet.append(line + [str(labels.get(value, "")) for value in row.cells])
        for value, cell in zip(row.cells, sheet[sheet.max_row][3:], strict=True):
            if value in FILLS:
                cell.fill = PatternFill("solid", fgColor=FILLS[value])
        sheet.cell(sheet.max_row, 2).number_format = "DD/MM/YYYY"
    sheet.column_dimensions["A"].width = 50
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
