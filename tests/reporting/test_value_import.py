"""Values imported from a file: each submission and indicator the rows name is read once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tablib import Dataset

from amity.core.imports import import_dataset
from amity.reporting.imports import ValueResource
from amity.reporting.models import Value
from tests.reporting.factories import submission

pytestmark = pytest.mark.django_db


def test_many_rows_naming_the_same_submissions_read_each_once(report, orgs, users):
    drafts = [submission(union, report.version, report.h1) for union in (orgs.hanoi, orgs.danang)]
    numeric = [report.items.delegations_in, report.items.delegations_out, report.items.committed]
    dataset = Dataset(headers=["submission", "indicator", "number", "text", "comment"])
    for draft in drafts:
        for number, item in enumerate(numeric):
            dataset.append([draft.pk, item.pk, number + 1, None, None])
    with CaptureQueriesContext(connection) as queries:
        summary = import_dataset(ValueResource, dataset, users.central, dry_run=False)
    assert summary["errors"] == []
    imported = Value.objects.filter(indicator__in=numeric)
    assert sorted(imported.values_list("submission", "indicator", "number", "text")) == sorted(
        (draft.pk, item.pk, number + 1, "")
        for draft in drafts
        for number, item in enumerate(numeric)
    )
    # the total (delegations in + out) is kept after the batch
    totals = Value.objects.filter(indicator=report.items.delegations).values_list(
        "number", flat=True
    )
    assert list(totals) == [3, 3]
    reads = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith('SELECT "reporting_submission"."id"')
    ]
    assert len(reads) == len(drafts)  # one per submission, not one per row
