"""The small override for the test suite: fast hashing, no lock-outs leaking between tests."""

from amity.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The idle expiry moves on once a minute (IdleSessionMiddleware): a test whose client crossed
# that minute would see a session write among the queries it counts. The tests of the
# middleware set their own margin.
SESSION_REFRESH_SECONDS = 10**9
# PostgreSQL: a test's commit need not wait for the disk (the test database is thrown away).
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        **DATABASES["default"].get("OPTIONS", {}),  # noqa: F405
        "options": "-c synchronous_commit=off",
    }
# Django's own database engines, not django-prometheus's wrappers of them: pytest-django knows
# an in-memory SQLite database by its engine's name (the wrappers are tested through the served
# application in tests/load/test_cluster.py).
DATABASES["default"]["ENGINE"] = DATABASES["default"]["ENGINE"].replace(  # noqa: F405
    "django_prometheus.db.backends.", "django.db.backends."
)
# A second alias, the replica, on the same test database: the router's tests send reads to it
# (READ_REPLICA), every other test leaves it unused.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
