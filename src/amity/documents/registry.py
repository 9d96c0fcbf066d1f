"""Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.registry import App, Menu, Model, Route, Tab, registry

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

# templates
TEMPLATES_MENU = [
    Menu(
        _("Document templates"),
        "documents:template_gallery",
        "file-earmark-richtext",
        160,
        group="reports",
    ),
]
# the identity and the uploaded templates have pages of their own (the gallery, the identity
# page) and a read-only API of their own (the routes below), not the generic ones
TEMPLATES_MODELS = [
    Model("documents.Identity", "identity"),
    Model("documents.DocumentTemplate", "document-templates"),
]
TEMPLATES_ROUTES = [
    Route("template-kinds", "amity.documents.api.templates.TemplateKindViewSet", "templatekind"),
    Route("templates", "amity.documents.api.templates.DocumentTemplateViewSet", "documenttemplate"),
    Route("identity", "amity.documents.api.templates.IdentityViewSet", "identity"),
]

# orientations
ORIENTATIONS = "amity.documents.views.orientations"
ORIENTATION_API = "amity.documents.api.orientations"
ORIENTATION_IMPORTS = "amity.documents.imports.orientations"
orientation_menu = [
    Menu(
        _("Work orientations"), "documents:orientation_list", "compass", order=150, group="reports"
    ),
    Menu(
        _("Orientations for us"),
        "documents:orientations_for_us",
        "inbox",
        order=151,
        group="reports",
    ),
]
orientation_tabs = [
    Tab(
        "documents.Orientation",
        "documents",
        pgettext_lazy("tab", "Documents"),
        "amity.documents.generation.tab_context",
        "documents/generation/panel.html",
    ),
    Tab(
        "organizations.Organization",
        "orientations",
        pgettext_lazy("tab", "Orientations"),
        f"{ORIENTATIONS}.organization_tab",
        "documents/orientations/organization_tab.html",
    ),
]
orientation_models = [
    Model(
        "documents.Orientation",
        "orientations",
        views=f"{ORIENTATIONS}.OrientationViews",
        resource=f"{ORIENTATION_IMPORTS}.OrientationResource",
        api=f"{ORIENTATION_API}.OrientationViewSet",
        search=("title", "summary", "number"),
        draft="amity.documents.orientation_drafts.draft",
    ),
    Model(
        "documents.OrientationTask",
        "orientation-tasks",
        views=f"{ORIENTATIONS}.TaskViews",
        resource=f"{ORIENTATION_IMPORTS}.TaskResource",
        api=f"{ORIENTATION_API}.TaskViewSet",
        search=("title", "description"),
    ),
    Model(
        "documents.Recipient",
        "orientation-recipients",
        views=f"{ORIENTATIONS}.RecipientViews",
        resource=f"{ORIENTATION_IMPORTS}.RecipientResource",
        api=f"{ORIENTATION_API}.RecipientViewSet",
        writer="amity.documents.orientations_services.RecipientWriter",
    ),
    Model(
        "documents.TaskReport",
        "orientation-reports",
        views=f"{ORIENTATIONS}.TaskReportViews",
        resource=f"{ORIENTATION_IMPORTS}.TaskReportResource",
        api=f"{ORIENTATION_API}.TaskReportViewSet",
        writer="amity.documents.orientations_services.TaskReportWriter",
    ),
    Model(
        "documents.Evidence",
        "orientation-evidence",
        views=f"{ORIENTATIONS}.EvidenceViews",
        resource=f"{ORIENTATION_IMPORTS}.EvidenceResource",
        api=f"{ORIENTATION_API}.EvidenceViewSet",
        search=("title", "original_name"),
    ),
]

registry.register(
    App(
        "documents",
        demo="amity.documents.demo",
        menu=[*REGISTER_MENU, *TEMPLATES_MENU, *orientation_menu],
        routes=[*TEMPLATES_ROUTES],
        tabs=[*orientation_tabs],
        models=[*REGISTER_MODELS, *TEMPLATES_MODELS, *orientation_models],
    )
)
