"""The search page across domains (`/search/?q=&kind=`); the API's is `amity.api.search`."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from amity.core import search


@login_required
def search_page(request):
    """Results grouped by kind, best first; `kind` (a plural) narrows to one kind, with more
    results of it. Anything a user may type is answered: the service cuts and cleans it."""
    text = request.GET.get("q", "")
    kind = request.GET.get("kind", "")
    if not isinstance(text, str) or "\x00" in text:
        text = ""
    results = search.search(request.user, text, kind=kind)
    context = {
        "results": results,
        "query": results.query,
        "kind": kind if kind in search.by_plural() else "",
        "kinds": search.kinds(),
    }
    return render(request, "core/search.html", context)
