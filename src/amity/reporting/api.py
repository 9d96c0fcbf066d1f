"""The reporting API: forms, periods, submissions and values, scoped like the pages.

A Union reads and writes its own submissions; the centre reads them all. The workflow steps
are actions of a submission (`submit`, `approve`, `return`), through the same services.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.reporting import filtersets, models, services


def _serializer(model, fields, owner_field=None, read_only=()):
    meta = type(
        "Meta",
        (),
        {"model": model, "fields": (*BASE_FIELDS, *fields), "read_only_fields": read_only},
    )
    return type(
        f"{model.__name__}Serializer",
        (ScopedModelSerializer,),
        {"Meta": meta, "owner_field": owner_field},
    )


IndicatorSerializer = _serializer(
    models.Indicator,
    (
        "organization",
        "code",
        "name",
        "name_en",
        "type",
        "unit",
        "currency",
        "aggregation",
        "minimum",
        "maximum",
        "options",
        "total_of",
        "prefill",
        "description",
        "notes",
    ),
    owner_field="organization",
)
FormSerializer = _serializer(
    models.Form,
    (
        "organization",
        "code",
        "name",
        "name_en",
        "assigned_kinds",
        "assigned_organizations",
        "notes",
    ),
    owner_field="organization",
)
FormVersionSerializer = _serializer(
    models.FormVersion,
    ("form", "number", "status", "published_on", "notes"),
    read_only=("status", "published_on"),
)
SectionSerializer = _serializer(
    models.Section,
    (
        "form_version",
        "order",
        "title",
        "title_en",
        "kind",
        "instructions",
        "notes",
    ),
)
SectionItemSerializer = _serializer(
    models.SectionItem, ("section", "indicator", "order", "required", "notes")
)
PeriodSerializer = _serializer(
    models.Period,
    (
        "form",
        "kind",
        "year",
        "number",
        "starts_on",
        "ends_on",
        "opens_on",
        "deadline",
        "grace_days",
        "locked",
        "notes",
    ),
    read_only=("starts_on", "ends_on"),
)
ReopeningSerializer = _serializer(
    models.Reopening,
    ("period", "organization", "reason", "expires_on", "granted_by", "notes"),
    read_only=("granted_by",),
)
ValidationRuleSerializer = _serializer(
    models.ValidationRule,
    (
        "form_version",
        "kind",
        "severity",
        "left",
        "operator",
        "right",
        "constant",
        "max_change_percent",
        "message",
        "message_en",
        "notes",
    ),
)
SubmissionSerializer = _serializer(
    models.Submission,
    (
        "organization",
        "form_version",
        "period",
        "state",
        "submitted_at",
        "submitted_by",
        "returned_at",
        "returned_by",
        "approved_at",
        "approved_by",
        "notes",
    ),
    owner_field="organization",
    read_only=(
        "state",
        "submitted_at",
        "submitted_by",
        "returned_at",
        "returned_by",
        "approved_at",
        "approved_by",
    ),
)
ValueSerializer = _serializer(
    models.Value,
    (
        "submission",
        "indicator",
        "number",
        "text",
        "source",
        "system_number",
        "comment",
        "notes",
    ),
    read_only=("source", "system_number"),
)
ReviewCommentSerializer = _serializer(
    models.ReviewComment,
    ("submission", "indicator", "text", "author", "resolved", "notes"),
    read_only=("author",),
)


class AttachmentSerializer(ScopedModelSerializer):
    """An attachment: its file is sent as multipart form data and read back from `download`,
    the scoped address (the media directory is not served)."""

    owner_field = None
    file = serializers.FileField(write_only=True, required=False)
    download = serializers.SerializerMethodField()

    class Meta:
        model = models.Attachment
        fields = (
            *BASE_FIELDS,
            "submission",
            "title",
            "file",
            "original_name",
            "size",
            "content_type",
            "download",
            "notes",
        )
        read_only_fields = ("original_name", "size", "content_type")

    def get_download(self, obj) -> str:
        return reverse("reporting:attachment_download", args=[obj.pk])


class ReturnSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")
    fields = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        default=dict,
        help_text="indicator code → comment on that field",
    )


def _viewset(model, serializer, filterset, select_related=()):
    return type(
        f"{model.__name__}ViewSet",
        (ScopedModelViewSet,),
        {
            "model": model,
            "serializer_class": serializer,
            "filterset_class": filterset,
            "select_related": select_related,
        },
    )


IndicatorViewSet = _viewset(models.Indicator, IndicatorSerializer, filtersets.IndicatorFilterSet)
FormViewSet = _viewset(models.Form, FormSerializer, filtersets.FormFilterSet)
FormVersionViewSet = _viewset(
    models.FormVersion, FormVersionSerializer, filtersets.FormVersionFilterSet
)
SectionViewSet = _viewset(models.Section, SectionSerializer, filtersets.SectionFilterSet)
SectionItemViewSet = _viewset(
    models.SectionItem, SectionItemSerializer, filtersets.SectionItemFilterSet
)
PeriodViewSet = _viewset(models.Period, PeriodSerializer, filtersets.PeriodFilterSet)
ReopeningViewSet = _viewset(models.Reopening, ReopeningSerializer, filtersets.ReopeningFilterSet)
ValidationRuleViewSet = _viewset(
    models.ValidationRule, ValidationRuleSerializer, filtersets.ValidationRuleFilterSet
)
ValueViewSet = _viewset(models.Value, ValueSerializer, filtersets.ValueFilterSet)
ReviewCommentViewSet = _viewset(
    models.ReviewComment, ReviewCommentSerializer, filtersets.ReviewCommentFilterSet
)


class AttachmentViewSet(ScopedModelViewSet):
    model = models.Attachment
    serializer_class = AttachmentSerializer
    filterset_class = filtersets.AttachmentFilterSet
    select_related = ("submission",)

    def perform_destroy(self, instance):
        try:
            services.remove_attachment(instance, by=self.request.user)
        except services.WorkflowRefused as refusal:
            raise exceptions.ValidationError({"detail": str(refusal)}) from refusal


class SubmissionViewSet(ScopedModelViewSet):
    model = models.Submission
    serializer_class = SubmissionSerializer
    filterset_class = filtersets.SubmissionFilterSet
    select_related = ("organization", "period")

    def _step(self, function, submission=None, **kwargs):
        submission = submission or self.get_object()
        try:
            submission = function(submission, by=self.request.user, **kwargs)
        except services.WorkflowRefused as refusal:
            detail = {
                "detail": str(refusal),
                "problems": [problem.message for problem in refusal.problems],
            }
            raise exceptions.ValidationError(detail) from refusal
        return Response(SubmissionSerializer(submission, context={"request": self.request}).data)

    def _reviewable(self):
        submission = self.get_object()
        if not services.may_review(self.request.user, submission):
            raise exceptions.PermissionDenied(_("You may not review this submission."))
        return submission

    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._step(services.submit_submission)

    @action(detail=True, methods=["post"], serializer_class=serializers.Serializer)
    def approve(self, request, pk=None):
        return self._step(services.approve_submission, submission=self._reviewable())

    @action(detail=True, methods=["post"], url_path="return", serializer_class=ReturnSerializer)
    def return_(self, request, pk=None):
        submission = self._reviewable()
        data = ReturnSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        by_code = {i.code: i for i in services.version_indicators(submission.form_version)}
        comments = [(None, data.validated_data["comment"])] + [
            (by_code.get(code), text) for code, text in data.validated_data["fields"].items()
        ]
        return self._step(services.return_submission, submission=submission, comments=comments)
