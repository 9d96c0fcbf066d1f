"""Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Route, registry

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
TEMPLATES_ROUTES = [
    Route("template-kinds", "amity.documents.api.templates.TemplateKindViewSet", "templatekind"),
    Route("templates", "amity.documents.api.templates.DocumentTemplateViewSet", "documenttemplate"),
    Route("identity", "amity.documents.api.templates.IdentityViewSet", "identity"),
]

registry.register(App("documents", menu=[*TEMPLATES_MENU], routes=[*TEMPLATES_ROUTES]))
