"""The documents demo, by area, in this order."""

from importlib import import_module

AREAS: list[str] = []
# orientations
AREAS += ["orientations"]


def load(stdout) -> dict[str, int]:
    counts: dict[str, int] = {}
    for area in AREAS:
        counts.update(import_module(f"amity.documents.demo.{area}").load(stdout))
    return counts
