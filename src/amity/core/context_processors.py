from typing import Any

from django.urls import reverse

from amity.core.registry import MENU_GROUPS, registry


def navigation(request):
    """The navigation bar: the apps' menu entries, grouped into drop-downs by their group key.

    A group of one entry is shown as that entry's link: a drop-down of one item is a click lost.
    """
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"navigation": []}
    items: list[dict[str, Any]] = [
        {"label": item.label, "url": reverse(item.url_name), "icon": item.icon, "group": item.group}
        for item in registry.menu()
    ]
    # The item whose address is the longest start of the current path is the active one.
    matching = [item for item in items if request.path.startswith(item["url"])]
    if matching:
        max(matching, key=lambda item: len(item["url"]))["active"] = True
    return {"navigation": _grouped(items)}


def _grouped(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries in menu order, each group in the place of its first entry."""
    entries: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}
    for item in items:
        key = item["group"]
        if not key:
            entries.append(item)
            continue
        if key not in groups:
            group = MENU_GROUPS[key]
            groups[key] = {"key": key, "label": group.label, "icon": group.icon, "items": []}
            entries.append(groups[key])
        groups[key]["items"].append(item)
        groups[key]["active"] = groups[key].get("active") or item.get("active", False)
    return [entry["items"][0] if len(entry.get("items", ())) == 1 else entry for entry in entries]
