import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.collation import fold
from amity.core.filtersets import BaseFilterSet
from amity.documents.models import register as models


class RegisterEntryFilterSet(BaseFilterSet):
    search_fields = ("search_text",)
    signer = django_filters.CharFilter(label=_("signed by"), lookup_expr="icontains")

    class Meta:
        model = models.RegisterEntry
        fields = {
            "direction": ["exact"],
            "document_type": ["exact"],
            "organization": ["exact"],
            "year": ["exact"],
            "issued_on": ["gte", "lte"],
        }

    def search(self, queryset, name, value):
        """Every word in the entry's search text, which is stored folded (`derive_fields`):
        the word is folded here once, where the base search folds every row's text in the
        database (a Python function called on each row of a year's register on SQLite). Case
        is still ignored (SQLite's LIKE does so anyway), for a text written by other means."""
        for word in value.split():
            queryset = queryset.filter(search_text__icontains=fold(word))
        return queryset


class RegisterFileFilterSet(BaseFilterSet):
    search_fields = ("title", "original_name")

    class Meta:
        model = models.RegisterFile
        fields = {"entry": ["exact"]}


class TermFilterSet(BaseFilterSet):
    search_fields = ("key", "vi", "en", "note")

    class Meta:
        model = models.Term
        fields = {"category": ["exact"]}
