"""Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

# register
REGISTER_MENU = [
    Menu(
        _("Document register"),
        "documents:registerentry_list",
        "journal-text",
        order=150,
        group="network",
    ),
    Menu(_("Glossary"), "documents:term_list", "book", order=152, group="network"),
]
REGISTER_MODELS = [
    Model(
        "documents.RegisterEntry",
        "register",
        views="amity.documents.views.register.RegisterEntryViews",
        resource="amity.documents.imports.register.RegisterEntryResource",
        api="amity.documents.api.register.RegisterEntryViewSet",
        writer="amity.documents.register.RegisterEntryWriter",
        search=("symbol", "subject", "sender_name"),
    ),
    Model(
        "documents.RegisterFile",
        "register-files",
        views="amity.documents.views.register.RegisterFileViews",
        resource="amity.documents.imports.register.RegisterFileResource",
        api="amity.documents.api.register.RegisterFileViewSet",
        search=("title", "original_name"),
    ),
    Model(
        "documents.Term",
        "glossary",
        views="amity.documents.views.glossary.TermViews",
        resource="amity.documents.imports.register.TermResource",
        api="amity.documents.api.register.TermViewSet",
        search=("key", "vi", "en"),
    ),
]

registry.register(
    App(
        "documents",
        demo="amity.documents.demo",
        menu=[*REGISTER_MENU],
        models=[*REGISTER_MODELS],
    )
)
