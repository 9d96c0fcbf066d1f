"""`amity demo`: the agreements of the demo federation load, as the brief of issue 20 says."""

from datetime import date, timedelta

import pytest

from amity.agreements import services
from amity.agreements.choices import AgreementStatus, CommitmentStatus
from amity.agreements.models import Agreement, Commitment, VietnameseAgency

DAY = date(2026, 12, 7)
# the day the other apps' demo tests read it on, so that one load serves them all
pytestmark = pytest.mark.demo_on(DAY)


def test_agreements_demo_data_set(shared_demo):
    assert "agreements:" in shared_demo
    agreements = Agreement.objects.filter(external_ref__startswith="demo-agr-")
    assert agreements.count() >= 25
    assert VietnameseAgency.objects.filter(name_vi="Bộ Ngoại giao").exists()
    assert VietnameseAgency.objects.count() == 10
    partners = agreements.values_list("partners", flat=True).exclude(partners=None).distinct()
    assert 18 <= len(set(partners)) <= 22
    statuses = set(agreements.values_list("status", flat=True))
    assert statuses == set(AgreementStatus.values)
    # some expire within each reminder's window, none running is past its expiry
    window = agreements.filter(status="in_force", ends_on__lte=DAY + timedelta(days=90))
    assert window.filter(ends_on__lte=DAY + timedelta(days=7)).exists()
    assert window.filter(ends_on__gt=DAY + timedelta(days=30)).exists()
    assert not agreements.filter(status__in=["signed", "in_force"], ends_on__lt=DAY).exists()
    # every signed or in-force one keeps the rule of its signing date and signed copy
    for agreement in agreements.filter(status__in=["signed", "in_force"]):
        assert agreement.signed_on is not None and agreement.signed_file_count() >= 1
    states = set(Commitment.objects.values_list("status", flat=True))
    assert states == set(CommitmentStatus.values)
    assert agreements.exclude(interactions=None).exists()
    assert agreements.exclude(events=None).exists()
    assert agreements.exclude(activities=None).exists()
    # the demo Unions' officers have agreements of their own, and some due for a reminder
    for username in ("hanoi", "danang"):
        from amity.accounts.models import User

        user = User.objects.get(username=username)
        assert Agreement.objects.visible_to(user).count() >= 3
    assert services.due_on(DAY) or services.due_on(DAY + timedelta(days=1))
    assert not agreements.exclude(notes__contains="[demo]").exists()
