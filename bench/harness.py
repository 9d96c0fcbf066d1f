"""What every benchmark shares: timing, percentiles, targets and the results file."""

import json
import os
import platform
import socket
import statistics
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from django.db import connection

RESULTS = Path(__file__).resolve().parent / "results"
#: a unit officer's page against the same page for a central officer, at p95 (issue 15)
UNIT_RATIO = 1.2


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: float | None = None
    #: "max" when the figure must stay at or under the target, "min" when at or over it
    direction: str = "max"
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        ok = self.value <= self.target if self.direction == "max" else self.value >= self.target
        return "meets" if ok else "misses"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def settle_database() -> None:
    """What a database does on its own a while after a bulk load, done before measuring: the
    planner's statistics and, on PostgreSQL, the visibility map that lets counts read an index
    alone (VACUUM cannot run inside a transaction, as in the smoke tests: ANALYZE alone there)."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def timed(function, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def latencies(function, arguments) -> list[float]:
    """Milliseconds of `function(argument)` for every argument, one after another."""
    samples = []
    for argument in arguments:
        seconds, _result = timed(function, argument)
        samples.append(seconds * 1000)
    return samples


def alternating(functions, arguments) -> list[list[float]]:
    """Milliseconds of each of `functions` on every argument, the functions taking turns on
    each argument (first one first, then the other first): the users compared are measured
    under the same conditions, where one run after the other met a machine that had drifted
    (the caches, the collector's generations, the neighbours' load)."""
    samples: list[list[float]] = [[] for _function in functions]
    for index, argument in enumerate(arguments):
        order = list(enumerate(functions))
        for number, function in order if index % 2 == 0 else reversed(order):
            samples[number] += latencies(function, [argument])
    return samples


def compared(name, users, samples, target_p95) -> list[Figure]:
    """Each user's figures, and the last user's p95 against the first's (a unit officer's
    page against a central officer's: within 1.2×, issue 15)."""
    figures = []
    for (label, _user), measured in zip(users, samples, strict=True):
        figures += summary(f"{name} ({label})", measured, target_p95)
    ratio = percentile(samples[-1], 0.95) / percentile(samples[0], 0.95)
    figures.append(Figure(f"{name} unit / central p95", ratio, "×", UNIT_RATIO))
    return figures


def logged_in_clients(users) -> list:
    """A test client logged in as each of `users` ((label, user) pairs)."""
    from django.test import Client

    clients = []
    for _label, user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def summary(name: str, samples_ms: list[float], target_p95: float | None) -> list[Figure]:
    return [
        Figure(f"{name} median", statistics.median(samples_ms), "ms"),
        Figure(f"{name} p95", percentile(samples_ms, 0.95), "ms", target_p95),
        Figure(f"{name} p99", percentile(samples_ms, 0.99), "ms"),
    ]


def print_table(figures: list[Figure]) -> None:
    width = max(len(figure.name) for figure in figures) + 2
    print(f"{'figure':<{width}}{'value':>12}  {'target':>10}  verdict")
    for figure in figures:
        target = "" if figure.target is None else f"{figure.target:g}"
        value = f"{figure.value:,.1f} {figure.unit}"
        print(f"{figure.name:<{width}}{value:>12}  {target:>10}  {figure.verdict} {figure.note}")


def machine() -> dict:
    """What the figures were measured on: the same code runs at different speeds on different
    machines (the hand-written SQL of each suite is a gauge of that too)."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next(
            (
                line.split(":", 1)[1].strip()
                for line in cpuinfo.read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    return {
        "python": platform.python_version(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "cpu": model,
    }


def write_results(suite: str, figures: list[Figure], parameters: dict) -> Path:
    """Add one suite's figures to the day's file of this database,
    `bench/results/<date>-<database>.json`; a suite run again that day replaces its entry."""
    RESULTS.mkdir(exist_ok=True)
    now = datetime.now()
    path = RESULTS / f"{now:%Y-%m-%d}-{connection.vendor}.json"
    document = json.loads(path.read_text()) if path.exists() else {}
    document.update(
        {
            "database": connection.vendor,
            "date": now.isoformat(timespec="seconds"),
            "machine": machine(),
        }
    )
    document.setdefault("suites", {})[suite] = {
        "date": now.isoformat(timespec="seconds"),
        "parameters": parameters,
        "figures": [{**asdict(figure), "verdict": figure.verdict} for figure in figures],
    }
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False))
    return path
