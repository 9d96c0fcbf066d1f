"""Page latency as production serves it, and memory (issue 7).

Every domain's data set is built (as `amity bench generate` builds it), then the app is served
by gunicorn on loopback against the same database; 8 concurrent clients request each key page
for a fixed time, as a central and as a unit officer (each logged in by a session cookie).
Beside each page, the same figures for a trivial logged-in page served the same way (the
framework's floor) and the ratio between them. The peak memory (RSS) of the gunicorn workers is
sampled during the runs, and that of an export of 10,000 and of 100,000 partners (streamed: the
peak must not grow with the number of rows).
"""

import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import requests as http_requests
from django.conf import settings
from django.test import Client

from bench import generate
from bench.harness import Figure, percentile

CLIENTS = 8
FLOOR = "/accounts/password/"  # a logged-in page with nothing to compute: the floor
PAGES = [
    ("partner list", "/partners/partners/"),
    ("partner search", "/partners/partners/?q=friendship+peace"),
    ("aid statistics", "/aid/statistics/"),
    ("events calendar", "/events/calendar/?month=2020-05"),
    ("proposals board", "/proposals/board/"),
    ("home", "/"),
]
EXPORT = """
import os, sys, django
django.setup()
from amity.core.exports import resource_rows, write_csv
from amity.partners.imports import PartnerResource
from amity.partners.models import Partner
rows = int(sys.argv[1])
queryset = Partner.objects.order_by("pk")[:rows]
with open(os.devnull, "wb") as handle:
    write_csv(resource_rows(PartnerResource(), queryset), handle)
"""


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def server_environment() -> dict:
    environment = {
        **os.environ,
        "SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_SETTINGS_MODULE": "amity.settings",
    }
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
        host = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
        environment["DATABASE_URL"] = (
            f"postgres://{database['USER']}{password}@{host}/" + (database["NAME"])
        )
    return environment


class PeakMemory(threading.Thread):
    """The largest resident size of a process and its children, sampled every 50 ms."""

    def __init__(self, process: psutil.Process, children_only: bool = False):
        super().__init__(daemon=True)
        self.process, self.children_only, self.peak, self.running = process, children_only, 0, True

    def run(self):
        while self.running:
            try:
                family = self.process.children(recursive=True)
                if not self.children_only:
                    family.append(self.process)
                sizes = [member.memory_info().rss for member in family]
            except psutil.Error:
                break
            self.peak = max([self.peak, *sizes])
            time.sleep(0.05)

    def stop(self) -> float:
        self.running = False
        self.join()
        return self.peak / 2**20


def hammer(base: str, cookie: str, path: str, seconds: float) -> tuple[list[float], int]:
    """CLIENTS clients requesting `path` for `seconds`: latencies (ms) and the failures."""
    samples, failures, deadline = [], [0], time.monotonic() + seconds

    def client():
        http = http_requests.Session()
        http.cookies.set(settings.SESSION_COOKIE_NAME, cookie, domain="127.0.0.1")
        while time.monotonic() < deadline:
            start = time.perf_counter()
            response = http.get(base + path, timeout=60, allow_redirects=False)
            if response.status_code != 200:
                failures[0] += 1
            samples.append((time.perf_counter() - start) * 1000)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, failures[0]


def page_figures(label: str, samples: list[float], seconds: float, floor_median: float):
    median = statistics.median(samples)
    return [
        Figure(f"{label} median", median, "ms"),
        Figure(f"{label} p95", percentile(samples, 0.95), "ms"),
        Figure(f"{label} p99", percentile(samples, 0.99), "ms"),
        Figure(f"{label} requests per second", len(samples) / seconds, "req/s"),
        Figure(f"{label} median / floor", median / floor_median, "×"),
    ]


def measure_pages(base: str, users: list, seconds: float) -> list[Figure]:
    figures = []
    for role, user in users:
        cookie = session_cookie(user)
        hammer(base, cookie, FLOOR, 1)  # every worker has loaded the app and its templates
        floor, failed = hammer(base, cookie, FLOOR, seconds)
        assert failed == 0, f"{FLOOR} failed {failed} times"
        floor_median = statistics.median(floor)
        figures += page_figures(f"floor ({role})", floor, seconds, floor_median)[:4]
        for name, path in PAGES:
            samples, failed = hammer(base, cookie, path, seconds)
            assert failed == 0, f"{path} as {role} failed {failed} times"
            figures += page_figures(f"{name} ({role})", samples, seconds, floor_median)
    return figures


def measure_export(rows: int) -> float:
    """Peak RSS (MiB) of a process exporting the first `rows` partners to CSV."""
    child = subprocess.Popen([sys.executable, "-c", EXPORT, str(rows)], env=server_environment())
    watch = PeakMemory(psutil.Process(child.pid))
    watch.start()
    assert child.wait() == 0, "the export failed"
    return watch.stop()


def run(scale: float = 1.0, requests: int = 200, seconds: float | None = None):
    from amity.accounts.models import User
    from amity.core.management.commands.serve import gunicorn_command
    from bench.harness import free_port

    build = generate.build(scale)
    seconds = seconds or max(2.0, min(20.0, requests / 10))
    users = [
        (role, User.objects.get(username=name))
        for role, name in (("central officer", "bench-central"), ("unit officer", "bench-unit"))
    ]
    port = free_port()
    command = gunicorn_command("127.0.0.1", port, workers=2, threads=4)
    server = subprocess.Popen(
        command,
        env=server_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        watch = PeakMemory(psutil.Process(server.pid), children_only=True)
        watch.start()
        figures = measure_pages(base, users, seconds)
        figures.append(Figure("peak RSS of a worker during the page runs", watch.stop(), "MiB"))
    finally:
        server.terminate()
        server.wait(timeout=30)
    partners = build["parameters"]["partners"]
    small, large = max(1, partners // 10), partners
    small_peak, large_peak = measure_export(small), measure_export(large)
    figures += [
        Figure(f"peak RSS, export of {small:,} partners", small_peak, "MiB"),
        Figure(f"peak RSS, export of {large:,} partners", large_peak, "MiB"),
        Figure("export peak, 10× the rows / 1×", large_peak / small_peak, "×", 1.25),
    ]
    parameters = {**build["parameters"], "clients": CLIENTS, "seconds_per_page": seconds}
    return build["figures"] + figures, parameters


def wait_until_up(base: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if http_requests.get(f"{base}/healthz", timeout=30).status_code == 200:
                return
        except (http_requests.ConnectionError, http_requests.Timeout):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {seconds} s")


if __name__ == "__main__":  # pragma: no cover - run through bench/run.py
    sys.exit(f"Run it with: python {Path(__file__).parent / 'run.py'} --suite pages")
