"""What the issuer sees of an orientation: the matrix of its recipients × its tasks (each
cell the recipient's progress on the task), with the acknowledgement of each, and its XLSX.

Read in three queries whatever its size (the tasks, the recipients with their organizations,
the reports' three columns), so that 200 recipients × 50 tasks answer at once.
"""

import io
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from openpyxl.styles import Font, PatternFill

from amity.core.exports import SafeWorkbook
from amity.documents.models import Orientation, OrientationTask, Recipient, TaskReport
from amity.documents.orientations_choices import TaskProgress

#: the matrix's filters by status: key → whether a row is kept
STATUS_FILTERS = {
    "acknowledged": lambda row: row.recipient.is_acknowledged,
    "not_acknowledged": lambda row: not row.recipient.is_acknowledged,
    "all_done": lambda row: row.done == len(row.cells),
    "behind": lambda row: row.done < len(row.cells),
}

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
    rows: list[Row]

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


def matrix(
    orientation: Orientation, recipients=None, *, organization_ids=None, status=""
) -> Matrix:
    """The matrix of `orientation`: of `recipients` (a queryset, by default all of them), kept
    to the organizations `organization_ids` and to the rows `status` names, if given."""
    tasks = list(OrientationTask.objects.filter(orientation=orientation).order_by("order", "pk"))
    if recipients is None:
        recipients = Recipient.objects.filter(orientation=orientation)
    if organization_ids is not None:
        recipients = recipients.filter(organization_id__in=organization_ids)
    recipients = list(recipients.select_related("organization").order_by("organization__tree_path"))
    progress = {
        (recipient_id, task_id): value
        for recipient_id, task_id, value in TaskReport.objects.filter(
            recipient__orientation=orientation
        ).values_list("recipient_id", "task_id", "progress")
    }
    rows = [
        Row(recipient, [progress.get((recipient.pk, task.pk), "") for task in tasks])
        for recipient in recipients
    ]
    keep = STATUS_FILTERS.get(status)
    if keep is not None:
        rows = [row for row in rows if keep(row)]
    return Matrix(orientation, tasks, rows)


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
