"""What a load balancer or a monitoring system asks of one application server.

`/healthz`: the process is alive and reaches its database (liveness). `/readyz`: it can serve,
the database, the file storage (written to and read back) and the task queue all answering
(readiness: a balancer sends it requests only then). `/metrics`: Prometheus metrics, from
django-prometheus (requests, latencies, database queries) and the task queue's depth, only to
the addresses of METRICS_ALLOWED_IPS asking directly, or with the METRICS_TOKEN.
"""

import hmac
import os
import uuid

import prometheus_client
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, HttpResponseNotFound, JsonResponse
from django.views.decorators.cache import never_cache
from django_tasks import task_backends
from prometheus_client import multiprocess
from prometheus_client.core import GaugeMetricFamily

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


def _check(checks: dict, name: str, probe) -> None:
    """Run one probe; a failure is reported in the answer, never raised."""
    try:
        checks[name] = probe() or "ok"
    except Exception as error:  # the check reports the failure rather than failing itself
        checks[name] = f"error: {type(error).__name__}"


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _tasks() -> str:
    task_backends["default"]  # a misconfigured backend raises here
    if _uses_database_queue():
        queue_depth()  # the queue's table answers
    return "ok"


def _storage() -> None:
    """Write a small file and read it back: a shared directory mounted read-only, full, or an
    object store refusing the credentials all fail here."""
    name = default_storage.save(f"readyz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as stored:
            if stored.read() != b"ok":
                raise OSError("the file read back differs")
    finally:
        default_storage.delete(name)


def _answer(checks: dict, extra: dict | None = None) -> JsonResponse:
    healthy = all(value == "ok" for value in checks.values())
    checks = {**checks, **(extra or {})}
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )


@never_cache
def healthz(request):
    checks: dict = {}
    _check(checks, "database", _database)
    _check(checks, "tasks", _tasks)
    extra = {}
    if checks["tasks"] == "ok":
        extra["tasks_backend"] = type(task_backends["default"]).__name__
    return _answer(checks, extra)


@never_cache
def readyz(request):
    checks: dict = {}
    _check(checks, "database", _database)
    _check(checks, "storage", _storage)
    _check(checks, "tasks", _tasks)
    return _answer(checks)


# --- Metrics ------------------------------------------------------------------------------------


def _uses_database_queue() -> bool:
    return settings.TASKS["default"]["BACKEND"] == DATABASE_BACKEND


def queue_depth() -> int:
    """The tasks waiting for a worker (ready to run now): 0 when tasks run inline."""
    if not _uses_database_queue():
        return 0
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


class TaskQueueCollector:
    """The queue's depth, read from the database when Prometheus scrapes (one COUNT)."""

    def collect(self):
        gauge = GaugeMetricFamily(
            "amity_task_queue_depth", "Background tasks waiting for a worker (ready to run)."
        )
        gauge.add_metric([], queue_depth())
        yield gauge


_queue_registry = prometheus_client.CollectorRegistry(auto_describe=True)
_queue_registry.register(TaskQueueCollector())


def metrics_allowed(request) -> bool:
    """The token (`Authorization: Bearer …`) when one is set, else a request made straight to
    this server from an address of METRICS_ALLOWED_IPS. A request that came through a proxy
    (X-Forwarded-For) is refused without the token: behind nginx every client's address is the
    proxy's, often one of the allowed ones."""
    token = settings.METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(header.encode(), f"Bearer {token}".encode()):
        return True
    direct = "X-Forwarded-For" not in request.headers
    return direct and request.META.get("REMOTE_ADDR") in settings.METRICS_ALLOWED_IPS


def _registry():
    # gunicorn's workers are processes: each writes its figures to PROMETHEUS_MULTIPROC_DIR and
    # a scrape, answered by any one of them, adds them up.
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = prometheus_client.CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return prometheus_client.REGISTRY


@never_cache
def metrics(request):
    if not metrics_allowed(request):
        return HttpResponseNotFound()  # not told to whoever may not read it
    body = prometheus_client.generate_latest(_registry())
    body += prometheus_client.generate_latest(_queue_registry)
    return HttpResponse(body, content_type=prometheus_client.CONTENT_TYPE_LATEST)
