"""Events with their bridge points, participants, programme and documents.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "events",
        demo="amity.events.demo",
        menu=[
            Menu(_("Events"), "events:calendar", "calendar3", order=70, group="events"),
        ],
        models=[
            Model(
                "events.Event",
                "events",
                views="amity.events.views.EventViews",
                resource="amity.events.imports.EventResource",
                api="amity.events.api.EventViewSet",
                search=("title_vi", "title_en"),
            ),
            Model(
                "events.BridgePoint",
                "bridge-points",
                views="amity.events.views.BridgePointViews",
                resource="amity.events.imports.BridgePointResource",
                api="amity.events.api.BridgePointViewSet",
                api_basename="eventbridgepoint",
            ),
            Model(
                "events.Participant",
                "participants",
                views="amity.events.views.ParticipantViews",
                resource="amity.events.imports.ParticipantResource",
                api="amity.events.api.ParticipantViewSet",
                api_basename="eventparticipant",
            ),
            Model(
                "events.Topic",
                "topics",
                views="amity.events.views.TopicViews",
                resource="amity.events.imports.TopicResource",
                api="amity.events.api.TopicViewSet",
                api_basename="eventtopic",
            ),
            Model(
                "events.Session",
                "sessions",
                views="amity.events.views.SessionViews",
                resource="amity.events.imports.SessionResource",
                api="amity.events.api.SessionViewSet",
                api_basename="eventsession",
            ),
            Model(
                "events.Presentation",
                "presentations",
                views="amity.events.views.PresentationViews",
                resource="amity.events.imports.PresentationResource",
                api="amity.events.api.PresentationViewSet",
                api_basename="eventpresentation",
            ),
            Model(
                "events.EventDocument",
                "event-documents",
                views="amity.events.views.EventDocumentViews",
                resource="amity.events.imports.EventDocumentResource",
                api="amity.events.api.EventDocumentViewSet",
                api_basename="eventeventdocument",
            ),
        ],
    )
)
