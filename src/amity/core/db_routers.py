"""Reads of the report pages and statistics from a PostgreSQL streaming replica, when one is
configured (DATABASE_REPLICA_URL); every other read and every write on the primary.

A replica lags the primary by a moment: a user who has just saved something must see it on the
next page. Any request that may write (POST, PUT, PATCH, DELETE) sets a short-lived cookie, and
while it lasts that user's reads stay on the primary. A request that writes switches its own
later reads to the primary too.
"""

from contextvars import ContextVar

from django.conf import settings

#: the database alias this request's reads go to; None: the default (the primary)
_reads_from: ContextVar[str | None] = ContextVar("amity_reads_from", default=None)

RECENT_WRITE_COOKIE = "amity_wrote"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def replica_alias() -> str | None:
    """The replica's alias when one is configured, else None (READ_REPLICA in the settings)."""
    return getattr(settings, "READ_REPLICA", None)


def reads_to_replica(request, view_name: str | None) -> bool:
    """Whether this request's reads may go to the replica: a report page or statistics, read
    (not sent), by a user who has not written in the last READ_REPLICA_LAG_SECONDS."""
    return bool(
        replica_alias()
        and request.method in SAFE_METHODS
        and view_name in settings.READ_REPLICA_VIEWS
        and RECENT_WRITE_COOKIE not in request.COOKIES
    )


class ReplicaRouter:
    """The router of DATABASE_ROUTERS: reads follow the request's choice, writes the primary."""

    def db_for_read(self, model, **hints):
        return _reads_from.get()

    def db_for_write(self, model, **hints):
        # What the request reads after its own write comes from where it wrote.
        if _reads_from.get() is not None:
            _reads_from.set(None)
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary: the same rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # a streaming replica is read-only; it follows the primary. By its alias, whether or not
        # reads are sent to it: `makemigrations --check` must not read it either (the tests'
        # mirror of the primary is not theirs to query)
        return db != "replica"


class ReplicaMiddleware:
    """Chooses, for each request, where its reads go, and marks a user's recent writes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads_from.set(None)
        try:
            response = self.get_response(request)
        finally:
            _reads_from.reset(token)
        if replica_alias() and request.method not in SAFE_METHODS:
            response.set_cookie(
                RECENT_WRITE_COOKIE,
                "1",
                max_age=settings.READ_REPLICA_LAG_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if reads_to_replica(request, match.view_name if match else None):
            _reads_from.set(replica_alias())
        return None
