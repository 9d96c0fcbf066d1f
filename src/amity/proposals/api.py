"""The API of proposals and consultations: scoped and filtered like their pages."""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.proposals import filtersets, models, services
from amity.proposals.choices import Position


class TopicSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Topic
        ref_name = "ProposalTopic"  # not the events' Topic in the OpenAPI schema
        fields = (
            *BASE_FIELDS,
            "organization",
            "code",
            "name_vi",
            "name_en",
            "order",
            "is_active",
            "notes",
        )


class StatusLabelSerializer(ScopedModelSerializer):
    class Meta:
        model = models.StatusLabel
        fields = (*BASE_FIELDS, "organization", "status", "label_vi", "label_en", "notes")


class ProposalSerializer(ScopedModelSerializer):
    """The answer is read here and written through the `answer`, `approve` and `publish`
    actions, so that it cannot be published without a leader's approval."""

    class Meta:
        model = models.Proposal
        fields = (
            *BASE_FIELDS,
            "organization",
            "raised_by",
            "raised_by_name",
            "raised_on",
            "source",
            "event",
            "consultation",
            "source_reference",
            "topic",
            "title",
            "text",
            "addressed_to",
            "responsible_department",
            "due_on",
            "status",
            "related",
            "answer_text",
            "answer_state",
            "answer_drafted_by",
            "answer_approved_by",
            "answer_approved_at",
            "answer_returned_reason",
            "answer_published_at",
            "external_ref",
            "notes",
        )
        read_only_fields = (
            "answer_text",
            "answer_state",
            "answer_drafted_by",
            "answer_approved_by",
            "answer_approved_at",
            "answer_returned_reason",
            "answer_published_at",
        )

    def get_fields(self):
        """The centre's fields (status, department, due date) are read-only to a unit: what it
        sends for them is ignored, as its form does not offer them."""
        fields = super().get_fields()
        user = getattr(self.context.get("request"), "user", None)
        if user is not None and user.is_authenticated:
            for name in services.centre_fields(user):
                fields[name].read_only = True
        return fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if not services.answer_shown_to(user, instance):
            # the proposer reads the answer once it is approved and published
            data["answer_text"] = ""
            data["answer_returned_reason"] = ""
        return data


class ProposalActionSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.ProposalAction
        fields = (
            *BASE_FIELDS,
            "proposal",
            "action",
            "responsible",
            "due_on",
            "progress",
            "state",
            "notes",
        )


class ConsultationSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Consultation
        fields = (
            *BASE_FIELDS,
            "organization",
            "title_vi",
            "title_en",
            "document",
            "description",
            "opens_on",
            "deadline",
            "remind_days_before",
            "last_reminded_on",
            "status",
            "organizations_asked",
            "external_ref",
            "notes",
        )
        read_only_fields = ("last_reminded_on",)


class ConsultationArticleSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.ConsultationArticle
        fields = (*BASE_FIELDS, "consultation", "number", "heading", "text", "notes")


class ConsultationResponseSerializer(ScopedModelSerializer):
    class Meta:
        model = models.ConsultationResponse
        fields = (
            *BASE_FIELDS,
            "consultation",
            "organization",
            "submitted_on",
            "signed_by",
            "general_comment",
            "notes",
        )


class ArticlePositionSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.ArticlePosition
        fields = (
            *BASE_FIELDS,
            "response",
            "article",
            "position",
            "proposed_text",
            "comment",
            "notes",
        )


class AnswerSerializer(serializers.Serializer):
    answer_text = serializers.CharField()


class SendBackSerializer(serializers.Serializer):
    reason = serializers.CharField(help_text="Why the answer is sent back to the department.")


class PublishSerializer(serializers.Serializer):
    with_related = serializers.BooleanField(
        default=False, help_text="Publish the answer for the related proposals too."
    )


class SynthesisRowSerializer(serializers.Serializer):
    article = serializers.IntegerField(source="article.pk")
    number = serializers.IntegerField(source="article.number")
    positions = serializers.DictField(child=serializers.ChoiceField(choices=Position.choices))
    counts = serializers.DictField(child=serializers.IntegerField())


class TopicViewSet(ScopedModelViewSet):
    model = models.Topic
    serializer_class = TopicSerializer
    filterset_class = filtersets.TopicFilterSet


class StatusLabelViewSet(ScopedModelViewSet):
    model = models.StatusLabel
    serializer_class = StatusLabelSerializer
    filterset_class = filtersets.StatusLabelFilterSet


class ProposalViewSet(ScopedModelViewSet):
    model = models.Proposal
    serializer_class = ProposalSerializer
    filterset_class = filtersets.ProposalFilterSet

    def get_queryset(self):
        return super().get_queryset().prefetch_related("related")

    def _step(self, step, proposal=None):
        proposal = proposal or self.get_visible()
        try:
            result = step(proposal)
        except PermissionDenied as denied:
            raise exceptions.PermissionDenied(str(denied)) from denied
        except services.WorkflowRefused as refusal:
            raise exceptions.ValidationError({"answer_state": [str(refusal)]}) from refusal
        fresh = result[0] if isinstance(result, list) else result
        return Response(ProposalSerializer(fresh, context={"request": self.request}).data)

    def get_visible(self):
        if not str(self.kwargs["pk"]).isdigit():  # `/api/proposals/proposals/abc/answer/`
            raise exceptions.NotFound()
        proposal = models.Proposal.objects.visible_to(self.request.user).filter(
            pk=self.kwargs["pk"]
        )
        found = proposal.first()
        if found is None:
            raise exceptions.NotFound()
        return found

    @extend_schema(request=AnswerSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def answer(self, request, pk=None):
        """Draft (or redraft) the official answer: the responsible department."""
        proposal = self.get_visible()  # 404 before the body is read: its existence is not told
        serializer = AnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        text = serializer.validated_data["answer_text"]
        return self._step(lambda p: services.draft_answer(p, text, by=request.user), proposal)

    @extend_schema(request=None, responses=ProposalSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def approve(self, request, pk=None):
        """Approve the drafted answer: a leader."""
        return self._step(lambda p: services.approve_answer(p, by=request.user))

    @extend_schema(request=SendBackSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["post"], url_path="send-back", filter_backends=[])
    def send_back(self, request, pk=None):
        """Send the drafted answer back to the department with the reason: a leader."""
        proposal = self.get_visible()
        serializer = SendBackSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        reason = serializer.validated_data["reason"]
        return self._step(lambda p: services.return_answer(p, reason, by=request.user), proposal)

    @extend_schema(request=PublishSerializer, responses=ProposalSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def publish(self, request, pk=None):
        """Publish the approved answer to the proposer; refused without approval."""
        proposal = self.get_visible()
        serializer = PublishSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        related = serializer.validated_data["with_related"]
        return self._step(
            lambda p: services.publish_answer(p, by=request.user, with_related=related), proposal
        )


class ProposalActionViewSet(ScopedModelViewSet):
    model = models.ProposalAction
    serializer_class = ProposalActionSerializer
    filterset_class = filtersets.ProposalActionFilterSet


class ConsultationViewSet(ScopedModelViewSet):
    model = models.Consultation
    serializer_class = ConsultationSerializer
    filterset_class = filtersets.ConsultationFilterSet

    def get_queryset(self):
        return super().get_queryset().prefetch_related("organizations_asked")

    @extend_schema(responses=SynthesisRowSerializer(many=True), filters=False)
    @action(detail=True, methods=["get"], filter_backends=[], pagination_class=None)
    def synthesis(self, request, pk=None):
        """Articles × organizations × positions, among the responses the user may see."""
        result = services.synthesis(self.get_object(), request.user)
        rows = [
            {
                "article": row["article"],
                "counts": row["counts"],
                "positions": {
                    str(org.pk): cell.position
                    for org, cell in zip(result.organizations, row["cells"], strict=True)
                    if cell is not None
                },
            }
            for row in result.rows()
        ]
        return Response(SynthesisRowSerializer(rows, many=True).data)


class ConsultationArticleViewSet(ScopedModelViewSet):
    model = models.ConsultationArticle
    serializer_class = ConsultationArticleSerializer
    filterset_class = filtersets.ConsultationArticleFilterSet


class ConsultationResponseViewSet(ScopedModelViewSet):
    model = models.ConsultationResponse
    serializer_class = ConsultationResponseSerializer
    filterset_class = filtersets.ConsultationResponseFilterSet


class ArticlePositionViewSet(ScopedModelViewSet):
    model = models.ArticlePosition
    serializer_class = ArticlePositionSerializer
    filterset_class = filtersets.ArticlePositionFilterSet
