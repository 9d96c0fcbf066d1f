"""DRAFT measuring harness (replaced by the real test)."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation
from tests.aid.test_aid import rate

from amity.aid import iati

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"
CONTENT = (DATA / "heldout-publishers.xml").read_bytes()
EXPECTED = json.loads((DATA / "heldout-publishers.expected.json").read_text())["activities"]
RATES = {"USD": "1", "EUR": "1.1", "GBP": "1.25", "NZD": "0.6", "SGD": "0.75", "JPY": "0.007",
         "CAD": "0.75", "AUD": "0.65"}


def classify(report):
    tally = {"right": 0, "wrong": 0, "reported": 0, "reported_ok": 0, "dropped": 0}
    lines = []
    for outcome in report.outcomes:
        wanted = EXPECTED[outcome.identifier] or [{"unplaced": "country"}]
        got = outcome.places
        if len(got) != len(wanted):
            lines.append(f"COUNT {outcome.identifier}: {len(got)} places for {len(wanted)}: {[p.describe() for p in got]}")
            tally["dropped"] += max(0, len(wanted) - len(got))
        for place, want in zip(got, wanted):
            if place.province is None:
                if "unplaced" in want:
                    tally["reported_ok"] += 1
                else:
                    tally["reported"] += 1
                    lines.append(f"UNPLACED {outcome.identifier}: {place.describe()} (want {want})")
            else:
                ok = ("province" in want and place.province.code == want["province"]
                      and place.province.is_current == (want["as"] == "current"))
                tally["right" if ok else "wrong"] += 1
                if not ok:
                    lines.append(f"WRONG {outcome.identifier}: {place.describe()} (want {want})")
    return tally, lines


@pytest.mark.parametrize("dry_run", [True, False])
def test_measure(orgs, users, dry_run):
    for currency, usd in RATES.items():
        rate(orgs.central, currency, date(2000, 1, 1), usd=Decimal(usd), vnd=Decimal(25000))
    with translation.override("en"):
        report = iati.import_activities(CONTENT, users.central, dry_run=dry_run)
        tally, lines = classify(report)
    print("\n".join(lines))
    print(report.counts, report.places, tally)
    print([(o.identifier, o.reasons) for o in report.outcomes if o.status == "refused"])
    assert False
