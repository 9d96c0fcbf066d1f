"""The settings of several servers, read by a production process from its environment: nothing
kept in a process's memory (sessions, throttle, queue, cache), files shared, the replica."""

import json
import os
import subprocess
import sys

SHOW = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import default_storage
from axes.handlers.database import AxesDatabaseHandler
from django.utils.module_loading import import_string
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "sessions": settings.SESSION_ENGINE,
    "axes_in_database": issubclass(import_string(settings.AXES_HANDLER), AxesDatabaseHandler),
    "tasks": settings.TASKS["default"]["BACKEND"],
    "storage": type(default_storage._wrapped if hasattr(default_storage, "_wrapped")
                    and default_storage._wrapped is not None else default_storage).__name__,
    "storage_class": settings.STORAGES["default"]["BACKEND"],
    "storage_options": settings.STORAGES["default"].get("OPTIONS", {}),
    "databases": {alias: db["ENGINE"] for alias, db in settings.DATABASES.items()},
    "read_replica": settings.READ_REPLICA,
}))
"""


def read(tmp_path, **variables) -> dict:
    environment = {
        **os.environ,
        "AMITY_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "x" * 60,
        "DJANGO_SETTINGS_MODULE": "amity.settings",
        **variables,
    }
    for name in ("DATABASE_URL", "REDIS_URL", "S3_BUCKET", "DATABASE_REPLICA_URL"):
        if name not in variables:
            environment.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", SHOW], env=environment, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_postgresql_several_servers(tmp_path):
    shown = read(
        tmp_path,
        DATABASE_URL="postgres://amity@db.example:5432/amity",
        DATABASE_REPLICA_URL="postgres://amity@replica.example:5432/amity",
        TASKS_BACKEND="database",
        S3_BUCKET="amity-files",
        S3_ENDPOINT_URL="http://minio:9000",
    )
    assert shown["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert shown["cache_location"] == "amity_cache"
    assert shown["sessions"] == "django.contrib.sessions.backends.db"
    assert shown["axes_in_database"] is True
    assert shown["tasks"] == "django_tasks_db.DatabaseBackend"
    assert shown["storage_class"] == "storages.backends.s3.S3Storage"
    assert shown["storage_options"]["bucket_name"] == "amity-files"
    assert shown["storage_options"]["endpoint_url"] == "http://minio:9000"
    assert shown["storage_options"]["default_acl"] is None
    assert shown["databases"] == {
        "default": "django_prometheus.db.backends.postgresql",
        "replica": "django_prometheus.db.backends.postgresql",
    }
    assert shown["read_replica"] == "replica"


def test_redis_holds_the_cache_and_the_sessions(tmp_path):
    shown = read(
        tmp_path,
        DATABASE_URL="postgres://amity@db.example:5432/amity",
        REDIS_URL="redis://redis.example:6379/0",
    )
    assert shown["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert shown["cache_location"] == "redis://redis.example:6379/0"
    assert shown["sessions"] == "django.contrib.sessions.backends.cache"


def test_the_embedded_server_keeps_no_state_in_a_process(tmp_path):
    shown = read(tmp_path)
    assert shown["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert shown["cache_location"] == str(tmp_path / "cache")
    assert shown["sessions"] == "django.contrib.sessions.backends.db"
    assert shown["storage_class"] == "django.core.files.storage.FileSystemStorage"
    assert shown["read_replica"] is None
    assert list(shown["databases"]) == ["default"]
