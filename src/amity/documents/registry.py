"""Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from amity.core.registry import App, registry

registry.register(App("documents"))
