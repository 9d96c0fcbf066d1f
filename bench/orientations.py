"""Benchmarks of the work orientations (issue 20, "the matrix").

Target: the matrix of an orientation sent to 200 recipients with 50 tasks (every recipient
having reported on most tasks) answers within 100 ms at the 95th percentile, as the matrix
service and as the orientation's matrix page, for a central officer.

The page shows 50 recipients a page with a footer of done counts over all of them, so
`matrix (service)` measures what the page calls: `matrix_page`, its first page and the footer.
`matrix (service, all rows)`, without a target, is `matrix`, every row at once, as the XLSX and
the API read it (the figure `matrix (service)` measured before the page was paginated).

The data set is synthetic and deterministic (fixed seed), written with bulk inserts.
"""

import random
import time
from datetime import date

from django.test import Client
from django.urls import reverse

from bench.harness import Figure, latencies, summary

SEED = 20261207
RECIPIENTS = 200
TASKS = 50
ORIENTATIONS = 5
TARGET_MS = 100
PROGRESS = ["done", "in_progress", "not_started"]


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    from amity.accounts.models import User
    from amity.documents.models import Orientation, OrientationTask, Recipient, TaskReport
    from amity.organizations.models import Organization

    rng = random.Random(SEED)
    recipients = max(10, round(RECIPIENTS * scale))
    tasks = max(5, round(TASKS * scale))
    started = time.perf_counter()
    central = Organization.objects.create(
        name="Liên hiệp Trung ương (định hướng)", kind="central_union"
    )
    unions = [
        Organization.objects.create(
            name=f"Liên hiệp tỉnh {i:03d}", kind="provincial_union", parent=central
        )
        for i in range(recipients)
    ]
    officer = User.objects.create(
        username="bench-orientations-central", role="central_officer", organization=central
    )
    orientations = Orientation.objects.bulk_create(
        [
            Orientation(
                organization=central,
                year=2026,
                title=f"Định hướng {n}",
                status="issued",
                issued_on=date(2026, 1, 15),
            )
            for n in range(ORIENTATIONS)
        ]
    )
    made = OrientationTask.objects.bulk_create(
        [
            OrientationTask(orientation=orientation, order=i, title=f"Nhiệm vụ {i}")
            for orientation in orientations
            for i in range(tasks)
        ]
    )
    rows = Recipient.objects.bulk_create(
        [
            Recipient(orientation=orientation, organization=union)
            for orientation in orientations
            for union in unions
        ]
    )
    by_orientation: dict[int, list] = {}
    for task in made:
        by_orientation.setdefault(task.orientation_id, []).append(task)
    TaskReport.objects.bulk_create(
        [
            TaskReport(recipient=row, task=task, progress=rng.choice(PROGRESS))
            for row in rows
            for task in by_orientation[row.orientation_id]
            if rng.random() < 0.8
        ],
        batch_size=5000,
    )
    seconds = time.perf_counter() - started
    state = {
        "parameters": {"recipients": recipients, "tasks": tasks, "orientations": ORIENTATIONS},
        "officer": officer,
        "orientations": [orientation.pk for orientation in orientations],
    }
    return state, [Figure("generate the data set", seconds, "s")]


def measure(state: dict, requests: int = 200) -> list[Figure]:
    from amity.documents.models import Orientation
    from amity.documents.orientations_matrix import matrix, matrix_page

    rng = random.Random(SEED + 1)
    client = Client()
    client.force_login(state["officer"])

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    chosen = [rng.choice(state["orientations"]) for _ in range(requests)]
    orientations = Orientation.objects.in_bulk(state["orientations"])
    figures = summary(
        "matrix (service)",
        latencies(lambda pk: matrix_page(orientations[pk]), chosen),
        TARGET_MS,
    )
    figures += summary(
        "matrix (service, all rows)",
        latencies(lambda pk: matrix(orientations[pk]), chosen),
        None,
    )
    pages = [reverse("documents:orientation", args=[pk]) + "?tab=matrix" for pk in chosen]
    get(pages[0])  # its template compiled once, as on a running server
    figures += summary("matrix page", latencies(get, pages), TARGET_MS)
    return figures


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    from bench.harness import settle_database

    state, figures = generate(scale)
    settle_database()
    figures += measure(state, requests)
    return figures, state["parameters"]
