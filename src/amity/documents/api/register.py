from django.urls import reverse
from rest_framework import serializers

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.documents import glossary
from amity.documents.filtersets.register import (
    RegisterEntryFilterSet,
    RegisterFileFilterSet,
    TermFilterSet,
)
from amity.documents.forms.register import ENTRY_FIELDS, FILE_FIELDS, TERM_FIELDS
from amity.documents.models import register as models


class RegisterEntrySerializer(ScopedModelSerializer):
    reference = serializers.CharField(read_only=True)
    document_type_name = serializers.SerializerMethodField()

    class Meta:
        model = models.RegisterEntry
        fields = (*BASE_FIELDS, *ENTRY_FIELDS, "year", "reference", "document_type_name")
        read_only_fields = ("year",)

    def get_document_type_name(self, obj) -> str:
        names = self.context.setdefault(
            "type_names", glossary.names(models.TermCategory.DOCUMENT_TYPE)
        )
        return names.get(obj.document_type, obj.document_type)


class RegisterEntryViewSet(ScopedModelViewSet):
    model = models.RegisterEntry
    serializer_class = RegisterEntrySerializer
    filterset_class = RegisterEntryFilterSet


class RegisterFileSerializer(ScopedModelSerializer):
    """A register entry's file: sent as multipart form data, read back from `download` (the
    scoped address; the media directory is not served), its PDF from `pdf_download`."""

    owner_field = None
    file = serializers.FileField(write_only=True, required=False)
    download = serializers.SerializerMethodField()
    pdf_download = serializers.SerializerMethodField()

    class Meta:
        model = models.RegisterFile
        fields = (
            *BASE_FIELDS,
            *FILE_FIELDS,
            "file",
            "original_name",
            "size",
            "content_type",
            "pdf_status",
            "download",
            "pdf_download",
        )
        read_only_fields = ("original_name", "size", "content_type", "pdf_status")

    def get_download(self, obj) -> str:
        return reverse("documents:registerfile_download", args=[obj.pk])

    def get_pdf_download(self, obj) -> str:
        return reverse("documents:registerfile_pdf", args=[obj.pk]) if obj.pdf else ""


class RegisterFileViewSet(ScopedModelViewSet):
    model = models.RegisterFile
    serializer_class = RegisterFileSerializer
    filterset_class = RegisterFileFilterSet


class TermSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Term
        fields = (*BASE_FIELDS, *TERM_FIELDS)


class TermViewSet(ScopedModelViewSet):
    model = models.Term
    serializer_class = TermSerializer
    filterset_class = TermFilterSet
