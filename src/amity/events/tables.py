import django_tables2 as tables

from amity.core.tables import BaseTable
from amity.events import models


class EventTable(BaseTable):
    title = tables.Column(accessor="title", linkify=True, order_by=("title_vi",))
    start = tables.DateColumn()
    end = tables.DateColumn()
    organization = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Event
        fields = ("start", "end", "title", "kind", "organization", "place", "status")


class BridgePointTable(BaseTable):
    organization = tables.Column(linkify=True)
    event = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.BridgePoint
        fields = ("organization", "event", "is_central", "place", "chair", "attendees")


class ParticipantTable(BaseTable):
    name = tables.Column(accessor="name", linkify=True, orderable=False)
    event = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Participant
        fields = ("name", "event", "role", "attendance", "bridge_point")


class TopicTable(BaseTable):
    title = tables.Column(accessor="title", linkify=True, order_by=("title_vi",))
    event = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Topic
        fields = ("number", "title", "event")


class SessionTable(BaseTable):
    title = tables.Column(linkify=True)
    event = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Session
        fields = ("title", "event", "day", "starts_at", "ends_at", "topic")


class PresentationTable(BaseTable):
    title = tables.Column(linkify=True)
    event = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Presentation
        fields = ("title", "event", "session", "topic", "speaker")


class EventDocumentTable(BaseTable):
    title = tables.Column(linkify=True)
    event = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.EventDocument
        fields = ("title", "kind", "event")
