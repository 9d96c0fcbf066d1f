"""The widgets every form shares: select lists one can type into, and dates as offices write them.

`core.forms.style_widgets` puts them on every form and filter form, so that an app's forms get
them without naming them. The pages work without JavaScript: a select list is a plain `<select>`
and a date a text box that reads dd/mm/yyyy; `static/amity/widgets.js` turns them into Tom Select
and flatpickr controls when it runs.
"""

import itertools

from django import forms
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext

from amity.core.registry import registry

#: a plain choice list longer than this gets a search box; shorter ones (a partner's 13 kinds)
#: stay native selects
SEARCHABLE_FROM = 20

#: the largest id a database column holds (SQLite raises OverflowError beyond it)
LARGEST_ID = 2**63 - 1


class SearchableSelectMixin:
    """A select list one can type into (Tom Select, started by `widgets.js`).

    With an `options_url` (the model's API list, which answers `?q=`), the page carries only the
    selected options and the others are fetched as the user types; the form's queryset still
    decides what is accepted. Without one, every option is on the page and searched there.
    """

    options_url = ""

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)  # type: ignore[misc]
        attrs["data-searchable"] = "remote" if self.options_url else "local"
        attrs["data-text-none"] = gettext("Nothing found")
        if self.options_url:
            attrs["data-options-url"] = self.options_url
        return attrs

    def selected_choices_only(self, selected: set[str]):
        """The choices to write into the page when the rest come from the API: the empty one
        and those selected (an id the form's queryset does not hold is left out)."""
        iterator = self.choices  # type: ignore[attr-defined]
        field = iterator.field
        if field.empty_label is not None and not getattr(self, "allow_multiple_selected", False):
            yield ("", field.empty_label)
        ids = [int(value) for value in selected if value.isdigit() and int(value) <= LARGEST_ID]
        if ids:
            for record in iterator.queryset.filter(pk__in=ids):
                yield iterator.choice(record)


class SearchableSelect(SearchableSelectMixin, forms.Select):
    pass


class SearchableSelectMultiple(SearchableSelectMixin, forms.SelectMultiple):
    pass


def searchable_widget(field: forms.Field) -> forms.Widget | None:
    """The searchable widget that replaces `field`'s select list, or None if it keeps its own:
    every relation gets one, a plain choice list only when it is long."""
    widget = field.widget
    if isinstance(widget, SearchableSelectMixin) or type(widget) not in (
        forms.Select,
        forms.SelectMultiple,
    ):
        return None  # already searchable, or radio buttons, a yes/no list, a widget of its own
    relation = isinstance(field, forms.ModelChoiceField)
    if not relation and not _longer_than(getattr(field, "choices", ()), SEARCHABLE_FROM):
        return None
    multiple = isinstance(widget, forms.SelectMultiple)
    searchable: forms.Select = (SearchableSelectMultiple if multiple else SearchableSelect)(
        attrs=widget.attrs
    )
    searchable.choices = widget.choices
    searchable.is_required = widget.is_required
    return searchable


def _longer_than(choices, count: int) -> bool:
    # Choices may be a lazy iterator (a blank choice before a model field's own): count a few.
    return sum(1 for _ in itertools.islice(choices, count + 1)) > count


def offer_from_api(field: forms.ModelChoiceField) -> None:
    """Let `field` load its options from its model's API list as the user types.

    Called only for a queryset that is what the API lists for the user (`visible_to(user)`,
    nothing narrower): the API then offers exactly what the form accepts. A field whose
    choices are labelled or keyed in its own way keeps them all on the page."""
    own_labels = type(field).label_from_instance is not forms.ModelChoiceField.label_from_instance
    if own_labels or field.to_field_name or field.queryset is None:
        return
    url = api_list_url(field.queryset.model)
    if url:
        field.options_url = url  # type: ignore[attr-defined]  # read by style_widgets


def narrower_than_all(queryset) -> bool:
    """Whether a choice field's own queryset keeps out some live records of its model (a
    `limit_choices_to`, a form's own filter): the API's list would then offer more."""
    queryset = queryset.all()  # a filter may hold a manager
    return queryset.query.where != queryset.model._default_manager.all().query.where


def api_list_url(model) -> str:
    """The address of `model`'s list in the API, or "" if it has none."""
    try:
        entry = registry.entry(model)
    except LookupError:
        return ""
    if not entry.api:
        return ""
    try:
        return reverse(f"api:{entry.basename}-list")
    except NoReverseMatch:
        return ""


class DateInput(forms.DateInput):
    """A date typed as dd/mm/yyyy, the way Vietnamese offices write it, whatever the browser's
    own locale would make of a native date picker (mm/dd/yyyy in English); ISO dates are
    accepted too. `widgets.js` adds a calendar that writes the same text."""

    def __init__(self, attrs=None):
        attrs = {
            "placeholder": "dd/mm/yyyy",
            "inputmode": "numeric",
            "autocomplete": "off",
            "data-datepicker": "date",
            **(attrs or {}),
        }
        super().__init__(attrs, format="%d/%m/%Y")


class DateTimeInput(forms.DateTimeInput):
    """A date and 24-hour time, dd/mm/yyyy hh:mm, in both languages."""

    def __init__(self, attrs=None):
        attrs = {
            "placeholder": "dd/mm/yyyy hh:mm",
            "autocomplete": "off",
            "data-datepicker": "datetime",
            **(attrs or {}),
        }
        super().__init__(attrs, format="%d/%m/%Y %H:%M")


class TimeInput(forms.TimeInput):
    """A 24-hour time, hh:mm: Chromium's native time box shows AM/PM in an English locale."""

    def __init__(self, attrs=None):
        attrs = {
            "placeholder": "hh:mm",
            "inputmode": "numeric",
            "autocomplete": "off",
            "data-datepicker": "time",
            **(attrs or {}),
        }
        super().__init__(attrs, format="%H:%M")


def date_widget(widget: forms.Widget) -> forms.Widget | None:
    """Amity's widget in place of Django's date, date-time or time box, or None to keep it."""
    if isinstance(widget, DateInput | DateTimeInput | TimeInput) or widget.is_hidden:
        return None
    kept = {key: value for key, value in widget.attrs.items() if key not in ("type",)}
    if isinstance(widget, forms.DateTimeInput):
        return DateTimeInput(kept)
    if isinstance(widget, forms.DateInput):
        return DateInput(kept)
    if isinstance(widget, forms.TimeInput):
        return TimeInput(kept)
    return None
