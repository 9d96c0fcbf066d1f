"""The base table of every list: Bootstrap classes, a link on the record's name.

django-tables2 gives the lists their columns, sorting and pagination. Its cells, though, are
rendered one template expression at a time, with a signature inspection and an attribute
computation per cell: two thirds of a list page's time. `BaseTable.rendered_rows` renders the
same cells in Python (one pass per row) for the plain columns, which are nearly all of them, and
asks django-tables2 for the others, so that both give the same HTML.

Every list reads like a good spreadsheet, whatever app it belongs to: one link per row (on the
record's name), codes and dates that do not wrap, and on a phone only the table's key columns.
"""

import inspect
import re
from functools import partialmethod
from typing import NamedTuple

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import dateformat, formats, timezone
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from django_tables2.columns import library
from django_tables2.columns.base import LinkTransform
from django_tables2.utils import Accessor

from amity.core.collation import shown_sort_field
from amity.core.numbers import local_number

# Columns whose values are codes or numbers: wrapped, "12/GĐK-2024" reads as two values.
CODE_COLUMN = re.compile(r"(^|_)(code|number|identifier|ref|acronym|iso|year)$")
#: number fields that are not figures: a year (2.025), a code, a place in an order
NOT_A_FIGURE = re.compile(r"(^|_)(code|number|identifier|ref|iso|year|order|version)$")
NUMBER_FIELDS = (models.IntegerField, models.DecimalField, models.FloatField)
PHONE_HIDDEN = "d-none d-md-table-cell"


@library.register
class NumberColumn(tables.Column):
    """An amount or a count, its thousands grouped in the active language (`core.numbers`):
    1.525.971 on a Vietnamese page, 1,525,971 on an English one, right-aligned.

    A table's model fields of a number type get one without asking (`from_field`), but for
    those that are not figures (years, codes, an order: see NOT_A_FIGURE), so that an id or a
    year is never grouped. Declare one for a figure read through a property or an annotation.
    An export reads the figure itself (`value`), not its text."""

    def __init__(self, *args, decimal_places: int | None = None, **kwargs):
        self.decimal_places = decimal_places
        super().__init__(*args, **kwargs)

    @classmethod
    def from_field(cls, field, **kwargs):
        if (
            isinstance(field, NUMBER_FIELDS)
            and not field.primary_key
            and not field.choices
            and not NOT_A_FIGURE.search(field.name)
        ):
            return cls(**kwargs)
        return None

    def render(self, value):
        return local_number(value, self.decimal_places)

    def value(self, value):
        return value


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


#: the columns whose cells `rendered_rows` reads itself when nothing else is declared on them
#: (a name column differs from a plain one only in how it sorts)
PLAIN_COLUMNS = (tables.Column, ShownNameColumn)

#: the names of such columns in use, here so that the catalogue keeps their translations
COLUMN_NAMES = (gettext_lazy("name"), gettext_lazy("title"), gettext_lazy("label"))


class BaseTable(tables.Table):
    #: the columns a phone shows (the others from 768 px up); by default the first two
    key_columns: tuple[str, ...] = ()
    #: the one column that links to the record; by default the first declared with `linkify`
    link_column: str = ""
    #: further columns that must not wrap, besides dates and the code columns found by name
    nowrap_columns: tuple[str, ...] = ()
    #: the columns the user chose to hide on this list (`hide_columns`)
    hidden_by_user: frozenset[str] = frozenset()

    class Meta:
        attrs = {"class": "table table-sm table-hover align-middle"}
        template_name = "core/table.html"
        empty_text = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._name_headers_by_field()
        self.link_column = self._keep_one_link()
        shown = [column.name for column in self.columns]
        keys = self.key_columns or tuple(shown[:2])
        self._phone_hidden = {name for name in shown if name not in keys}
        self._nowrap = {name for name in self.columns.names() if self._is_code(name)}

    def _name_headers_by_field(self) -> None:
        """A column read through another attribute (`name` through `display_name`) takes the
        translated label of the field it is named after: django-tables2 would show its name,
        in English on a Vietnamese page."""
        model = self._meta.model
        if model is None:
            return
        for bound in self.columns.iterall():
            column = bound.column
            if column.verbose_name is not None or Accessor(bound.accessor).get_field(model):
                continue
            try:
                column.verbose_name = capfirst(model._meta.get_field(bound.name).verbose_name)
            except FieldDoesNotExist:  # a property (`title`): its name, translated
                column.verbose_name = capfirst(gettext_lazy(bound.name.replace("_", " ")))

    def _keep_one_link(self) -> str:
        """Drop every `linkify` but the link column's, and answer the link column's name.

        A row whose every cell is a link is a row of tab stops and of underlined text; one link
        on the name is what a reader looks for. Columns that are links by nature (an e-mail, a
        web address) keep theirs."""
        linked = [
            name
            for name in self.columns.names()
            if self.columns[name].link is not None
            and not hasattr(self.columns[name].column, "get_url")
        ]
        keep = type(self).link_column or (linked[0] if linked else "")
        for name in linked:
            if name != keep:
                self.columns[name].link = None
        if keep and self.columns[keep].link is None:  # a link column declared without linkify
            self.columns[keep].link = LinkTransform(url=lambda record: record.get_absolute_url())
        return keep

    def _is_code(self, name: str) -> bool:
        column = self.columns[name].column
        accessor = str(column.accessor or name).replace("__", ".").split(".")[-1]
        return (
            name in self.nowrap_columns
            or isinstance(column, tables.DateColumn | tables.DateTimeColumn)
            or bool(CODE_COLUMN.search(accessor))
        )

    def get_column_class_names(self, classes_set, bound_column):
        classes = super().get_column_class_names(classes_set, bound_column)
        if bound_column.name in self._phone_hidden:
            classes.update(PHONE_HIDDEN.split())
        if bound_column.name in self._nowrap:
            classes.add("text-nowrap")
        if bound_column.name == self.link_column:
            classes.add("link-column")
        if isinstance(bound_column.column, NumberColumn):
            classes.update(("text-end", "text-nowrap"))
        return classes

    def choosable_columns(self) -> list[tuple[str, str, bool]]:
        """(name, header, shown) of the columns a user may hide: all but the link column and
        the columns the table itself keeps hidden."""
        return [
            (name, str(self.columns[name].header), name not in self.hidden_by_user)
            for name in self.columns.names()
            if name != self.link_column
            and (self.columns[name].visible or name in self.hidden_by_user)
        ]

    def hide_columns(self, names) -> None:
        """Hide the columns a user chose to hide (the names no longer in the table are
        ignored: a table may have lost a column since the choice was stored)."""
        choosable = set(self.columns.names()) - {self.link_column}
        hidden = {name for name in names if name in choosable}
        for name in hidden:
            self.columns.hide(name)
        self.hidden_by_user = frozenset(hidden)

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
                cells.append(f"<td {td}>{_localised(content)}</td>")
            yield format_html("<tr {}>{}</tr>", row.attrs.as_html(), mark_safe("".join(cells)))

    def _plan(self, column):
        """How to read a plain column's value without django-tables2, or None if it is not plain.

        Worked out once a page, in the page's language: the path of attribute names, the labels
        of the field's choices if it has any, the date format if it is a date column, the
        number column if it is one, its static td attributes, and whether its link is a plain
        `linkify` (an `<a href>` to the record's address, written here)."""
        date_format = None
        if type(column.column) is tables.DateColumn:
            # DateColumn keeps its format only inside the template it renders each cell with.
            found = re.search(r'date:"([^"]*)"', column.column.template_code)
            if found is None:  # a template of its own: django-tables2 renders the cell
                return None
            date_format = formats.get_format(found.group(1))
        number = column.column if type(column.column) is NumberColumn else None
        plain = (
            (type(column.column) in PLAIN_COLUMNS or date_format or number)
            and column.render == column.column.render
            and column.column.localize is None
            and not any(callable(value) for value in column.attrs["td"].values())
        )
        if not plain:
            return None
        path = str(column.accessor).replace("__", ".").split(".")
        labels = None
        if len(path) == 1 and self._meta.model is not None:
            labels = _choice_labels(self._meta.model, path[0])
        link = column.link
        plain_link = type(link) is LinkTransform and not link.attrs
        return _Plan(path, labels, date_format, number, column.attrs["td"].as_html(), plain_link)

    @staticmethod
    def _plain_cell(row, column, plan):
        if isinstance(plan.labels, dict):  # what get_<field>_display() answers
            value = getattr(row.record, plan.path[0])
            value = force_str(plan.labels.get(make_hashable(value), value), strings_only=True)
        elif plan.labels:  # the model's own get_<field>_display()
            value = getattr(row.record, plan.labels)()
        else:
            value = row.record
            for name in plan.path:
                value = getattr(value, name, None)
                if value is None:
                    break
                if callable(value) and not isinstance(value, models.Model):
                    value = value()
        if value is None or value in column.column.empty_values:
            return column.default, plan.td
        column.current_value = value
        if plan.date_format:
            value = dateformat.format(value, plan.date_format) or column.default
        if plan.number is not None:
            value = plan.number.render(value)
        if column.link:
            arguments = {
                "value": value,
                "record": row.record,
                "column": column.column,
                "bound_column": column,
                "bound_row": row,
                "table": row.table,
            }
            if plan.plain_link:  # what LinkTransform writes, without its attribute machinery
                href = column.link.compose_url(**arguments)
                if href is not None:
                    value = format_html('<a href="{}">{}</a>', href, value)
            else:
                value = column.link(value, **arguments)
        return value, plan.td


class _Plan(NamedTuple):
    path: list[str]
    #: the labels of the field's choices by value, in the page's language; the name of the
    #: model's own method that shows them; or None for a field without choices
    labels: dict | str | None
    #: the resolved date format ("d/m/Y"), or None
    date_format: str | None
    number: "NumberColumn | None"
    td: str
    plain_link: bool


def _choice_labels(model, name: str) -> dict | str | None:
    """What `get_<name>_display()` answers for each value of the field `name` of `model`, in
    the active language (Django builds that dictionary again at each call); the method's name
    if the model shows them its own way; None if the field has no choices."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    choices = getattr(field, "flatchoices", None)  # a relation pointing here has none
    if not getattr(field, "choices", None) or choices is None:
        return None
    display = inspect.getattr_static(model, f"get_{name}_display", None)
    if not (isinstance(display, partialmethod) and display.keywords.get("field") is field):
        return f"get_{name}_display"
    return {
        key: force_str(label, strings_only=True)
        for key, label in dict(make_hashable(choices)).items()
    }


def _localised(value):
    # What `{{ cell }}` does in a template: local time, localized numbers and dates, escaped.
    local = timezone.template_localtime(value)  # type: ignore[attr-defined]  # not in django-stubs
    return conditional_escape(formats.localize(local))
