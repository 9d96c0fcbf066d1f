"""The base table of every list: Bootstrap classes, a link on the record's name.

django-tables2 gives the lists their columns, sorting and pagination. Its cells, though, are
rendered one template expression at a time, with a signature inspection and an attribute
computation per cell: two thirds of a list page's time. `BaseTable.rendered_rows` renders the
same cells in Python (one pass per row) for the plain columns, which are nearly all of them, and
asks django-tables2 for the others, so that both give the same HTML.
"""

import re

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from django_tables2.utils import Accessor

from amity.core.collation import shown_sort_field


class ShownNameColumn(tables.Column):
    """A record's name as the page shows it (`display_name`), sorted by the stored Vietnamese
    sort key of that name in the active language (`sort_name_vi` or `sort_name_en`, see
    `core.collation`): a list sorted by name looks sorted, along an index."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("accessor", "display_name")
        super().__init__(*args, **kwargs)

    @property
    def order_by(self):
        return tables.utils.OrderByTuple((shown_sort_field(),))

    @order_by.setter
    def order_by(self, value):
        pass  # the language decides, at each request


#: the names of such columns in use, here so that the catalogue keeps their translations
COLUMN_NAMES = (gettext_lazy("name"), gettext_lazy("title"), gettext_lazy("label"))


class BaseTable(tables.Table):
    class Meta:
        attrs = {"class": "table table-sm table-hover align-middle"}
        template_name = "core/table.html"
        empty_text = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._translate_headers()

    def _translate_headers(self) -> None:
        """A column that shows no model field (a property such as `display_name` or `title`)
        and names no header of its own is headed by its name, which django-tables2 leaves in
        English ("Name", "Title"): translate that name as the fields' own are."""
        model = getattr(self.data, "model", None)
        for bound in self.columns:
            column = bound.column
            if column.verbose_name is not None:
                continue
            if model is not None and Accessor(bound.accessor).get_field(model) is not None:
                continue
            column.verbose_name = capfirst(gettext_lazy(bound.name.replace("_", " ")))

    @property
    def order_by(self):
        return tables.Table.order_by.fget(self)

    @order_by.setter
    def order_by(self, value):
        tables.Table.order_by.fset(self, value)
        # A sort on a column with few values (kind, strength) leaves ties in no fixed order, so
        # that a row could show on two pages or none: the id settles them, in the direction of
        # the sort so that an index on (column, id) serves both.
        data = self.data.data
        ordering = getattr(getattr(data, "query", None), "order_by", ())
        if ordering and not {"pk", "-pk", "id", "-id"} & set(ordering):
            first = str(ordering[0])
            self.data.data = data.order_by(*ordering, "-pk" if first.startswith("-") else "pk")

    def rendered_rows(self):
        """The `<tr>` of every row of the current page, as django-tables2 would render it."""
        plans = [self._plan(column) for column in self.columns]
        for row in self.paginated_rows:
            cells = []
            for column, plan in zip(self.columns, plans, strict=True):
                column.current_record = row.record
                if plan is None:  # a column with its own rendering: django-tables2 renders it
                    content = row.get_cell(column.name)
                    column.current_value = content
                    td = column.attrs["td"].as_html()
                else:
                    content, td = self._plain_cell(row, column, plan)
                cells.append(format_html("<td {}>{}</td>", td, _localised(content)))
            yield format_html("<tr {}>{}</tr>", row.attrs.as_html(), mark_safe("".join(cells)))

    def _plan(self, column):
        """How to read a plain column's value without django-tables2, or None if it is not plain:
        (path of attribute names, whether to show the choice's label, the date format if it is
        a date column, its static td attributes)."""
        date_format = None
        if type(column.column) is tables.DateColumn:
            # DateColumn keeps its format only inside the template it renders each cell with.
            found = re.search(r'date:"([^"]*)"', column.column.template_code)
            if found is None:  # a template of its own: django-tables2 renders the cell
                return None
            date_format = found.group(1)
        plain = (
            (type(column.column) is tables.Column or date_format)
            and column.render == column.column.render
            and column.column.localize is None
            and not any(callable(value) for value in column.attrs["td"].values())
        )
        if not plain:
            return None
        path = str(column.accessor).replace("__", ".").split(".")
        choices = False
        if len(path) == 1 and self._meta.model is not None:
            try:
                choices = bool(self._meta.model._meta.get_field(path[0]).choices)
            except FieldDoesNotExist:
                pass
        return path, choices, date_format, column.attrs["td"].as_html()

    @staticmethod
    def _plain_cell(row, column, plan):
        path, choices, date_format, td = plan
        if choices:
            value = getattr(row.record, f"get_{path[0]}_display")()
        else:
            value = row.record
            for name in path:
                value = getattr(value, name, None)
                if value is None:
                    break
                if callable(value) and not isinstance(value, models.Model):
                    value = value()
        if value is None or value in column.column.empty_values:
            return column.default, td
        column.current_value = value
        if date_format:
            value = formats.date_format(value, date_format) or column.default
        if column.link:
            value = column.link(
                value,
                value=value,
                record=row.record,
                column=column.column,
                bound_column=column,
                bound_row=row,
                table=row.table,
            )
        return value, td


def _localised(value):
    # What `{{ cell }}` does in a template: local time, localized numbers and dates, escaped.
    local = timezone.template_localtime(value)  # type: ignore[attr-defined]  # not in django-stubs
    return conditional_escape(formats.localize(local))
