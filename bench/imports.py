"""Imports from XLSX (issue 7): rows per second for partners and for report values, each beside
the time openpyxl takes only to read the same file, and the ratio between the two.

The files are what an officer uploads: 20,000 partners, and a period's values of every Union
(200 Unions × 80 indicators = 16,000 values) at scale 1. The import goes through the same path as
the import page (`read_dataset`, then `import_dataset` with the model's resource), so the figures
include validation, scoping, history and, for values, the totals kept after every batch.
"""

import io
import random
from datetime import date, timedelta

from django.test import override_settings

from bench.harness import Figure, timed
from bench.partners import COUNTRIES, make_federation, partner_names

SEED = 20261124
#: An import costs parsing, validating and writing each row; reading is the floor. The issue
#: names no target for the ratio: it is reported so that a change that slows imports shows.
PARTNER_ROWS = 20_000
UNIONS = 200
INDICATORS = 80


def workbook(header: list[str], rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_only(content: bytes) -> int:
    """The floor: openpyxl reading every cell of the file, and nothing else."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    count = sum(1 for _row in book.active.iter_rows(values_only=True))
    book.close()
    return count


def partners_file(rng, rows: int) -> bytes:
    header = ["kind", "name", "name_vi", "country", "status", "sensitivity"]
    return workbook(
        header,
        (
            ["ngo", f"Imported {name}", name_vi, rng.choice(COUNTRIES), "active", "internal"]
            for name, name_vi in partner_names(rng, rows)
        ),
    )


def values_file(rng, unions: int) -> tuple[bytes, int, object]:
    """A new quarter's draft submissions of `unions` Unions, and the workbook of their values."""
    from amity.reporting import models
    from bench.reporting import make_data

    officer, form, periods = make_data(rng, unions, 1, INDICATORS)
    today = date.today()  # a period open now, so that its drafts take values
    period = models.Period(
        form=form,
        kind="year",
        year=today.year,
        number=1,
        opens_on=today - timedelta(days=30),
        deadline=today + timedelta(days=365),
    )
    period.derive_fields()
    period.save()
    version = models.FormVersion.objects.get(form=form)
    previous = models.Submission.objects.filter(period=periods[0]).order_by("pk")
    submissions = models.Submission.objects.bulk_create(
        models.Submission(organization_id=organization, form_version=version, period=period)
        for organization in previous.values_list("organization", flat=True)
    )
    indicators = list(models.Indicator.objects.filter(code__startswith="I").order_by("code"))
    rows = [
        [submission.pk, indicator.pk, rng.randint(0, 500), "", ""]
        for submission in submissions
        for indicator in indicators
    ]
    content = workbook(["submission", "indicator", "number", "text", "comment"], rows)
    return content, len(rows), officer


def import_figures(label, resource, content, rows, user, target=None) -> list[Figure]:
    from amity.core.imports import import_dataset, read_dataset

    read_seconds, counted = timed(read_only, content)
    assert counted == rows + 1, counted

    def read_and_import():
        dataset = read_dataset(content, f"{label}.xlsx")
        return import_dataset(resource, dataset, user, dry_run=False)

    # The check for likely duplicates on import has its own benchmark (partners).
    with override_settings(IMPORT_DUPLICATE_CHECK_ROWS=0):
        seconds, summary = timed(read_and_import)
    assert not summary["errors"], summary["errors"][:3]
    return [
        Figure(f"import {rows:,} {label} from XLSX", seconds, "s", target),
        Figure(f"{label}: rows per second", rows / seconds, "rows/s"),
        Figure(f"{label}: openpyxl reading the file only", read_seconds, "s"),
        Figure(f"{label}: import / reading only", seconds / read_seconds, "×"),
    ]


def generate(scale: float = 1.0) -> tuple[dict, list[Figure]]:
    rng = random.Random(SEED)
    partner_rows = max(20, int(PARTNER_ROWS * scale))
    unions = max(5, int(UNIONS * scale))
    _central, _unions, officer, _unit = make_federation()
    seconds_partners, partners = timed(partners_file, rng, partner_rows)
    seconds_values, (values, value_rows, reporting_officer) = timed(values_file, rng, unions)
    state = {
        "files": {
            "partners": (partners, partner_rows, officer),
            "report values": (values, value_rows, reporting_officer),
        },
        "parameters": {"scale": scale, "partner_rows": partner_rows, "value_rows": value_rows},
    }
    return state, [
        Figure(f"write the XLSX of {partner_rows:,} partners", seconds_partners, "s"),
        Figure(f"write the XLSX of {value_rows:,} values (and their Unions)", seconds_values, "s"),
    ]


def measure(state: dict, requests: int = 200) -> list[Figure]:
    from amity.partners.imports import PartnerResource
    from amity.reporting.imports import ValueResource

    content, rows, user = state["files"]["partners"]
    figures = import_figures("partners", PartnerResource, content, rows, user, target=10)
    content, rows, user = state["files"]["report values"]
    figures += import_figures("report values", ValueResource, content, rows, user)
    return figures


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    state, figures = generate(scale)
    figures += measure(state, requests)
    return figures, state["parameters"]
