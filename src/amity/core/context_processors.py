from typing import Any

from django.urls import reverse

from amity.core.registry import registry


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"navigation": []}
    # Each app declares its entries in its registry.py, with their place in the menu.
    items: list[dict[str, Any]] = [
        {"label": item.label, "url": reverse(item.url_name), "icon": item.icon}
        for item in registry.menu()
    ]
    # The item whose address is the longest start of the current path is the active one.
    matching = [item for item in items if request.path.startswith(item["url"])]
    if matching:
        max(matching, key=lambda item: len(item["url"]))["active"] = True
    return {"navigation": items}
