"""A unit officer works with the centre's exchange rates (issue 14, item 14)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from tests.aid.test_aid import activity, flow, ngo, rate

from amity.aid.models import Rate
from amity.core.scoping import Scope, ScopedQuerySet

pytestmark = pytest.mark.django_db


def test_a_unit_officer_sees_the_central_rates_and_its_figures_are_converted_with_them(
    client, orgs, users, login, english
):
    central_eur = rate(orgs.central, "EUR", date(2020, 1, 1), usd=Decimal("1.10"))
    central_usd = rate(orgs.central, "USD", date(2020, 1, 1), vnd=Decimal("25000"))
    own = rate(orgs.hanoi, "JPY", date(2020, 1, 1), usd=Decimal("0.0070"))
    theirs = rate(orgs.danang, "EUR", date(2020, 6, 1), usd=Decimal("9.99"))
    mine = activity(orgs.hanoi, "R-1", ngo("Euro Friends", "FR"))
    flow(mine, "2", date(2021, 3, 1), "1000", "EUR")
    flow(mine, "3", date(2021, 4, 1), "500", "EUR")

    visible = set(Rate.objects.visible_to(users.hanoi))
    assert visible == {central_eur, central_usd, own}
    assert theirs not in visible

    login(users.hanoi)
    listed = client.get(reverse("aid:rate_list"))
    assert {row.pk for row in listed.context["table"].data} == {
        central_eur.pk,
        central_usd.pk,
        own.pk,
    }
    api = client.get("/api/aid/rates/").json()
    assert sorted(item["id"] for item in api["results"]) == sorted(
        [central_eur.pk, central_usd.pk, own.pk]
    )
    assert client.get(reverse("aid:rate", args=[central_eur.pk])).status_code == 200
    assert client.get(reverse("aid:rate", args=[theirs.pk])).status_code == 404

    totals = client.get(reverse("aid:statistics")).context["figures"]["totals"]
    assert totals["unconverted"] == 0
    assert totals["problems"] == []
    assert totals["committed_usd"] == Decimal("1100.00")
    assert totals["disbursed_usd"] == Decimal("550.00")


def test_every_model_that_declares_a_scope_is_read_through_it():
    """A declared scope decides nothing unless the model's managers read it (Rate lost its
    manager once, and with it every central rate for the Unions)."""
    from django.apps import apps

    scoped = [
        model for model in apps.get_models() if isinstance(getattr(model, "scope", None), Scope)
    ]
    assert Rate in scoped and Rate.scope.above
    unread = [
        model.__name__
        for model in scoped
        for manager in (model.objects, model.all_objects)
        if not issubclass(manager._queryset_class, ScopedQuerySet)
    ]
    assert unread == []
