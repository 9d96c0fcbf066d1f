from import_export.fields import Field

from amity.core.imports import ScopedResource
from amity.documents import glossary
from amity.documents.forms.register import ENTRY_FIELDS, FILE_FIELDS, TERM_FIELDS
from amity.documents.models import register as models


class RegisterEntryResource(ScopedResource):
    """The register in and out of Excel. Rows are written one by one (not in bulk): each new
    outgoing row without a number takes the next one under the counter's lock, and a row with
    a number the register gave already is refused, that row only (`RegisterEntry.clean`)."""

    reference = Field(attribute="reference", column_name="reference", readonly=True)
    document_type_name = Field(column_name="document_type_name", readonly=True)

    class Meta(ScopedResource.Meta):
        model = models.RegisterEntry
        fields = ("id", *ENTRY_FIELDS, "reference", "document_type_name")
        readonly_fields = ("reference", "document_type_name")

    def dehydrate_document_type_name(self, entry) -> str:
        if not hasattr(self, "_type_names"):
            self._type_names = glossary.names(models.TermCategory.DOCUMENT_TYPE)
        return self._type_names.get(entry.document_type, entry.document_type)


class RegisterFileResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.RegisterFile
        fields = ("id", *FILE_FIELDS, "original_name", "size")
        readonly_fields = ("original_name", "size")


class TermResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Term
        fields = ("id", *TERM_FIELDS)
