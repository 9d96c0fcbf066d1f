"""/healthz: what a load balancer or a monitoring script asks."""

from django.db import connection
from django.http import JsonResponse
from django_tasks import default_task_backend


def healthz(request):
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # the check reports the failure rather than failing itself
        checks["database"] = f"error: {type(error).__name__}"
    checks["tasks"] = "ok" if default_task_backend is not None else "error"
    checks["tasks_backend"] = type(default_task_backend).__name__
    healthy = checks["database"] == "ok" and checks["tasks"] == "ok"
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks},
                        status=200 if healthy else 503)
