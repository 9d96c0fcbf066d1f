"""The lists' rows are rendered in Python (BaseTable.rendered_rows): the same HTML as
django-tables2's own template, for every table of every app, in both languages."""

import re
from datetime import date

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from amity.core.views import ModelViews
from amity.geo.models import Country
from amity.partners.models import (
    Contact,
    FollowUp,
    Interaction,
    NgoRegistration,
    Partner,
    RelationshipHolder,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(orgs, users):
    partner = Partner.objects.create(
        kind="ngo",
        name="Friends <of> Viet Nam & Co",
        name_vi="Bạn bè Việt Nam",
        acronym="FVN",
        country=Country.objects.get(code="FR"),
        strength=4,
        status="active",
    )
    RelationshipHolder.objects.create(partner=partner, organization=orgs.hanoi)
    Contact.objects.create(partner=partner, full_name="Marie Curie", email="marie@example.org")
    NgoRegistration.objects.create(
        partner=partner,
        registration_type="operation",
        number="12/GĐK",
        issuing_authority="PACCOM",
        issued_on=date(2024, 1, 2),
        expires_on=date(2029, 1, 2),
    )
    meeting = Interaction.objects.create(
        partner=partner, organization=orgs.hanoi, occurred_on=date(2026, 3, 4), kind="meeting"
    )
    FollowUp.objects.create(interaction=meeting, action="Send the report", state="open")
    Partner.objects.create(kind="embassy", name="Empty fields")  # empty values use the default
    return users.central


def tbody(html):
    body = re.search(r"<tbody.*?</tbody>", html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", body)).strip()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_table_renders_its_rows_as_django_tables2_does(records, language):
    request = RequestFactory().get("/")
    request.user = records
    compared = 0
    with translation.override(language):
        for plural, views in sorted(ModelViews.registry().items()):
            if views.table is None:
                continue
            rows = views.model.objects.visible_to(records)
            html = []
            for template in ("core/table.html", "django_tables2/bootstrap5-responsive.html"):
                table = views.table(rows)
                table.paginate(per_page=25)
                html.append(render_to_string(template, {"table": table}, request))
            fast, slow = html
            assert tbody(fast) == tbody(slow), plural
            compared += rows.exists()
    assert compared >= 8  # organizations and every partner table had rows to compare
