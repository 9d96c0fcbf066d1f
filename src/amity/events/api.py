"""The events' API: scoped and filtered like their pages."""

from rest_framework import serializers

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.events import filtersets, models


class EventSerializer(ScopedModelSerializer):
    countries = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        required=False,
        queryset=models.Event._meta.get_field("countries").related_model.objects.all(),
        help_text="ISO 3166 alpha-2 codes.",
    )
    title = serializers.CharField(read_only=True)

    class Meta:
        model = models.Event
        fields = (
            *BASE_FIELDS,
            "kind",
            "title",
            "title_vi",
            "title_en",
            "start",
            "end",
            "start_time",
            "end_time",
            "organization",
            "co_organizers",
            "is_online",
            "place",
            "province",
            "countries",
            "partners",
            "status",
            "description",
            "minutes",
            "external_ref",
            "notes",
        )


class EventChildSerializer(ScopedModelSerializer):
    owner_field = None


class BridgePointSerializer(EventChildSerializer):
    class Meta:
        model = models.BridgePoint
        fields = (
            *BASE_FIELDS,
            "event",
            "organization",
            "is_central",
            "place",
            "chair",
            "attendees",
            "notes",
        )


class ParticipantSerializer(EventChildSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = models.Participant
        fields = (
            *BASE_FIELDS,
            "event",
            "name",
            "person",
            "contact",
            "guest_name",
            "affiliation",
            "role",
            "attendance",
            "bridge_point",
            "notes",
        )


class TopicSerializer(EventChildSerializer):
    class Meta:
        model = models.Topic
        fields = (*BASE_FIELDS, "event", "number", "title_vi", "title_en", "notes")


class SessionSerializer(EventChildSerializer):
    class Meta:
        model = models.Session
        fields = (*BASE_FIELDS, "event", "title", "day", "starts_at", "ends_at", "topic", "notes")


class PresentationSerializer(EventChildSerializer):
    class Meta:
        model = models.Presentation
        fields = (
            *BASE_FIELDS,
            "event",
            "title",
            "session",
            "topic",
            "speaker",
            "attachment",
            "notes",
        )
        read_only_fields = ("attachment",)


class EventDocumentSerializer(EventChildSerializer):
    class Meta:
        model = models.EventDocument
        fields = (*BASE_FIELDS, "event", "kind", "title", "file", "link", "notes")
        read_only_fields = ("file",)


class EventViewSet(ScopedModelViewSet):
    model = models.Event
    serializer_class = EventSerializer
    filterset_class = filtersets.EventFilterSet
    select_related = ("organization",)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("co_organizers", "countries", "partners")


def child_viewset(model, serializer, filterset):
    return type(
        f"{model.__name__}ViewSet",
        (ScopedModelViewSet,),
        {"model": model, "serializer_class": serializer, "filterset_class": filterset},
    )


# The children's viewsets, named so that events/registry.py can name them.
BridgePointViewSet = child_viewset(
    models.BridgePoint, BridgePointSerializer, filtersets.BridgePointFilterSet
)
ParticipantViewSet = child_viewset(
    models.Participant, ParticipantSerializer, filtersets.ParticipantFilterSet
)
TopicViewSet = child_viewset(models.Topic, TopicSerializer, filtersets.TopicFilterSet)
SessionViewSet = child_viewset(models.Session, SessionSerializer, filtersets.SessionFilterSet)
PresentationViewSet = child_viewset(
    models.Presentation, PresentationSerializer, filtersets.PresentationFilterSet
)
EventDocumentViewSet = child_viewset(
    models.EventDocument, EventDocumentSerializer, filtersets.EventDocumentFilterSet
)
