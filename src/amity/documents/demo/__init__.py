"""The documents demo: each part of the app loads its own records, in this order."""

from importlib import import_module

AREAS = [
    # register
    "register",
    # orientations
    "orientations",
]


def load(stdout) -> dict[str, int]:
    counts: dict[str, int] = {}
    for area in AREAS:
        counts.update(import_module(f"amity.documents.demo.{area}").load(stdout))
    return counts
