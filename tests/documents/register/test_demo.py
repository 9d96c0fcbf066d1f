"""The register's demo loader, on the test federation marked as the demo's."""

import io
from datetime import date

import pytest

from amity.core.demo_dates import demo_day
from amity.documents.demo import register as demo
from amity.documents.models import RegisterCounter, RegisterEntry
from amity.documents.numbering import take_number
from amity.organizations.models import Organization

pytestmark = pytest.mark.django_db


def test_the_demo_register_is_numbered_as_the_register_would(orgs):
    Organization.objects.filter(pk=orgs.central.pk).update(external_ref="demo-central")
    Organization.objects.filter(pk=orgs.hanoi.pk).update(external_ref="demo-hanoi")
    Organization.objects.filter(pk=orgs.danang.pk).update(external_ref="demo-danang")
    with demo_day(date(2026, 9, 1)):
        counts = demo.load(io.StringIO())
    assert counts["register entries"] == 3 * 2 * 15
    hanoi_2026 = RegisterEntry.objects.filter(
        organization=orgs.hanoi, year=2026, direction="outgoing"
    )
    assert sorted(hanoi_2026.values_list("number", flat=True)) == list(range(1, 10))
    assert RegisterEntry.objects.filter(issued_on__gt=date(2026, 9, 1)).count() == 0
    assert RegisterCounter.objects.count() == 3 * 2 * 2
    # the next document issued after the demo takes the next number
    assert take_number(orgs.hanoi, 2026, "outgoing") == 10
    assert RegisterEntry.objects.filter(direction="incoming", sender_name="").count() == 0
