"""The partner database's API: scoped and filtered like its pages."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.partners import filtersets, models, services
from amity.partners.duplicates import possible_duplicates
from amity.partners.forms import SuggestionsForm
from amity.partners.merging import MergeRefused, merge_partners


class PartnerSerializer(ScopedModelSerializer):
    owner_field = None
    country = serializers.SlugRelatedField(
        slug_field="code",
        queryset=models.Partner._meta.get_field("country").related_model.objects.all(),
        allow_null=True,
        required=False,
        help_text="ISO 3166 alpha-2 code of the country of headquarters.",
    )
    countries = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        required=False,
        queryset=models.Partner._meta.get_field("countries").related_model.objects.all(),
    )
    fields = serializers.SlugRelatedField(
        slug_field="code", many=True, required=False, queryset=models.FieldOfWork.objects.all()
    )
    display_name = serializers.CharField(read_only=True)

    class Meta:
        model = models.Partner
        fields = (
            *BASE_FIELDS,
            "kind",
            "name",
            "name_vi",
            "name_en",
            "acronym",
            "display_name",
            "country",
            "countries",
            "fields",
            "website",
            "email",
            "phone",
            "address",
            "status",
            "strength",
            "strength_reason",
            "relationship_since",
            "sensitivity",
            "tags",
            "last_contact_on",
            "external_ref",
            "notes",
        )
        read_only_fields = ("last_contact_on",)


class RelationshipHolderSerializer(ScopedModelSerializer):
    class Meta:
        model = models.RelationshipHolder
        fields = (*BASE_FIELDS, "partner", "organization", "role", "since", "notes")


class ContactSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.Contact
        fields = (
            *BASE_FIELDS,
            "partner",
            "full_name",
            "title",
            "email",
            "phone",
            "languages",
            "is_current",
            "notes",
        )


class NgoRegistrationSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.NgoRegistration
        fields = (
            *BASE_FIELDS,
            "partner",
            "registration_type",
            "number",
            "issuing_authority",
            "issued_on",
            "expires_on",
            "provinces",
            "notes",
        )


class InteractionSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Interaction
        fields = (
            *BASE_FIELDS,
            "partner",
            "organization",
            "occurred_on",
            "kind",
            "summary",
            "people",
            "other_organizations",
            "contacts",
            "notes",
        )


class FollowUpSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.FollowUp
        fields = (*BASE_FIELDS, "interaction", "action", "owner", "due_on", "state", "notes")


class DuplicatePairSerializer(serializers.Serializer):
    first = serializers.IntegerField(source="first.id")
    first_name = serializers.CharField(source="first.name")
    second = serializers.IntegerField(source="second.id")
    second_name = serializers.CharField(source="second.name")
    score = serializers.IntegerField()
    reasons = serializers.ListField(child=serializers.CharField())


class MergeSerializer(serializers.Serializer):
    drop = serializers.IntegerField(help_text="The partner merged into this one.")
    choices = serializers.DictField(
        child=serializers.ChoiceField(choices=["keep", "drop"]),
        required=False,
        help_text='Field name → "keep" or "drop": whose value the kept partner takes.',
    )


class SuggestionSerializer(serializers.Serializer):
    partner = serializers.IntegerField(source="partner.pk")
    name = serializers.CharField(source="partner.name")
    reasons = serializers.ListField(child=serializers.CharField())


class PartnerViewSet(ScopedModelViewSet):
    model = models.Partner
    serializer_class = PartnerSerializer
    filterset_class = filtersets.PartnerFilterSet
    select_related = ("country",)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("countries", "fields")

    @extend_schema(responses=DuplicatePairSerializer(many=True), filters=False)
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def duplicates(self, request):
        """Likely duplicate pairs among the partners the user may see, best first."""
        pairs = possible_duplicates(models.Partner.objects.visible_to(request.user))
        return Response(DuplicatePairSerializer(pairs[:500], many=True).data)

    @extend_schema(request=MergeSerializer, responses=PartnerSerializer)
    @action(detail=True, methods=["post"], filter_backends=[])
    def merge(self, request, pk=None):
        """Merge the partner `drop` into this one; both must be editable by the user."""
        keep = self.get_object()
        serializer = MergeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        drop = (
            models.Partner.objects.visible_to(request.user)
            .filter(pk=serializer.validated_data["drop"])
            .first()
        )
        if drop is None:
            raise exceptions.ValidationError({"drop": _("There is no such partner.")})
        try:
            merge_partners(
                keep, drop, by=request.user, choices=serializer.validated_data.get("choices")
            )
        except MergeRefused as refusal:
            raise exceptions.ValidationError({"drop": str(refusal)}) from refusal
        keep.refresh_from_db()
        return Response(PartnerSerializer(keep, context={"request": request}).data)

    @extend_schema(
        responses=SuggestionSerializer(many=True),
        parameters=[OpenApiParameter("organization", int, description="default: the user's")],
        filters=False,
    )
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def suggestions(self, request):
        """Partners to approach for an organization the user may see, with the reasons."""
        asked = SuggestionsForm(request.query_params).organization_id()
        organization = services.chosen_organization(request.user, asked)
        if organization is None:
            raise exceptions.NotFound()
        items = services.suggestions_for(organization, request.user)
        return Response(SuggestionSerializer(items, many=True).data)


class RelationshipHolderViewSet(ScopedModelViewSet):
    model = models.RelationshipHolder
    serializer_class = RelationshipHolderSerializer
    filterset_class = filtersets.RelationshipHolderFilterSet


class ContactViewSet(ScopedModelViewSet):
    model = models.Contact
    serializer_class = ContactSerializer
    filterset_class = filtersets.ContactFilterSet


class NgoRegistrationViewSet(ScopedModelViewSet):
    model = models.NgoRegistration
    serializer_class = NgoRegistrationSerializer
    filterset_class = filtersets.NgoRegistrationFilterSet

    def get_queryset(self):
        return super().get_queryset().prefetch_related("provinces")


class InteractionViewSet(ScopedModelViewSet):
    model = models.Interaction
    serializer_class = InteractionSerializer
    filterset_class = filtersets.InteractionFilterSet

    def get_queryset(self):
        return super().get_queryset().prefetch_related("people", "other_organizations", "contacts")


class FollowUpViewSet(ScopedModelViewSet):
    model = models.FollowUp
    serializer_class = FollowUpSerializer
    filterset_class = filtersets.FollowUpFilterSet


class FieldOfWorkSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.FieldOfWork
        fields = ("id", "code", "kind", "name_en", "name_vi")


class FieldOfWorkViewSet(viewsets.ReadOnlyModelViewSet):
    """The fields partners and aid work in (reference data: read by everyone signed in)."""

    serializer_class = FieldOfWorkSerializer
    filterset_class = filtersets.FieldOfWorkFilterSet

    def get_queryset(self):
        return models.FieldOfWork.objects.visible_to(self.request.user)
