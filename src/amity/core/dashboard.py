"""The home page: panels that the domains register, shown in their order to whoever they concern.

An app adds its panels in its own `dashboard.py`, found and imported like `admin.py`:

    from amity.core.dashboard import register_panel

    @register_panel(title=_("Reports due"), template="reporting/dashboard_due.html", order=30)
    def reports_due(request):
        due = Submission.objects.visible_to(request.user).filter(...)
        return {"count": due.count(), "rows": due[:5], "see_all": reverse(...)}

The function returns the panel's context, or None to hide the panel (nothing to say to this user).
Each panel is drawn in a card (`core/dashboard_panel.html`) with its title, its `count` (shown as
"1000+" past an optional `cap`) and its `see_all` link; its own template draws the body (a
list-group of `rows`, usually) from `data`, the context the function returned. By convention,
what is due comes first (order 10–49), what changed after (50–99).

A panel issues a fixed number of queries whatever the size of the tables, and reads them through
indexes with a LIMIT: the home page is the most visited page.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.module_loading import autodiscover_modules

PanelContext = Callable[[HttpRequest], dict | None]

#: how many items a panel lists before its "see all" link
ITEMS_SHOWN = 5


@dataclass(frozen=True)
class Panel:
    key: str
    title: str  # lazily translated
    template: str
    context: PanelContext
    order: int = 100
    icon: str = "app"  # a Bootstrap icon name

    @property
    def dom_id(self) -> str:
        return "panel-" + self.key.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class ShownPanel:
    panel: Panel
    data: dict


_registry: dict[str, Panel] = {}
_discovered = False


def register_panel(
    *, title: str, template: str, order: int = 100, icon: str = "app", key: str = ""
) -> Callable[[PanelContext], PanelContext]:
    """Register the decorated function as a panel of the home page; its key is the function's
    module and name unless given, so that importing a module twice registers it once."""

    def decorator(function: PanelContext) -> PanelContext:
        panel_key = key or f"{function.__module__}.{function.__name__}"
        _registry[panel_key] = Panel(
            key=panel_key,
            title=title,
            template=template,
            context=function,
            order=order,
            icon=icon,
        )
        return function

    return decorator


def unregister_panel(key: str) -> None:
    _registry.pop(key, None)


def panels() -> list[Panel]:
    """Every registered panel, in order; the apps' `dashboard` modules are imported first."""
    global _discovered
    if not _discovered:
        autodiscover_modules("dashboard")
        _discovered = True
    return sorted(_registry.values(), key=lambda panel: (panel.order, panel.key))


def shown_panels(request: HttpRequest) -> list[ShownPanel]:
    """The panels that have something to show `request.user`, with what they show."""
    shown = []
    for panel in panels():
        data = panel.context(request)
        if data is not None:
            shown.append(ShownPanel(panel, data))
    return shown
