"""The base form of every model form: scoped choices, Bootstrap widgets, the version it edits."""

import functools
from types import MethodType
from typing import Any

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from amity.core.numbers import read_local_number
from amity.core.scoping import organization_in_scope, relation_choices, within_own_limit
from amity.core.widgets import (
    DateInput,
    SearchableSelectMixin,
    date_widget,
    narrower_than_all,
    offer_from_api,
    searchable_widget,
)
from amity.core.writes import writer_for

__all__ = ["DateInput", "ModelMultipleChoiceField", "ScopedModelForm", "style_widgets"]


def style_widgets(form: forms.BaseForm) -> None:
    """Give every field Amity's widget for its kind (searchable selects, dd/mm/yyyy dates) and
    the Bootstrap class that fits it, so templates render fields plainly. A form may be styled
    twice: what is done already is left as it is."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            # A class is hashable; the stubs take ModelChoiceIterator's __hash__ for its own.
            field.iterator = read_in_one_query(field.iterator)  # type: ignore[arg-type]
            field.widget.choices = field.choices
        field.widget = date_widget(field.widget) or searchable_widget(field) or field.widget
        if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            read_as_typed(field)
        widget = field.widget
        if isinstance(widget, SearchableSelectMixin):
            widget.options_url = getattr(field, "options_url", "")
        if field.required and not widget.is_hidden:
            # Said in the code, not only by a star that screen readers are told to skip.
            widget.attrs["aria-required"] = "true"
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "form-select"
            widget.render = MethodType(render_select, widget)  # type: ignore[method-assign]
        elif isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            continue
        else:
            css = "form-control"
        classes = widget.attrs.get("class", "").split()
        if css not in classes:
            widget.attrs["class"] = " ".join([*classes, css])


def read_as_typed(field: forms.Field) -> None:
    """A number box shows its figure in the active language (1525971,5 in Vietnamese) and reads
    what people type there, thousands grouped or not (1.525.971): a browser's number box
    refuses a comma and shows an English point."""
    widget = field.widget
    if widget.is_hidden or getattr(field, "reads_as_typed", False):
        return
    if type(widget) is forms.NumberInput:  # not a widget of its own (aid's shares)
        kept = {key: value for key, value in widget.attrs.items() if key != "step"}
        whole = not isinstance(field, forms.DecimalField | forms.FloatField)  # both are Integer's
        inputmode = "numeric" if whole else "decimal"
        field.widget = widget = forms.TextInput({"inputmode": inputmode, **kept})
    widget.is_localized = True
    to_python = field.to_python
    field.to_python = lambda value: to_python(read_local_number(value))  # type: ignore[method-assign]
    field.reads_as_typed = True  # type: ignore[attr-defined]


class _ReadInOneQuery:
    """A choice list's queryset as its iterator sees it: Django reads the choices through
    `queryset.iterator()`, which on PostgreSQL is a server-side cursor (declare, fetch, close:
    three round trips, a dozen for a page of filters) for a list of a few hundred records."""

    _prefetch_related_lookups = ()

    def __init__(self, queryset):
        self.queryset = queryset

    def iterator(self):
        return iter(self.queryset)


@functools.cache
def read_in_one_query(iterator_class: Any) -> Any:
    """`iterator_class` (Django's or django-filter's ModelChoiceIterator) reading its choices
    in one query (itself when it does already: a form may be styled twice)."""
    if getattr(iterator_class, "reads_in_one_query", False):
        return iterator_class

    class InOneQuery(iterator_class):
        reads_in_one_query = True
        queryset: Any

        def __iter__(self):
            queryset, self.queryset = self.queryset, _ReadInOneQuery(self.queryset)
            try:
                yield from super().__iter__()
            finally:
                self.queryset = queryset

    return InOneQuery


def render_select(widget, name, value, attrs=None, renderer=None):
    """A select list rendered in Python. Django renders a template per option and builds a
    dictionary of attributes for each, which made a list of 250 countries the slowest part of a
    page; this gives the same HTML in a single pass."""
    final_attrs = widget.build_attrs(widget.attrs, attrs)
    if widget.allow_multiple_selected:
        final_attrs["multiple"] = True
    attributes = format_html_join(
        "",
        " {}{}",
        (
            (key, "" if val is True else format_html('="{}"', val))
            for key, val in final_attrs.items()
            if val is not False and val is not None
        ),
    )
    formatted = widget.format_value(value)  # a list of strings, or one (NullBooleanSelect)
    selected = set(formatted) if isinstance(formatted, list | tuple) else {str(formatted)}
    if getattr(widget, "options_url", ""):  # the others come from the API as the user types
        choices = list(widget.selected_choices_only(selected))
    else:
        choices = widget.choices
    groups: list[str] = []
    for option_value, label in choices:
        if isinstance(label, list | tuple):  # a group of options
            options = _options(label, selected, widget.allow_multiple_selected)
            groups.append(format_html('<optgroup label="{}">{}</optgroup>', option_value, options))
        else:
            groups.append(
                _options([(option_value, label)], selected, widget.allow_multiple_selected)
            )
    return format_html(
        '<select name="{}"{}>{}</select>', name, attributes, mark_safe("".join(groups))
    )


def _options(choices, selected: set[str], multiple: bool) -> str:
    html = []
    for option_value, label in choices:
        key = "" if option_value is None else str(option_value)
        mark = " selected" if key in selected else ""
        html.append(f'<option value="{escape(key)}"{mark}>{escape(label)}</option>')
        if mark and not multiple:
            selected.discard(key)  # a single choice selects its first match only, as Django does
    return mark_safe("".join(html))


def model_formfield(model_field, **kwargs):
    """Form fields as Django makes them, but a web address typed without a scheme is https and
    a many-to-many choice refuses ids too large for the database."""
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    if isinstance(model_field, models.ManyToManyField):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
    return model_field.formfield(**kwargs)


class ScopedModelForm(forms.ModelForm):
    """A model form that only offers, and only accepts, what the user may see and edit.

    Choices of every scoped related model are the records the user may see; the field that names
    the owning organization (`owner_field`) only offers organizations the user may edit. An edit
    carries the version it started from, so that the view can refuse to overwrite a newer one.
    """

    owner_field: str | None = "organization"
    #: further fields that offer only records the user may edit (a person to add a language to)
    editable_choices: tuple[str, ...] = ()

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        # Django reads the callback from Meta only: forms use `class Meta(ScopedModelForm.Meta)`.
        formfield_callback = staticmethod(model_formfield)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            # What identifies the record is shown, not offered (its writer's `fixed_fields`).
            for name in writer_for(self._meta.model).fixed_fields:
                if name in self.fields:
                    self.fields[name].disabled = True
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                self._scope_choices(name, field)
        style_widgets(self)

    def _scope_choices(self, name: str, field: forms.ModelChoiceField) -> None:
        if field.queryset is None:
            return
        limit = field.queryset
        manager = limit.model._default_manager
        model = self._meta.model
        owner = name == self.owner_field or name in self.editable_choices
        try:  # the rule the model declares for the relation, as the API and the import read it
            declared = relation_choices(model, name, self.user, owner=owner)
            # the relation offers what the user may see, as the model's API lists it
            as_api_lists = name not in getattr(model, "open_choices", ()) and not (
                model._meta.get_field(name).get_limit_choices_to()
            )
        except FieldDoesNotExist:  # a choice field of the form's own
            if not hasattr(manager, "visible_to"):
                return
            declared = manager.editable_by(self.user) if owner else manager.visible_to(self.user)
            as_api_lists = True
        if declared is None:
            return
        queryset = within_own_limit(declared, limit)
        editable = owner or name in getattr(model, "editable_relations", ())
        current = self._current_value(name)
        if editable and current is not None:
            # Keeping what the record already has is no move out of scope: an officer edits its
            # own Union, whose parent (the central Union) it may not edit.
            queryset = queryset | manager.filter(pk=current)
        related = getattr(limit.model, "label_related", ())
        field.queryset = queryset.select_related(*related)
        if as_api_lists and not editable and not narrower_than_all(limit):
            offer_from_api(field)  # the API lists the same records: what the user may see

    def _require_version(self) -> None:
        """An edit must say which version it started from, or it could overwrite a newer one
        unseen; the hidden field's own error would show nowhere, so it is the form's."""
        if not self.instance.pk:
            return
        if self.errors.pop("version", None) or self.cleaned_data.get("version") is None:
            self.add_error(
                None,
                _(
                    "The form came without the version of the record it changes, so it could "
                    "overwrite a newer one: nothing was saved. Reload the page and edit again."
                ),
            )

    def _current_value(self, name: str):
        if not self.instance.pk:
            return None
        try:
            return getattr(self.instance, self.instance._meta.get_field(name).attname)
        except Exception:  # a form field that is not a model field
            return None

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        self._require_version()
        if not self.owner_field:
            return cleaned
        owner = cleaned.get(self.owner_field)
        unchanged = owner is not None and owner.pk == self._current_value(self.owner_field)
        if (
            self.owner_field in self.fields
            and owner
            and not unchanged
            and not organization_in_scope(self.user, owner)
        ):
            self.add_error(self.owner_field, _("You may not edit records of this organization."))
        return cleaned


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing ids beyond a 64-bit integer as invalid choices: SQLite raises
    OverflowError for them in an `__in` lookup, which would be a 500."""

    def _check_values(self, value):
        for key in value:
            text = str(key)
            if text.lstrip("-").isdigit() and not -(2**63) <= int(text) < 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text},
                )
        return super()._check_values(value)  # type: ignore[misc]  # Django's, not in django-stubs


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File (XLSX or CSV)"),
        help_text=_("The columns of the export; an empty id creates a new record."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xlsx,.csv"
        style_widgets(self)

    def clean_file(self):
        from django.conf import settings

        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Choose an .xlsx or .csv file."))
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB.")
                % {"limit": settings.IMPORT_MAX_BYTES // (1024 * 1024)}
            )
        return upload


class UploadedFileForm(ScopedModelForm):
    """The form of a `core.models.UploadedFile` model: the file comes as `upload` (required for
    a new record, kept as it is when left empty on an edit); the model's errors on its `file`
    are shown on `upload`. A subclass names its model's fields (without `file`) in its Meta."""

    owner_field = None
    upload = forms.FileField(label=_("File"), required=False)

    def __init__(self, *args, **kwargs):
        from amity.core.uploads import ATTACHMENT_TYPES

        super().__init__(*args, **kwargs)
        self.fields["upload"].required = self.instance.pk is None
        self.fields["upload"].widget.attrs["accept"] = ",".join(ATTACHMENT_TYPES)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("upload"):
            self.instance.file = cleaned["upload"]
        return cleaned

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict") and "file" in errors.error_dict:
            file_errors = errors.error_dict.pop("file")
            if "upload" not in self.errors:
                errors.error_dict["upload"] = file_errors
        super()._update_errors(errors)  # type: ignore[misc]  # Django's, not in django-stubs
