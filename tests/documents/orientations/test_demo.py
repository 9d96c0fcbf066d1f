"""`amity demo`: the work orientations of the demo federation load, as issue 20 asks: of last
year and this one (general, by region, by country), sent to the provincial Unions, with
acknowledgements and reports in every state."""

from datetime import date

import pytest

from amity.documents.models import Orientation, Recipient, TaskReport
from amity.organizations.models import Organization

# the day the other demo tests read the set on, so that one load serves them all
pytestmark = pytest.mark.demo_on(date(2026, 12, 7))


def test_the_orientations_demo_data_set(shared_demo):
    assert "work orientations: 6" in shared_demo
    assert Orientation.objects.count() == 6
    kinds = sorted(Orientation.objects.values_list("year", "kind"))
    assert kinds == sorted(
        (year, kind) for year in (2025, 2026) for kind in ("general", "region", "country")
    )
    assert not Orientation.objects.exclude(status="issued").exists()
    unions = Organization.objects.filter(kind="provincial_union", status="active").count()
    for orientation in Orientation.objects.all():
        assert orientation.recipients.count() == unions
        assert orientation.tasks.exists()
    assert Recipient.objects.filter(acknowledged_on__isnull=True).exists()
    assert Recipient.objects.filter(acknowledged_on__isnull=False).exists()
    states = set(TaskReport.objects.values_list("progress", flat=True))
    assert states == {"done", "in_progress", "not_started"}
    for recipient in Recipient.objects.filter(reports__isnull=False).distinct()[:20]:
        assert recipient.acknowledged_on is not None
