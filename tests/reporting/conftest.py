from datetime import date
from types import SimpleNamespace

import pytest
from django.utils import translation

from amity.reporting.choices import Aggregation, IndicatorType, Operator, RuleKind, Severity
from amity.reporting.models import ValidationRule
from tests.reporting.factories import form_with, indicator, period


@pytest.fixture
def report(orgs):
    """A central half-year form: partners, delegations in and out and their total, a note."""
    central = orgs.central
    items = SimpleNamespace(
        partners=indicator(central, "P1", prefill="partners.held", minimum=0, maximum=10000),
        delegations_in=indicator(central, "D1", minimum=0),
        delegations_out=indicator(central, "D2", minimum=0),
        delegations=indicator(central, "D3", total_of="D1,D2"),
        committed=indicator(central, "A1", type=IndicatorType.MONEY, currency="USD"),
        disbursed=indicator(central, "A2", type=IndicatorType.MONEY, currency="USD"),
        share=indicator(
            central, "R1", type=IndicatorType.PERCENTAGE, aggregation=Aggregation.AVERAGE
        ),
        narrative=indicator(
            central, "N1", type=IndicatorType.LONG_TEXT, aggregation=Aggregation.NONE
        ),
    )
    design = form_with(central, "HALF", list(vars(items).values()), published=False, sections=2)
    design.version.sections.filter(order=2).update(kind="narrative")
    from amity.reporting.models import SectionItem

    SectionItem.objects.filter(indicator__in=[items.narrative, items.share]).update(required=False)
    ValidationRule.objects.create(
        form_version=design.version,
        left=items.disbursed,
        operator=Operator.LTE,
        right=items.committed,
        severity=Severity.HARD,
        message="Giải ngân không vượt cam kết",
    )
    ValidationRule.objects.create(
        form_version=design.version,
        kind=RuleKind.PREVIOUS_PERIOD,
        left=items.partners,
        max_change_percent=50,
        severity=Severity.SOFT,
        message="Số đối tác thay đổi quá 50%",
    )
    design.version.status = "published"
    design.version.save()
    design.items = items
    design.h1_2024 = period(design.form, 2024, 1, deadline=date(2024, 7, 15))
    design.h2_2024 = period(design.form, 2024, 2, deadline=date(2025, 1, 15))
    design.h1 = period(design.form, 2025, 1, deadline=date(2999, 7, 15))
    return design


def filled(items, **overrides):
    """Raw entries of a complete, valid submission (the partners keep the system's figure)."""
    values = {
        "delegations_in": "3",
        "delegations_out": "4",
        "committed": "1000",
        "disbursed": "800",
    }
    values.update(overrides)
    return {getattr(items, name).pk: raw for name, raw in values.items()}


@pytest.fixture(autouse=True)
def in_english(client, settings):
    """Messages and pages in English (the default language is Vietnamese)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
