from django.core.exceptions import PermissionDenied, ValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.training import enrolment_services, models
from amity.training.api.rules import RulesSerializerMixin
from amity.training.filtersets.enrolment import (
    AttendanceFilterSet,
    FeedbackFilterSet,
    NominationFilterSet,
    ResultFilterSet,
)
from amity.training.forms.enrolment import (
    ATTENDANCE_FIELDS,
    FEEDBACK_FIELDS,
    NOMINATION_FIELDS,
    RESULT_FIELDS,
)


class NominationSerializer(RulesSerializerMixin, ScopedModelSerializer):
    """A nomination; its `warnings` name the person's other courses at the same time (given
    on a nomination's own address, its creation and its steps; empty in lists)."""

    warnings = serializers.SerializerMethodField()

    class Meta:
        model = models.Nomination
        fields = (*BASE_FIELDS, *NOMINATION_FIELDS, "state", "warnings")
        read_only_fields = ("state",)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_warnings(self, obj) -> list[str]:
        view = self.context.get("view")
        if getattr(view, "action", None) == "list":
            return []
        return enrolment_services.overlap_warnings(obj)


class NominationViewSet(ScopedModelViewSet):
    """The nominations; `POST …/<id>/confirm/` and `…/waitlist/` are the organizer's steps,
    `…/withdraw/` the nominating organization's."""

    model = models.Nomination
    serializer_class = NominationSerializer
    filterset_class = NominationFilterSet
    select_related = ("organization",)

    def get_object(self):
        if self.action in ("confirm", "waitlist"):
            # the organizer sees the nomination without editing it: its step decides
            return super(ScopedModelViewSet, self).get_object()
        return super().get_object()

    def _step(self, function):
        nomination = self.get_object()
        try:
            nomination = function(nomination, by=self.request.user)
        except ValidationError as refusal:
            raise exceptions.ValidationError(refusal.messages) from refusal
        except PermissionDenied as refusal:
            raise exceptions.PermissionDenied(str(refusal)) from refusal
        return Response(
            NominationSerializer(nomination, context=self.get_serializer_context()).data
        )

    @action(detail=True, methods=["post"], serializer_class=serializers.Serializer)
    def confirm(self, request, pk=None):
        return self._step(enrolment_services.confirm)

    @action(detail=True, methods=["post"], serializer_class=serializers.Serializer)
    def waitlist(self, request, pk=None):
        return self._step(enrolment_services.waitlist)

    @action(detail=True, methods=["post"], serializer_class=serializers.Serializer)
    def withdraw(self, request, pk=None):
        return self._step(enrolment_services.withdraw)


class CourseAttendanceSerializer(RulesSerializerMixin, ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.Attendance
        fields = (*BASE_FIELDS, *ATTENDANCE_FIELDS)


class AttendanceViewSet(ScopedModelViewSet):
    model = models.Attendance
    serializer_class = CourseAttendanceSerializer
    filterset_class = AttendanceFilterSet


class CourseResultSerializer(RulesSerializerMixin, ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.Result
        fields = (*BASE_FIELDS, *RESULT_FIELDS)


class ResultViewSet(ScopedModelViewSet):
    model = models.Result
    serializer_class = CourseResultSerializer
    filterset_class = ResultFilterSet


class CourseFeedbackSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.Feedback
        fields = (*BASE_FIELDS, *FEEDBACK_FIELDS)


class FeedbackViewSet(ScopedModelViewSet):
    model = models.Feedback
    serializer_class = CourseFeedbackSerializer
    filterset_class = FeedbackFilterSet
