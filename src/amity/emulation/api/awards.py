"""The awards in the API: the six collections, and the workflow's steps as actions of a
proposal (submit, vote, review, refuse) and of a decision (decide, revoke)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.emulation import award_services as services
from amity.emulation import models
from amity.emulation.filtersets import awards as filtersets
from amity.emulation.forms import awards as forms
from amity.emulation.models.awards import VoteChoice


class AwardFormSerializer(ScopedModelSerializer):
    class Meta:
        model = models.AwardForm
        fields = (*BASE_FIELDS, *forms.AWARD_FORM_FIELDS)


class AwardProposalSerializer(ScopedModelSerializer):
    nominee = serializers.CharField(source="nominee_label", read_only=True)

    class Meta:
        model = models.AwardProposal
        fields = (
            *BASE_FIELDS,
            *forms.AWARD_PROPOSAL_FIELDS,
            "nominee",
            "state",
            "submitted_by",
            "submitted_at",
            "reviewed_by",
            "reviewed_at",
            "review_note",
            "decided_by",
            "decided_at",
            "refusal_reason",
            "decision",
        )
        read_only_fields = (
            "state",
            "submitted_by",
            "submitted_at",
            "reviewed_by",
            "reviewed_at",
            "review_note",
            "decided_by",
            "decided_at",
            "refusal_reason",
            "decision",
        )


class AwardDocumentSerializer(ScopedModelSerializer):
    """A dossier's document: its file is sent as multipart form data and read back from
    `download`, the scoped address (the media directory is not served)."""

    owner_field = None
    file = serializers.FileField(write_only=True, required=False)
    download = serializers.SerializerMethodField()

    class Meta:
        model = models.AwardDocument
        fields = (
            *BASE_FIELDS,
            *forms.AWARD_DOCUMENT_FIELDS,
            "file",
            "original_name",
            "size",
            "content_type",
            "download",
        )
        read_only_fields = ("original_name", "size", "content_type")

    def get_download(self, obj) -> str:
        return reverse("emulation:awarddocument_download", args=[obj.pk])


class CouncilMemberSerializer(ScopedModelSerializer):
    class Meta:
        model = models.CouncilMember
        fields = (*BASE_FIELDS, *forms.COUNCIL_MEMBER_FIELDS)


class AwardVoteSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.AwardVote
        fields = (*BASE_FIELDS, *forms.AWARD_VOTE_FIELDS)


class AwardDecisionSerializer(ScopedModelSerializer):
    class Meta:
        model = models.AwardDecision
        fields = (
            *BASE_FIELDS,
            *forms.AWARD_DECISION_FIELDS,
            "revoked_at",
            "revoked_by",
            "revocation_reason",
        )
        read_only_fields = ("revoked_at", "revoked_by", "revocation_reason")


class VoteSerializer(serializers.Serializer):
    choice = serializers.ChoiceField(choices=VoteChoice.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class ReviewSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class DecideSerializer(serializers.Serializer):
    proposals = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        min_length=1,
        max_length=500,
    )


def _visible(model, request, pk):
    if not str(pk).isdigit():
        raise exceptions.NotFound()
    found = model.objects.visible_to(request.user).filter(pk=pk).first()
    if found is None:
        raise exceptions.NotFound()
    return found


def _run(step):
    try:
        return step()
    except PermissionDenied as denied:
        raise exceptions.PermissionDenied(str(denied)) from denied
    except ValidationError as refusal:
        raise exceptions.ValidationError({"detail": refusal.messages}) from refusal


class AwardFormViewSet(ScopedModelViewSet):
    model = models.AwardForm
    serializer_class = AwardFormSerializer
    filterset_class = filtersets.AwardFormFilterSet


class AwardProposalViewSet(ScopedModelViewSet):
    model = models.AwardProposal
    serializer_class = AwardProposalSerializer
    filterset_class = filtersets.AwardProposalFilterSet
    select_related = (
        "award_form",
        "nominee_organization",
        "nominee_person",
        "nominee_contact",
        "nominee_partner",
    )

    def _answer(self, proposal):
        return Response(AwardProposalSerializer(proposal, context={"request": self.request}).data)

    @extend_schema(request=None, responses=AwardProposalSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def submit(self, request, pk=None):
        """Send the draft to the council: with its required documents."""
        proposal = _visible(models.AwardProposal, request, pk)
        return self._answer(_run(lambda: services.submit(proposal, by=request.user)))

    @extend_schema(request=VoteSerializer, responses=AwardProposalSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def vote(self, request, pk=None):
        """A council member's vote (for, against, abstain) while the review is open."""
        proposal = _visible(models.AwardProposal, request, pk)
        body = VoteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        _run(
            lambda: services.cast_vote(proposal, data["choice"], note=data["note"], by=request.user)
        )
        return self._answer(models.AwardProposal.objects.get(pk=proposal.pk))

    @extend_schema(request=ReviewSerializer, responses=AwardProposalSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def review(self, request, pk=None):
        """Close the council's review (a majority voted for)."""
        proposal = _visible(models.AwardProposal, request, pk)
        body = ReviewSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        note = body.validated_data["note"]
        return self._answer(_run(lambda: services.review(proposal, note=note, by=request.user)))

    @extend_schema(request=ReasonSerializer, responses=AwardProposalSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def refuse(self, request, pk=None):
        """Refuse the proposal, with the reason."""
        proposal = _visible(models.AwardProposal, request, pk)
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        reason = body.validated_data["reason"]
        return self._answer(_run(lambda: services.refuse(proposal, reason, by=request.user)))


class AwardDocumentViewSet(ScopedModelViewSet):
    model = models.AwardDocument
    serializer_class = AwardDocumentSerializer
    filterset_class = filtersets.AwardDocumentFilterSet


class CouncilMemberViewSet(ScopedModelViewSet):
    model = models.CouncilMember
    serializer_class = CouncilMemberSerializer
    filterset_class = filtersets.CouncilMemberFilterSet
    select_related = ("user",)


class AwardVoteViewSet(ScopedModelViewSet):
    model = models.AwardVote
    serializer_class = AwardVoteSerializer
    filterset_class = filtersets.AwardVoteFilterSet
    select_related = ("member__user", "proposal__award_form")


class AwardDecisionViewSet(ScopedModelViewSet):
    model = models.AwardDecision
    serializer_class = AwardDecisionSerializer
    filterset_class = filtersets.AwardDecisionFilterSet
    select_related = ("award_form",)

    def _answer(self, decision):
        return Response(AwardDecisionSerializer(decision, context={"request": self.request}).data)

    @extend_schema(request=DecideSerializer, responses=AwardDecisionSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def decide(self, request, pk=None):
        """Name reviewed proposals as the decision's recipients (all or none)."""
        decision = _visible(models.AwardDecision, request, pk)
        body = DecideSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        wanted = body.validated_data["proposals"]
        proposals = list(
            models.AwardProposal.objects.visible_to(request.user).filter(pk__in=wanted)
        )
        if len(proposals) != len(set(wanted)):
            raise exceptions.ValidationError({"proposals": [_("Unknown proposal.")]})
        _run(lambda: services.decide(decision, proposals, by=request.user))
        return self._answer(models.AwardDecision.objects.get(pk=decision.pk))

    @extend_schema(request=ReasonSerializer, responses=AwardDecisionSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def revoke(self, request, pk=None):
        """Revoke the decision, with the reason: it is never undone or deleted."""
        decision = _visible(models.AwardDecision, request, pk)
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        reason = body.validated_data["reason"]
        return self._answer(_run(lambda: services.revoke(decision, reason, by=request.user)))
