"""The training demo: the programmes and their courses, then the enrolment (nominations,
attendance, results), then the requirements, in this order."""

from importlib import import_module

AREAS = ["courses", "enrolment", "requirements"]


def load(stdout) -> dict[str, int]:
    counts: dict[str, int] = {}
    for area in AREAS:
        counts.update(import_module(f"amity.training.demo.{area}").load(stdout))
    return counts
