from typing import Any

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The domains in the order of the navigation; a domain appears once its app is installed.
NAVIGATION = [
    ("organizations", _("Organizations"), "organizations:tree", "diagram-3"),
    ("organizations", _("People"), "organizations:person_list", "people"),
    ("organizations", _("Committees"), "organizations:committee_list", "person-video3"),
    ("partners", _("Partners"), "partners:partner_list", "globe-americas"),
    ("aid", _("Aid"), "aid:activity_list", "cash-coin"),
    ("reporting", _("Reports"), "reporting:form_list", "clipboard-data"),
    ("events", _("Events"), "events:calendar", "calendar3"),
    ("proposals", _("Proposals"), "proposals:board", "chat-square-text"),
    ("geo", _("Places"), "geo:province_list", "geo-alt"),
]


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"navigation": []}
    items: list[dict[str, Any]] = [
        {"label": label, "url": reverse(url_name), "icon": icon, "app": app}
        for app, label, url_name, icon in NAVIGATION
        if apps.is_installed(f"amity.{app}")
    ]
    # The item whose address is the longest start of the current path is the active one.
    matching = [item for item in items if request.path.startswith(item["url"])]
    if matching:
        max(matching, key=lambda item: len(item["url"]))["active"] = True
    return {"navigation": items}
