import gc

from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


def refresh_sqlite_statistics(sender, using="default", **kwargs):
    """SQLite chooses between indexes from the statistics ANALYZE keeps, and never gathers them
    itself: an index added by a migration has none, and the planner may then read a list from
    it instead of the index that covers the query (100 ms instead of 15 at 100,000 partners).
    After every migrate, the statistics are taken anew. PostgreSQL's autovacuum does this."""
    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def create_cache_table(sender, using="default", **kwargs):
    """The database cache's table (CACHES, on PostgreSQL) is not a model's: `amity migrate`
    makes it too, so that no server starts without it. Nothing when the cache is elsewhere."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


def add_sqlite_functions(sender, connection, **kwargs):
    """What SQLite lacks and the queries ask of it: folding a text for search (`Fold`)."""
    if connection.vendor == "sqlite":
        from amity.core.collation import fold_in_sqlite

        connection.connection.create_function("AMITY_FOLD", 1, fold_in_sqlite, deterministic=True)


def tune_garbage_collector() -> None:
    """The statistics and lists build tens of thousands of short-lived tuples a request: at
    Python's default threshold (700 new objects) the collector ran dozens of times a request,
    and every few requests through every object Django and the apps hold (some 60 ms on the
    aid statistics, the slowest page of twenty). What start-up loaded is frozen out of its
    passes, and the young objects are collected ten times less often."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


class CoreConfig(AppConfig):
    name = "amity.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from amity.core.middleware import mark_session_refreshed

        # Each app declares its models, menu, API routes and demo in its `registry.py`.
        autodiscover_modules("registry")
        # each app's search.py declares what the search across domains indexes
        from amity.core import search

        search.discover()
        tune_garbage_collector()
        post_migrate.connect(refresh_sqlite_statistics, sender=self)
        post_migrate.connect(create_cache_table, sender=self)
        connection_created.connect(add_sqlite_functions)
        user_logged_in.connect(mark_session_refreshed)
