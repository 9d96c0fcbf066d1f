"""Import and export resources: the export's columns are the import's, plus `external_ref`.

Files (documents, photos, attachments) are uploaded on the pages, not in a spreadsheet: their
columns are left out.
"""

from import_export import fields as resource_fields

from amity.core.imports import ScopedResource
from amity.events import models
from amity.geo.models import Country
from amity.organizations.imports import display_of
from amity.partners.imports import CodeListWidget


class EventResource(ScopedResource):
    organization_name = display_of("organization__name", "organization_name")
    countries = resource_fields.Field(
        attribute="countries", column_name="countries", widget=CodeListWidget(Country)
    )

    class Meta(ScopedResource.Meta):
        model = models.Event
        fields = (
            "id",
            "kind",
            "title_vi",
            "title_en",
            "start",
            "end",
            "start_time",
            "end_time",
            "organization",
            "organization_name",
            "is_online",
            "place",
            "province",
            "countries",
            "status",
            "description",
            "minutes",
            "external_ref",
            "notes",
        )


class EventChildResource(ScopedResource):
    event_title = display_of("event__title", "event_title")


class BridgePointResource(EventChildResource):
    organization_name = display_of("organization__name", "organization_name")

    class Meta(ScopedResource.Meta):
        model = models.BridgePoint
        fields = (
            "id",
            "event",
            "event_title",
            "organization",
            "organization_name",
            "is_central",
            "place",
            "chair",
            "attendees",
            "notes",
        )


class ParticipantResource(EventChildResource):
    name = display_of("name", "name")

    class Meta(ScopedResource.Meta):
        model = models.Participant
        fields = (
            "id",
            "event",
            "event_title",
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


class TopicResource(EventChildResource):
    class Meta(ScopedResource.Meta):
        model = models.Topic
        fields = ("id", "event", "event_title", "number", "title_vi", "title_en", "notes")


class SessionResource(EventChildResource):
    class Meta(ScopedResource.Meta):
        model = models.Session
        fields = (
            "id",
            "event",
            "event_title",
            "title",
            "day",
            "starts_at",
            "ends_at",
            "topic",
            "notes",
        )


class PresentationResource(EventChildResource):
    class Meta(ScopedResource.Meta):
        model = models.Presentation
        fields = ("id", "event", "event_title", "title", "session", "topic", "speaker", "notes")


class EventDocumentResource(EventChildResource):
    class Meta(ScopedResource.Meta):
        model = models.EventDocument
        fields = ("id", "event", "event_title", "kind", "title", "link", "notes")
