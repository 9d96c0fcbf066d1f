"""One registry: what each app offers, declared once, read by every central place.

An app declares itself in its `registry.py` (found by `CoreConfig.ready`):

    from django.utils.translation import gettext_lazy as _
    from amity.core.registry import App, Menu, Model, registry

    registry.register(App(
        "partners",
        menu=[Menu(_("Partners"), "partners:partner_list", "globe-americas", order=40)],
        demo="amity.partners.demo",
        models=[
            Model("partners.Partner", "partners",
                  views="amity.partners.views.PartnerViews",
                  resource="amity.partners.imports.PartnerResource",
                  api="amity.partners.api.PartnerViewSet",
                  writer="amity.partners.services.PartnerWriter",
                  search=("name", "acronym")),
        ],
    ))

and the central places read it: the navigation (`core/context_processors.py`), the demo loader
(`amity demo`), the API's routes and its root (`api/urls.py`, `api/views.py`), the import and
export registry (`amity import <plural>`, the export jobs), the generic views' URL plural and the
one write path's writers (`core/writes.py`), and the events' calendar and feeds, which add the
entries of each app's `calendar` source (`core/calendar.py`). A new app touches none of them: it
adds itself to `INSTALLED_APPS` and writes its `registry.py`.

The views, resources, viewsets, writers and calendar sources are named by their dotted path, not
imported: the registry is read when the apps are ready, before any view module may be imported,
and a view module asks the registry for its plural.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.apps import apps
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Menu:
    """An entry of the navigation: its label, the URL name it opens, its Bootstrap icon, and the
    key of the menu group it is listed under (one of `MENU_GROUPS`; "" for a top-level link)."""

    label: str | Promise  # a lazy translation: read in the language of each request
    url_name: str
    icon: str
    order: int = 100
    group: str = ""


@dataclass(frozen=True)
class MenuGroup:
    """A drop-down of the navigation: the entries of several apps under one label, so that the
    bar keeps to one line on a laptop in Vietnamese, whose labels are the longer."""

    key: str
    label: str | Promise  # a lazy translation: read in the language of each request
    icon: str


# The sections of the navigation; an app's menu entry names one by its key.
MENU_GROUPS = {
    group.key: group
    for group in (
        MenuGroup("network", _("Network"), "diagram-3"),
        MenuGroup("partners", _("Partners & aid"), "globe-americas"),
        MenuGroup("reports", _("Reports"), "clipboard-data"),
        MenuGroup("events", _("Events & proposals"), "calendar3"),
        MenuGroup("emulation", _("Emulation & awards"), "award"),
    )
}


@dataclass
class Model:
    """One model of an app and everything that names it."""

    label: str  # "partners.Partner"
    plural: str  # in the web URLs and on the command line: "partners", "follow-ups"
    views: str = ""  # dotted path of its `ModelViews`
    resource: str = ""  # of its import/export resource
    api: str = ""  # of its API viewset
    api_plural: str = ""  # its API route when it differs from `plural` (URLs are stable)
    api_basename: str = ""  # its API URL names ("api:<basename>-list"), by default the model's
    writer: str = ""  # of its `core.writes.Writer`, when a save brings domain steps
    search: tuple[str, ...] = ()  # the fields a search finds it by

    @cached_property
    def model(self):
        return apps.get_model(self.label)

    @property
    def route(self) -> str:
        return self.api_plural or self.plural

    @property
    def basename(self) -> str:
        return self.api_basename or self.label.split(".")[1].lower()

    def resource_class(self):
        """Its import/export resource: the one declared, else its views' one (or None)."""
        if self.resource:
            return self.load("resource")
        views = self.load("views")
        return getattr(views, "resource", None)

    def load(self, kind: str):
        """The class named by `views`, `resource`, `api` or `writer`, or None."""
        dotted = getattr(self, kind)
        return import_string(dotted) if dotted else None


@dataclass(frozen=True)
class Route:
    """An API route that is not one model's collection (a read-only view of several)."""

    prefix: str
    viewset: str
    basename: str


@dataclass(frozen=True)
class Tab:
    """A tab an app adds to the detail page of another app's model, which cannot name it (it
    sits below, pyproject's import-linter layers): the emulation's honours on an organization's
    page. `context` is the dotted path of a function `(obj, request) -> dict` giving what the
    tab shows, scoped by the function itself; `template` shows it."""

    model: str  # "organizations.Organization"
    key: str  # ?tab=<key>
    label: str | Promise
    context: str
    template: str


@dataclass
class App:
    """One domain app: its models, its menu entries, its demo loader, its extra API routes, the
    tabs it adds to other apps' pages."""

    label: str  # the app label: "partners"
    models: list[Model] = field(default_factory=list)
    menu: list[Menu] = field(default_factory=list)
    demo: str = ""  # dotted path of the module with `load(stdout)` (and `logins()`)
    routes: list[Route] = field(default_factory=list)
    tabs: list[Tab] = field(default_factory=list)
    # dotted path of its calendar source, `entries(user, start, end, organization=None)`, whose
    # entries the events' calendar page and feeds show beside the events (`core.calendar`)
    calendar: str = ""

    @property
    def has_api(self) -> bool:
        return any(entry.api for entry in self.models) or bool(self.routes)


class Registry:
    def __init__(self):
        self._apps: dict[str, App] = {}

    def register(self, app: App) -> App:
        if app.label in self._apps:
            raise ValueError(f"The app {app.label!r} is registered twice.")
        plurals = {entry.plural for entry in self.models()}
        for entry in app.models:
            if entry.plural in plurals:
                raise ValueError(f"The plural {entry.plural!r} is registered twice.")
            plurals.add(entry.plural)
        unknown = {item.group for item in app.menu} - {"", *MENU_GROUPS}
        if unknown:
            raise ValueError(f"The app {app.label!r} names unknown menu groups: {unknown}.")
        self._apps[app.label] = app
        self.__dict__.pop("_by_model", None)
        self.__dict__.pop("_writers", None)
        return app

    def apps(self) -> list[App]:
        """The registered apps in the order of INSTALLED_APPS (the order the demo loads in)."""
        order = {config.label: index for index, config in enumerate(apps.get_app_configs())}
        return sorted(self._apps.values(), key=lambda app: order.get(app.label, len(order)))

    def app(self, label: str) -> App:
        return self._apps[label]

    def models(self) -> list[Model]:
        return [entry for app in self.apps() for entry in app.models]

    def menu(self) -> list[Menu]:
        entries = [item for app in self.apps() for item in app.menu]
        return sorted(entries, key=lambda item: item.order)

    def tabs_of(self, model) -> list[Tab]:
        """The tabs other apps add to `model`'s detail page."""
        label = model._meta.label.lower()
        return [tab for app in self.apps() for tab in app.tabs if tab.model.lower() == label]

    def calendar_sources(self) -> list:
        """The calendar sources of the apps (`App.calendar`), as functions."""
        return [import_string(app.calendar) for app in self.apps() if app.calendar]

    @cached_property
    def _by_model(self) -> dict[str, Model]:
        return {entry.label.lower(): entry for entry in self.models()}

    def entry(self, model) -> Model:
        """The entry of a model class (or of its "app.Model" label)."""
        label = model if isinstance(model, str) else model._meta.label
        try:
            return self._by_model[label.lower()]
        except KeyError:
            raise LookupError(f"{label} is not in any app's registry.py") from None

    def by_plural(self, plural: str) -> Model:
        for entry in self.models():
            if entry.plural == plural:
                return entry
        raise LookupError(plural)

    def plurals(self, kind: str = "") -> list[str]:
        """Every plural; with `kind` ("resource", "views"), of the models that have one."""
        return [entry.plural for entry in self.models() if not kind or getattr(entry, kind)]

    @cached_property
    def _writers(self) -> dict:
        return {
            entry.label.lower(): entry.load("writer")() for entry in self.models() if entry.writer
        }

    def writer_for(self, model):
        """The `core.writes.Writer` a model declared, or None."""
        return self._writers.get(model._meta.label.lower())


registry = Registry()
