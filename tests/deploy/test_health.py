"""/healthz (alive), /readyz (database, storage, task queue) and /metrics (Prometheus), the last
only for the allowed addresses or the token."""

import pytest
from django.core.files.storage import default_storage
from django.test import Client

from amity.core.health import queue_depth
from amity.core.tasks import run_export_job

pytestmark = pytest.mark.django_db
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_readyz_checks_database_storage_and_queue_and_leaves_no_file(client, settings):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "storage": "ok", "tasks": "ok"},
    }
    assert default_storage.listdir("readyz") == ([], [])
    assert "no-cache" in response["Cache-Control"]


def test_readyz_fails_when_the_storage_cannot_be_written(client, settings, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the upload directory should be")
    settings.MEDIA_ROOT = blocker / "media"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "storage": "error: NotADirectoryError",
        "tasks": "ok",
    }


def test_readyz_fails_on_a_queue_it_cannot_read(client, settings, monkeypatch):
    settings.TASKS = DATABASE_QUEUE
    from django_tasks_db.models import DBTaskResult

    def broken(*args, **kwargs):
        raise ConnectionError("queue down")

    monkeypatch.setattr(DBTaskResult.objects, "ready", broken)
    response = client.get("/readyz")
    assert (response.status_code, response.json()["checks"]["tasks"]) == (
        503,
        "error: ConnectionError",
    )


def test_queue_depth_counts_the_tasks_waiting(settings):
    assert queue_depth() == 0  # inline tasks: no queue
    settings.TASKS = DATABASE_QUEUE
    run_export_job.enqueue(1)
    run_export_job.enqueue(2)
    assert queue_depth() == 2


def test_metrics_for_an_allowed_address(client, settings):
    settings.METRICS_ALLOWED_IPS = ["127.0.0.1"]
    client.get("/healthz")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "django_http_requests_total_by_method_total" in text
    assert "django_http_requests_latency_seconds_by_view_method_bucket" in text
    assert "amity_task_queue_depth 0.0" in text


def test_metrics_refused_elsewhere_and_open_with_the_token(settings):
    settings.METRICS_ALLOWED_IPS = ["10.0.0.9"]
    settings.METRICS_TOKEN = "s3cret-token"
    client = Client(REMOTE_ADDR="192.0.2.1")
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token").status_code == 200
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404
    assert Client(REMOTE_ADDR="10.0.0.9").get("/metrics").status_code == 200
    # Through a proxy, whatever the proxy's address: the token only.
    forwarded = Client(REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="10.0.0.9")
    assert forwarded.get("/metrics").status_code == 404
