"""/healthz: what a load balancer or a monitoring script asks."""

from django.db import connection
from django.http import JsonResponse
from django_tasks import task_backends


def healthz(request):
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # the check reports the failure rather than failing itself
        checks["database"] = f"error: {type(error).__name__}"
    try:
        backend = task_backends["default"]
        checks["tasks"] = "ok"
        checks["tasks_backend"] = type(backend).__name__
    except Exception as error:  # a misconfigured backend is reported, not raised
        checks["tasks"] = f"error: {type(error).__name__}"
    healthy = checks["database"] == "ok" and checks["tasks"] == "ok"
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )
