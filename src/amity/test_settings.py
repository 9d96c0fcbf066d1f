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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        **DATABASES["default"].get("OPTIONS", {}),  # noqa: F405
        "options": "-c synchronous_commit=off",
    }
