"""`amity demo`: two years of emulation scoring on the merged provinces, on a fixed day."""

from datetime import date

import pytest

from amity.emulation import scoring_services as services
from amity.emulation.models import Campaign, Cluster, Criterion, Score, ScoreSheet
from amity.emulation.models.scoring import ClusterKind, SheetState
from amity.organizations.choices import OrganizationStatus

pytestmark = pytest.mark.demo_on(date(2026, 12, 7))


def test_scoring_demo_data_set(shared_demo):
    assert "emulation scoring: 14 clusters over two years" in shared_demo
    last, this = Cluster.objects.filter(year=2025), Cluster.objects.filter(year=2026)
    assert (last.count(), this.count()) == (7, 7)
    assert this.filter(kind=ClusterKind.CENTRAL).count() == 1
    # only the Unions after the merger, each in one cluster of the year
    members = [org for cluster in this for org in cluster.members.all()]
    assert len(members) == len(set(members))
    assert {org.status for org in members} == {OrganizationStatus.ACTIVE}
    # about thirty criteria a year; some computed, with points from the demo's records
    assert Criterion.objects.filter(section__table__code="BTC-2026").count() == 30
    computed = list(Score.objects.filter(computed_points__gt=0))
    assert len(computed) > 50
    assert all(score.computed_links for score in computed)
    # last year confirmed and published; this year in every state
    assert set(ScoreSheet.objects.filter(year=2025).values_list("state", flat=True)) == {
        SheetState.CONFIRMED
    }
    assert set(
        ScoreSheet.objects.filter(year=2026, campaign__isnull=True).values_list("state", flat=True)
    ) == set(SheetState.values)
    assert all(cluster.ranking_published for cluster in last)
    leaders = [services.cluster_result(cluster).leader for cluster in last]
    assert all(leader is not None for leader in leaders)
    campaign = Campaign.objects.get()
    assert campaign.sheets.count() == campaign.participants.count() == 8
