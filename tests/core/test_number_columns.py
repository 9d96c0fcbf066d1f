"""Figures in lists are grouped in the page's language (issue 16, "numbers ... everywhere"):
1.234.567 in Vietnamese, 1,234,567 in English, through `core.tables.NumberColumn`, which every
number field of a table's model gets unless it is a year, a code or an order (never grouped)."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import models
from django.urls import reverse

from amity.aid.models import Budget, Transaction
from amity.aid.tables import BudgetTable, TransactionTable
from amity.core.tables import NumberColumn
from amity.organizations.models import StaffingRecord
from amity.organizations.tables import StaffingRecordTable
from tests.aid.test_models_generic import activity

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "field, is_figure",
    [
        (models.PositiveIntegerField(name="attendees"), True),
        (models.DecimalField(name="value_usd", max_digits=18, decimal_places=2), True),
        (models.FloatField(name="share"), True),
        (models.PositiveSmallIntegerField(name="year"), False),
        (models.PositiveSmallIntegerField(name="birth_year"), False),
        (models.PositiveSmallIntegerField(name="number"), False),
        (models.PositiveSmallIntegerField(name="version_number"), False),
        (models.PositiveSmallIntegerField(name="order"), False),
        (models.IntegerField(name="level", choices=[(1, "one")]), False),
        (models.AutoField(name="id", primary_key=True), False),
        (models.CharField(name="amount"), False),
    ],
)
def test_a_number_field_is_a_figure_unless_a_year_a_code_or_an_order(field, is_figure):
    column = NumberColumn.from_field(field)
    assert isinstance(column, NumberColumn) is is_figure


def test_the_tables_columns_are_chosen_by_field():
    assert type(BudgetTable.base_columns["value"]) is NumberColumn
    assert type(TransactionTable.base_columns["value_usd"]) is NumberColumn  # declared
    assert type(StaffingRecordTable.base_columns["quota"]) is NumberColumn
    assert type(StaffingRecordTable.base_columns["vacancies"]) is NumberColumn  # a property
    assert type(StaffingRecordTable.base_columns["year"]) is not NumberColumn


@pytest.fixture
def spending(orgs):
    made = activity(orgs.hanoi, 7)
    Budget.objects.create(
        activity=made,
        period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31),
        value=Decimal("1234567"),
        currency="USD",
        value_date=date(2022, 1, 1),
    )
    Transaction.objects.create(
        activity=made,
        transaction_type="3",
        date=date(2022, 5, 1),
        value=Decimal("1234567.50"),
        currency="USD",
        value_usd=Decimal("1234567.50"),
        value_vnd=Decimal("31000000000"),
    )
    StaffingRecord.objects.create(
        organization=orgs.hanoi, year=2025, quota=1200, full_time_staff=1050, part_time_staff=7
    )
    return made


def figures(client, url, language) -> list[str]:
    """The cells of the list's figures (right-aligned, never wrapped), as the page shows them."""
    page = client.get(url, {"lang": language})
    assert page.status_code == 200
    cell = r'<td class="[^"]*\btext-end text-nowrap">([^<]*)</td>'
    return re.findall(cell, page.content.decode())


@pytest.mark.parametrize(
    "language, budget, transaction, vnd, staff",
    [
        ("vi", "1.234.567", "1.234.567,50", "31.000.000.000", ["1.200", "1.050", "7", "150"]),
        ("en", "1,234,567", "1,234,567.50", "31,000,000,000", ["1,200", "1,050", "7", "150"]),
    ],
)
def test_lists_group_figures_in_the_pages_language(
    client, login, users, spending, language, budget, transaction, vnd, staff
):
    login(users.hanoi)
    assert figures(client, reverse("aid:budget_list"), language) == [budget]
    assert figures(client, reverse("aid:transaction_list"), language) == [
        transaction,  # the value in its currency
        transaction,  # in USD
        vnd,
    ]
    # quota, full-time, part-time, vacancies; the year beside them is not a figure
    assert figures(client, reverse("organizations:staffingrecord_list"), language) == staff
    page = client.get(reverse("organizations:staffingrecord_list"), {"lang": language})
    assert '<td class="text-nowrap">2025</td>' in page.content.decode()


def test_an_export_keeps_the_figures_as_numbers(client, login, users, spending):
    login(users.hanoi)
    export = client.get(reverse("aid:budget_list"), {"export": "csv"})
    assert export.status_code == 200
    text = export.content.decode("utf-8-sig")
    assert "1234567" in text
    assert "1.234.567" not in text
