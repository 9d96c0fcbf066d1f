"""The base filter set: one per model, shared by the list page, its export and the API."""

import operator
from functools import reduce
from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from amity.core.collation import folded_contains
from amity.core.forms import style_widgets
from amity.core.scoping import within_own_limit
from amity.core.widgets import narrower_than_all, offer_from_api


class BaseFilterSet(django_filters.FilterSet):
    """Adds the free-text `q` filter over the model's `search_fields` to every list."""

    search_fields: tuple[str, ...] = ()

    q = django_filters.CharFilter(method="search", label=_("Search"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        for filter_ in self.filters.values():
            if isinstance(
                filter_, django_filters.ModelChoiceFilter | django_filters.ModelMultipleChoiceFilter
            ):
                self._scope_choices(filter_, user)

    @staticmethod
    def _scope_choices(filter_, user):
        """Offer only records the user may see: a choice list must not reveal other units' names."""
        own = filter_.queryset
        model = getattr(own, "model", None)
        if model is not None and hasattr(model.objects, "visible_to"):
            # the API's list offers the same records, unless the filter keeps to fewer
            filter_.offer_from_api = not narrower_than_all(own)
            visible = within_own_limit(model.objects.visible_to(user), own)
            # django-filter builds the field from `filter_.queryset` (its request-aware copy).
            filter_.queryset = visible.select_related(*getattr(model, "label_related", ()))

    def search(self, queryset, name, value):
        """Every word in one of the `search_fields`, whatever the case and the marks ("ha noi"
        finds "Hà Nội"): the list, its export and the API's `?q=`, which the searchable select
        lists ask as one types, alike."""
        words = value.split()
        if not words or not self.search_fields:
            return queryset
        conditions = [
            reduce(operator.or_, (folded_contains(field, word) for field in self.search_fields))
            for word in words
        ]
        return queryset.filter(reduce(operator.and_, conditions))

    def get_form_class(self):
        return refusing_unknown_fields(super().get_form_class(), self._meta.model)

    @property
    def form(self):
        form = super().form
        if not getattr(form, "_styled", False):
            for name, filter_ in self.filters.items():
                if name not in form.fields:
                    continue
                if getattr(filter_, "options_url", ""):  # an endpoint of the filter's own
                    form.fields[name].options_url = filter_.options_url
                elif getattr(filter_, "offer_from_api", False):
                    offer_from_api(form.fields[name])
            style_widgets(form)
            name_the_unset_choice_all(form)
            form._styled = True
        return form


#: a yes/no filter's choices: left unset it filters nothing, which reads "All", where Django's
#: own "Unknown" (Vietnamese "Chưa xác định") said the opposite
TRI_STATE_CHOICES = (("unknown", _("All")), ("true", _("Yes")), ("false", _("No")))


def name_the_unset_choice_all(form) -> None:
    for field in form.fields.values():
        if isinstance(field, forms.NullBooleanField) and hasattr(field.widget, "choices"):
            field.widget.choices = TRI_STATE_CHOICES


#: parameters of a list that are not filters: pages, sorting, exports, the language, the API's
CONTROL_PARAMETERS = frozenset(
    {"page", "per_page", "sort", "export", "lang", "tab", "limit", "offset", "ordering", "format"}
)


def refusing_unknown_fields(form_class: Any, model) -> Any:
    """`form_class` with an error for each parameter that names a field of `model` but is no
    filter (`?occurred_on=…` where the filter is `occurred_after`): ignored, it would give the
    whole list as if it were filtered."""
    field_names = set()
    for field in model._meta.get_fields():
        field_names |= {field.name, getattr(field, "attname", field.name)}

    class RefusingUnknownFields(form_class):
        def clean(self):
            cleaned = super().clean()
            for name in self.data:
                unknown = name not in self.fields and name not in CONTROL_PARAMETERS
                if unknown and name.split("__")[0] in field_names:
                    self._errors[name] = self.error_class(
                        [_("This list has no filter “%(name)s”.") % {"name": name}]
                    )
            return cleaned

    return RefusingUnknownFields
