"""The partner database's API: scoped and filtered like its pages."""

from rest_framework import routers, serializers

from amity.core.api import ScopedModelSerializer, ScopedModelViewSet
from amity.partners import filtersets, models, services

BASE_FIELDS = ("id", "version", "created_at", "updated_at")


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
            *BASE_FIELDS, "kind", "name", "name_vi", "name_en", "acronym", "display_name",
            "country", "countries", "fields", "website", "email", "phone", "address", "status",
            "strength", "strength_reason", "relationship_since", "sensitivity", "tags",
            "last_contact_on", "external_ref", "notes",
        )  # fmt: skip
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


class PartnerViewSet(ScopedModelViewSet):
    model = models.Partner
    serializer_class = PartnerSerializer
    filterset_class = filtersets.PartnerFilterSet
    select_related = ("country",)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("countries", "fields")

    def after_save(self, obj, created):
        if created:
            services.hold_for_creator(obj, self.request.user)


class RelationshipHolderViewSet(ScopedModelViewSet):
    model = models.RelationshipHolder
    serializer_class = RelationshipHolderSerializer
    filterset_class = filtersets.RelationshipHolderFilterSet


class ContactViewSet(ScopedModelViewSet):
    model = models.Contact
    serializer_class = ContactSerializer
    filterset_class = filtersets.ContactFilterSet

    def after_save(self, obj, created):
        obj.partner.save()  # the partner's search text includes its contacts' names


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


router = routers.DefaultRouter()
router.root_view_name = "partners-root"
router.register("partners", PartnerViewSet, basename="partner")
router.register("relationship-holders", RelationshipHolderViewSet, basename="relationshipholder")
router.register("contacts", ContactViewSet, basename="contact")
router.register("ngo-registrations", NgoRegistrationViewSet, basename="ngoregistration")
router.register("interactions", InteractionViewSet, basename="interaction")
router.register("follow-ups", FollowUpViewSet, basename="followup")
