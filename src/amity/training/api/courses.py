from django.urls import reverse
from rest_framework import serializers

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.training import models
from amity.training.api.rules import RulesSerializerMixin
from amity.training.filtersets.courses import (
    CourseFilterSet,
    MaterialFilterSet,
    QuotaFilterSet,
    SessionFilterSet,
)
from amity.training.forms.courses import (
    COURSE_FIELDS,
    MATERIAL_FIELDS,
    QUOTA_FIELDS,
    SESSION_FIELDS,
)


class CourseSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Course
        fields = (*BASE_FIELDS, *COURSE_FIELDS)


class CourseViewSet(ScopedModelViewSet):
    model = models.Course
    serializer_class = CourseSerializer
    filterset_class = CourseFilterSet


class CourseSessionSerializer(RulesSerializerMixin, ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.Session
        fields = (*BASE_FIELDS, *SESSION_FIELDS)


class SessionViewSet(ScopedModelViewSet):
    model = models.Session
    serializer_class = CourseSessionSerializer
    filterset_class = SessionFilterSet


class CourseQuotaSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.Quota
        fields = (*BASE_FIELDS, *QUOTA_FIELDS)


class QuotaViewSet(ScopedModelViewSet):
    model = models.Quota
    serializer_class = CourseQuotaSerializer
    filterset_class = QuotaFilterSet


class CourseMaterialSerializer(ScopedModelSerializer):
    """A course's file: sent as multipart form data, read back from `download` (the scoped
    address; the media directory is not served)."""

    owner_field = None
    file = serializers.FileField(write_only=True, required=False)
    download = serializers.SerializerMethodField()

    class Meta:
        model = models.Material
        fields = (
            *BASE_FIELDS,
            *MATERIAL_FIELDS,
            "file",
            "original_name",
            "size",
            "content_type",
            "download",
        )
        read_only_fields = ("original_name", "size", "content_type")

    def get_download(self, obj) -> str:
        return reverse("training:material_download", args=[obj.pk])


class MaterialViewSet(ScopedModelViewSet):
    model = models.Material
    serializer_class = CourseMaterialSerializer
    filterset_class = MaterialFilterSet
