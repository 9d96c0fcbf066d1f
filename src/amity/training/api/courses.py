from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.training import models, results_services
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


class IssuedCertificateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nomination = serializers.IntegerField(source="nomination_id")
    certificate_number = serializers.CharField()
    issued_on = serializers.DateField()


class CourseViewSet(ScopedModelViewSet):
    """The courses; `POST …/<id>/issue-certificates/` is the organizer's step that numbers
    every completed result without a certificate, as the results page does."""

    model = models.Course
    serializer_class = CourseSerializer
    filterset_class = CourseFilterSet

    @action(
        detail=True,
        methods=["post"],
        url_path="issue-certificates",
        serializer_class=serializers.Serializer,
    )
    def issue_certificates(self, request, pk=None):
        course = self.get_object()  # a write: only who may edit the course (its organizer)
        try:
            issued = results_services.issue_certificates(course, by=request.user)
        except ValidationError as refusal:
            raise exceptions.ValidationError(refusal.messages) from refusal
        return Response({"issued": IssuedCertificateSerializer(issued, many=True).data})


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
