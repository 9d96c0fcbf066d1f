"""Who is looking: the user a page, an API answer, an export or a command is made for.

A record may name another the viewer may not see (an activity's restricted donor, an event's
restricted partner). What such a reference prints depends on the viewer, wherever it is
printed: a table, a detail page, a history, a file, an API answer. Rather than pass the user
down to every `__str__`, the request (or the user of an export job or a command) is put here
for the time of the work, as django-simple-history does for the user who makes a change; a
model asks `current_viewer()` what to print. With no viewer (a shell, a migration) nothing is
hidden: only a request, a job or a command speaks for a user.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_viewer: ContextVar = ContextVar("amity_viewer", default=None)


def current_viewer():
    """The user being served, or None. A request's user is read when asked: the API
    authenticates its token after the middleware has run."""
    held = _viewer.get()
    if held is None:
        return None
    user = getattr(held[0], "user", None) if hasattr(held[0], "META") else held[0]
    return user if getattr(user, "is_authenticated", False) else None


def viewer_cache() -> dict:
    """A dict that lasts as long as the request, job or command being served (for what is
    read once per viewer); a fresh one when nothing is being served."""
    held = _viewer.get()
    return held[1] if held is not None else {}


@contextmanager
def viewing_as(user_or_request):
    """Serve `user_or_request` (a user, or a request whose user is read when asked) within."""
    token = _viewer.set((user_or_request, {}))
    try:
        yield
    finally:
        _viewer.reset(token)


class ViewerMiddleware:
    """Every request is served for its own user (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with viewing_as(request):
            return self.get_response(request)
