"""Builders of scoring records for the tests (plain ORM: no workflow, no computed values)."""

from datetime import date
from decimal import Decimal

from amity.emulation import models
from amity.emulation.models.scoring import CriterionKind


def regulation(owner, index=0):
    return models.Regulation.objects.create(
        organization=owner,
        code=f"QC-T{index}",
        title_vi=f"Quy chế {index}",
        effective_from=date(2026, 1, 1),
    )


def table(owner, index=0):
    return models.CriteriaTable.objects.create(
        organization=owner,
        regulation=regulation(owner, index),
        code=f"BTC-{index}",
        title_vi=f"Bảng tiêu chí {index}",
    )


def section(owner, index=0, number=1, of_table=None):
    return models.CriteriaSection.objects.create(
        table=of_table or table(owner, index), number=number, title_vi=f"Phần {number}"
    )


def criterion(of_section, code="1.1", max_points="10", kind=CriterionKind.NORMAL, **extra):
    return models.Criterion.objects.create(
        section=of_section,
        code=code,
        text_vi=f"Tiêu chí {code}",
        max_points=Decimal(max_points),
        kind=kind,
        **extra,
    )


def cluster(owner, members=(), year=2026, name="Cụm thi đua", head=None, deputy=None, **extra):
    made = models.Cluster.objects.create(
        organization=owner, year=year, name=name, head=head, deputy=deputy, **extra
    )
    made.members.set(members)
    return made


def sheet(unit, criteria_table, year=2026, of_cluster=None, **extra):
    return models.ScoreSheet.objects.create(
        organization=unit, year=year, criteria_table=criteria_table, cluster=of_cluster, **extra
    )


def campaign(owner, index=0):
    return models.Campaign.objects.create(
        organization=owner,
        name_vi=f"Thi đua chuyên đề {index}",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )


def sheet_keys(owner, index) -> dict:
    """A year within those kept, and past a hundred sheets of one unit a campaign of its own
    (a unit has one yearly sheet a year)."""
    keys = {"year": 2000 + index % 100}
    if index >= 100:
        keys["campaign"] = campaign(owner, index)
    return keys
