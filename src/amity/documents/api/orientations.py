"""The API of the work orientations: each model's collection, and the steps as actions of an
orientation (`distribute`, `acknowledge`, `report`, `matrix`), under the same rules as the
pages (`orientations_services`)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.documents import models, orientations_services
from amity.documents.distribution import organization_ids
from amity.documents.filtersets.orientations import (
    EvidenceFilterSet,
    OrientationFilterSet,
    RecipientFilterSet,
    TaskFilterSet,
    TaskReportFilterSet,
)
from amity.documents.forms.orientations import (
    EVIDENCE_FIELDS,
    ORIENTATION_FIELDS,
    RECIPIENT_FIELDS,
    REPORT_FIELDS,
    TASK_FIELDS,
)
from amity.documents.orientations_choices import TaskProgress
from amity.documents.orientations_matrix import matrix
from amity.organizations.models import Organization


class OrientationSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Orientation
        fields = (*BASE_FIELDS, *ORIENTATION_FIELDS)


class RecipientSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Recipient
        fields = (*BASE_FIELDS, *RECIPIENT_FIELDS)


class DistributeSerializer(serializers.Serializer):
    organizations = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1),
        required=False,
        max_length=5000,
    )
    groups = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, max_length=100
    )


class ActingSerializer(serializers.Serializer):
    """The organization a recipient's step is made for."""

    organization = serializers.IntegerField(min_value=1, max_value=2**31 - 1)


class AcknowledgeSerializer(ActingSerializer):
    acknowledged_by = serializers.CharField(max_length=200)
    acknowledged_on = serializers.DateField(required=False)


class EntrySerializer(serializers.Serializer):
    task = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    progress = serializers.ChoiceField(choices=TaskProgress.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=10000)


class ReportSerializer(ActingSerializer):
    entries = EntrySerializer(many=True, allow_empty=False, max_length=1000)


class MatrixRowSerializer(serializers.Serializer):
    organization = serializers.IntegerField(source="recipient.organization_id")
    name = serializers.CharField(source="recipient.organization.__str__")
    acknowledged_on = serializers.DateField(source="recipient.acknowledged_on")
    cells = serializers.ListField(child=serializers.CharField(allow_blank=True))


class MatrixSerializer(serializers.Serializer):
    tasks = serializers.ListField(child=serializers.IntegerField())
    rows = MatrixRowSerializer(many=True)


def _refusal(error):
    """A service's refusal as the API's: 400 with its messages, or 403."""
    if isinstance(error, PermissionDenied):
        return exceptions.PermissionDenied(str(error) or None)
    return exceptions.ValidationError({"detail": error.messages})


class OrientationViewSet(ScopedModelViewSet):
    """The orientations; `distribute` sends one (its issuer), `acknowledge` and `report` are a
    recipient's steps, `matrix` the recipients × tasks the user may see."""

    model = models.Orientation
    serializer_class = OrientationSerializer
    filterset_class = OrientationFilterSet
    select_related = ("organization",)

    def _visible(self, pk):
        return get_object_or_404(models.Orientation.objects.visible_to(self.request.user), pk=pk)

    def _organization(self, pk):
        return get_object_or_404(Organization.objects.visible_to(self.request.user), pk=pk)

    @extend_schema(request=DistributeSerializer, responses=RecipientSerializer(many=True))
    @action(detail=True, methods=["post"], serializer_class=DistributeSerializer)
    def distribute(self, request, pk=None):
        orientation = self.get_object()  # a write: only who may edit it (its issuer)
        given = DistributeSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        ids = set(given.validated_data.get("organizations", []))
        ids |= organization_ids(given.validated_data.get("groups", []))
        if not ids:
            raise exceptions.ValidationError(
                {"organizations": [_("Choose at least one group or organization.")]}
            )
        try:
            sent = orientations_services.distribute(orientation, ids, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            raise _refusal(error) from error
        return Response(RecipientSerializer(sent, many=True, context={"request": request}).data)

    @extend_schema(request=AcknowledgeSerializer, responses=RecipientSerializer)
    @action(detail=True, methods=["post"], serializer_class=AcknowledgeSerializer)
    def acknowledge(self, request, pk=None):
        orientation = self._visible(pk)
        given = AcknowledgeSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        try:
            recipient = orientations_services.acknowledge(
                orientation,
                self._organization(data["organization"]),
                by=request.user,
                name=data["acknowledged_by"],
                on=data.get("acknowledged_on"),
            )
        except (ValidationError, PermissionDenied) as error:
            raise _refusal(error) from error
        return Response(RecipientSerializer(recipient, context={"request": request}).data)

    @extend_schema(request=ReportSerializer, responses=None)
    @action(detail=True, methods=["post"], serializer_class=ReportSerializer)
    def report(self, request, pk=None):
        orientation = self._visible(pk)
        given = ReportSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        tasks = models.OrientationTask.objects.in_bulk([item["task"] for item in data["entries"]])
        missing = [item["task"] for item in data["entries"] if item["task"] not in tasks]
        if missing:
            raise exceptions.ValidationError(
                {"entries": [_("There is no task %(task)s.") % {"task": missing[0]}]}
            )
        entries = [
            orientations_services.Entry(tasks[item["task"]], item["progress"], item.get("note", ""))
            for item in data["entries"]
        ]
        try:
            written = orientations_services.report(
                orientation, self._organization(data["organization"]), entries, by=request.user
            )
        except (ValidationError, PermissionDenied) as error:
            raise _refusal(error) from error
        return Response({"reports": [item.pk for item in written]})

    @extend_schema(responses=MatrixSerializer)
    @action(detail=True, methods=["get"], serializer_class=MatrixSerializer)
    def matrix(self, request, pk=None):
        orientation = self.get_object()
        visible = models.Recipient.objects.visible_to(request.user).filter(orientation=orientation)
        table = matrix(orientation, visible)
        return Response(
            {
                "tasks": [task.pk for task in table.tasks],
                # the rows alone: `MatrixSerializer(table)` read the tasks as numbers (a 500)
                "rows": MatrixRowSerializer(table.rows, many=True).data,
            }
        )


class TaskSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.OrientationTask
        fields = (*BASE_FIELDS, *TASK_FIELDS)


class TaskViewSet(ScopedModelViewSet):
    model = models.OrientationTask
    serializer_class = TaskSerializer
    filterset_class = TaskFilterSet


class RecipientViewSet(ScopedModelViewSet):
    model = models.Recipient
    serializer_class = RecipientSerializer
    filterset_class = RecipientFilterSet


class TaskReportSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.TaskReport
        fields = (*BASE_FIELDS, *REPORT_FIELDS)


class TaskReportViewSet(ScopedModelViewSet):
    model = models.TaskReport
    serializer_class = TaskReportSerializer
    filterset_class = TaskReportFilterSet


class EvidenceSerializer(ScopedModelSerializer):
    """An evidence file: sent as multipart form data, read back from `download`."""

    owner_field = None
    file = serializers.FileField(write_only=True, required=False)
    download = serializers.SerializerMethodField()

    class Meta:
        model = models.Evidence
        fields = (
            *BASE_FIELDS,
            *EVIDENCE_FIELDS,
            "file",
            "original_name",
            "size",
            "content_type",
            "download",
        )
        read_only_fields = ("original_name", "size", "content_type")

    def get_download(self, obj) -> str:
        return reverse("documents:evidence_download", args=[obj.pk])


class EvidenceViewSet(ScopedModelViewSet):
    model = models.Evidence
    serializer_class = EvidenceSerializer
    filterset_class = EvidenceFilterSet
