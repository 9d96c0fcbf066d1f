"""The emulation demo: each area loads its own records, in this order (scoring reads the
regulations, awards read the scores, the review reads everything else of the demo)."""

from importlib import import_module

AREAS = ["regulations", "scoring", "review", "awards"]


def load(stdout) -> dict[str, int]:
    counts: dict[str, int] = {}
    for area in AREAS:
        counts.update(import_module(f"amity.emulation.demo.{area}").load(stdout))
    return counts
