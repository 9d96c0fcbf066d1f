"""The events app in the registry: its models, menu entry, API routes, search fields and demo
loader, declared once (see `amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "events",
        menu=[
            Menu(_("Events"), "events:calendar", "calendar3", order=70),
        ],
        demo="amity.events.demo",
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
            ),
            Model(
                "events.Participant",
                "participants",
                views="amity.events.views.ParticipantViews",
                resource="amity.events.imports.ParticipantResource",
                api="amity.events.api.ParticipantViewSet",
            ),
            Model(
                "events.Topic",
                "topics",
                views="amity.events.views.TopicViews",
                resource="amity.events.imports.TopicResource",
                api="amity.events.api.TopicViewSet",
            ),
            Model(
                "events.Session",
                "sessions",
                views="amity.events.views.SessionViews",
                resource="amity.events.imports.SessionResource",
                api="amity.events.api.SessionViewSet",
            ),
            Model(
                "events.Presentation",
                "presentations",
                views="amity.events.views.PresentationViews",
                resource="amity.events.imports.PresentationResource",
                api="amity.events.api.PresentationViewSet",
            ),
            Model(
                "events.EventDocument",
                "event-documents",
                views="amity.events.views.EventDocumentViews",
                resource="amity.events.imports.EventDocumentResource",
                api="amity.events.api.EventDocumentViewSet",
            ),
        ],
    )
)
