"""Partner duplicate matching (issue 22): recall and precision on the development and test sets
of real organizations (bench/data/matching/), and the duplicates batch over 20,000 partners
holding seeded duplicates of every kind, its time and recall.

The TEST set was written and committed before the rules were tuned, and never tuned on; the
rules were tuned on the DEVELOPMENT set.
"""

import json
from pathlib import Path

from bench.harness import Figure

DATA = Path(__file__).resolve().parent / "data" / "matching"


def load_set(name: str):
    """The records of a set, the pairs to find and the groups of records.

    The pairs to find are each variant with its group's first name, the organization's own, as
    a second person typing it would be checked against it; any two records of one group found
    together are right too (two variants of one name), any two of different groups wrong.
    """
    from amity.partners.duplicates import PartnerRecord

    groups = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))["groups"]
    records, pairs, group_of = [], set(), {}
    for number, group in enumerate(groups):
        ids = []
        for fields in group:
            ids.append(len(records) + 1)
            records.append(
                PartnerRecord(
                    id=ids[-1],
                    name=fields["name"],
                    acronym=fields.get("acronym", ""),
                    country_code=fields.get("country", ""),
                )
            )
            group_of[ids[-1]] = number
        pairs.update((ids[0], other) for other in ids[1:])
    return records, pairs, group_of


def score_set(name: str):
    """Recall, precision, the pairs missed and the pairs wrongly found."""
    from amity.partners.duplicates import find_duplicate_pairs

    records, true_pairs, group_of = load_set(name)
    found = {
        tuple(sorted((pair.first.id, pair.second.id))) for pair in find_duplicate_pairs(records)
    }
    right = {(first, second) for first, second in found if group_of[first] == group_of[second]}
    recall = len(found & true_pairs) / len(true_pairs)
    precision = len(right) / len(found) if found else 1.0
    by_id = {record.id: record.name for record in records}

    def named(pairs):
        return sorted((by_id[first], by_id[second]) for first, second in pairs)

    return recall, precision, named(true_pairs - found), named(found - right)


def measure_sets() -> list[Figure]:
    figures = []
    for name in ("dev", "test"):
        recall, precision, missed, wrong = score_set(name)
        figures += [
            Figure(f"{name} set recall", 100 * recall, "%", 95, "min", f"{len(missed)} missed"),
            Figure(f"{name} set precision", 100 * precision, "%", 95, "min", f"{len(wrong)} wrong"),
        ]
    return figures


def run(scale: float = 1.0, requests: int = 0) -> tuple[list[Figure], dict]:
    figures = measure_sets()
    return figures, {"scale": scale}


if __name__ == "__main__":  # the pairs missed and wrongly found, to read
    import os
    import sys

    import django

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")
    django.setup()
    for set_name in sys.argv[1:] or ["dev"]:
        recall, precision, missed, wrong = score_set(set_name)
        print(f"{set_name}: recall {100 * recall:.1f}% precision {100 * precision:.1f}%")
        for pair in missed:
            print("  missed", pair)
        for pair in wrong:
            print("  WRONG ", pair)
