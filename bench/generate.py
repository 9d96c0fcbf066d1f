"""`amity bench generate --scale N`: every domain's synthetic data set in one database.

Each domain's bench module builds its own part (deterministic, fixed seeds) with the same
generators its benchmarks use; scale 1 is the size the issues name: 100,000 partners with
500,000 interactions, 5,000 aid activities with 50,000 transactions, 200 organizations × 40
periods × 80 indicators of reports, 50,000 events and 20,000 proposals. The time of each part
and of the whole is recorded; scale 1 must build on SQLite within 10 minutes.
"""

import time
from importlib import import_module

from bench.harness import Figure, settle_database

DOMAINS = ("partners", "aid", "reporting", "events", "proposals")
#: seconds to build scale 1 on the 2-core machine (SQLite)
TARGET_SECONDS = 600


def build(scale: float = 1.0) -> dict:
    """Build every domain at `scale`: {"figures", "parameters", "states"} (states by domain,
    what each module's `measure` needs)."""
    start = time.perf_counter()
    figures, parameters, states = [], {"scale": scale}, {}
    for domain in DOMAINS:
        state, built = import_module(f"bench.{domain}").generate(scale)
        states[domain] = state
        figures += built
        parameters.update(
            {key: value for key, value in state["parameters"].items() if key != "scale"}
        )
    settle_database()
    total = time.perf_counter() - start
    target = TARGET_SECONDS * scale if scale >= 1 else None
    figures.append(Figure(f"build the whole data set (scale {scale:g})", total, "s", target))
    return {"figures": figures, "parameters": parameters, "states": states}


def run(scale: float = 1.0, requests: int = 0) -> tuple[list[Figure], dict]:
    built = build(scale)
    return built["figures"], built["parameters"]
