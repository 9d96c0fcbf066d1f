import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from amity.core.tables import BaseTable
from amity.documents import glossary
from amity.documents.models import register as models


class TermNameColumn(tables.Column):
    """A code shown by its glossary term, the names of its category read once per table (an
    edit in the glossary shows at once, and a page of rows costs one query)."""

    def __init__(self, category: str, field: str, *args, **kwargs):
        # not the field's own accessor: django-tables2 reads a choice's label first, a query
        kwargs.setdefault("accessor", "pk")
        super().__init__(*args, **kwargs)
        self.category, self.field = category, field
        self._names: dict[str, str] | None = None

    def render(self, record):
        code = getattr(record, self.field)
        if self._names is None:
            self._names = glossary.names(self.category)
        return self._names.get(code, code)

    def value(self, record):
        return self.render(record)


class RegisterEntryTable(BaseTable):
    reference = tables.Column(
        verbose_name=_("number and symbol"), linkify=True, order_by=("number", "symbol")
    )
    document_type = TermNameColumn(
        models.TermCategory.DOCUMENT_TYPE,
        "document_type",
        verbose_name=_("type"),
        order_by=("document_type",),
    )
    key_columns = ("reference", "subject")

    class Meta(BaseTable.Meta):
        model = models.RegisterEntry
        fields = (
            "reference",
            "issued_on",
            "document_type",
            "subject",
            "direction",
            "arrival_number",
            "sender_name",
            "signer",
            "organization",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # a fresh column per table: the names it read belong to this request
        self.columns["document_type"].column._names = None


class RegisterFileTable(BaseTable):
    title = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.RegisterFile
        fields = ("title", "original_name", "entry", "size", "pdf_status")


class TermTable(BaseTable):
    key = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Term
        fields = ("key", "category", "vi", "en", "note", "organization")
