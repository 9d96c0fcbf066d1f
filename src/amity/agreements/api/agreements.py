from django.urls import reverse
from rest_framework import serializers

from amity.agreements import models
from amity.agreements.filtersets.agreements import (
    AgreementFileFilterSet,
    AgreementFilterSet,
    CommitmentFilterSet,
    ReviewFilterSet,
    SignerFilterSet,
    VietnameseAgencyFilterSet,
)
from amity.agreements.forms.agreements import (
    AGENCY_FIELDS,
    AGREEMENT_FIELDS,
    COMMITMENT_FIELDS,
    FILE_FIELDS,
    REVIEW_FIELDS,
    SIGNER_FIELDS,
)
from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet


class VietnameseAgencySerializer(ScopedModelSerializer):
    class Meta:
        model = models.VietnameseAgency
        fields = (*BASE_FIELDS, *AGENCY_FIELDS)


class VietnameseAgencyViewSet(ScopedModelViewSet):
    model = models.VietnameseAgency
    serializer_class = VietnameseAgencySerializer
    filterset_class = VietnameseAgencyFilterSet


class AgreementSerializer(ScopedModelSerializer):
    """An agreement. A signed or in-force one needs a signed file: create it under
    negotiation, add the signed copy (`agreement-files`), then change its status."""

    days_left = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = models.Agreement
        fields = (*BASE_FIELDS, *AGREEMENT_FIELDS, "external_ref", "days_left")


class AgreementViewSet(ScopedModelViewSet):
    model = models.Agreement
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilterSet
    select_related = ("organization",)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "other_organizations",
                "partners",
                "agencies",
                "interactions",
                "events",
                "activities",
            )
        )


class ChildSerializer(ScopedModelSerializer):
    owner_field = None


class SignerSerializer(ChildSerializer):
    class Meta:
        model = models.Signer
        fields = (*BASE_FIELDS, *SIGNER_FIELDS)


class SignerViewSet(ScopedModelViewSet):
    model = models.Signer
    serializer_class = SignerSerializer
    filterset_class = SignerFilterSet


class AgreementFileSerializer(ChildSerializer):
    """A file of an agreement: sent as multipart form data, read back from `download` (the
    scoped address; the media directory is not served)."""

    file = serializers.FileField(write_only=True, required=False)
    download = serializers.SerializerMethodField()

    class Meta:
        model = models.AgreementFile
        fields = (
            *BASE_FIELDS,
            *FILE_FIELDS,
            "file",
            "original_name",
            "size",
            "content_type",
            "download",
        )
        read_only_fields = ("original_name", "size", "content_type")

    def get_download(self, obj) -> str:
        return reverse("agreements:agreementfile_download", args=[obj.pk])


class AgreementFileViewSet(ScopedModelViewSet):
    model = models.AgreementFile
    serializer_class = AgreementFileSerializer
    filterset_class = AgreementFileFilterSet


class AgreementReviewSerializer(ChildSerializer):
    class Meta:
        model = models.Review
        fields = (*BASE_FIELDS, *REVIEW_FIELDS)


class ReviewViewSet(ScopedModelViewSet):
    model = models.Review
    serializer_class = AgreementReviewSerializer
    filterset_class = ReviewFilterSet


class CommitmentSerializer(ChildSerializer):
    class Meta:
        model = models.Commitment
        fields = (*BASE_FIELDS, *COMMITMENT_FIELDS)


class CommitmentViewSet(ScopedModelViewSet):
    model = models.Commitment
    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilterSet
