"""The lists' rows are rendered in Python (BaseTable.rendered_rows): the same HTML as
django-tables2's own template, for every table of every app, in both languages."""

import re
from datetime import date, timedelta

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from amity.core.tables import _choice_labels
from amity.core.views import ModelViews
from amity.documents.models import RegisterEntry
from amity.geo.models import Country
from amity.partners.models import (
    Contact,
    FollowUp,
    Interaction,
    NgoRegistration,
    Partner,
    RelationshipHolder,
)
from amity.proposals.models import Proposal, Topic

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
    # a proposal's row: choices' labels, dates, its link, an overdue row's class, and a title
    # and an addressee that must be escaped
    orgs.department.name = "Ban <b>Đối ngoại</b> & Lễ tân"
    orgs.department.save()
    for number, (status, due_on) in enumerate(
        [("in_progress", date.today() - timedelta(days=3)), ("done", None)]
    ):
        Proposal.objects.create(
            organization=orgs.hanoi,
            raised_on=date(2024, 4, 19),
            source="letter",
            topic=Topic.objects.get(code="charter"),
            title=f"<script>alert({number})</script> & “quotes”",
            text="…",
            addressed_to=orgs.department,
            status=status,
            answer_state="" if number else "draft",
            due_on=due_on,
        )
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


def test_the_proposals_table_is_rendered_in_python_and_escaped(records):
    # every column of the proposals list takes the fast path (no cell left to django-tables2)
    from amity.proposals.tables import ProposalTable

    table = ProposalTable(Proposal.objects.all())
    table.paginate(per_page=25)
    with translation.override("vi"):
        plans = {column.name: table._plan(column) for column in table.columns}
        html = "".join(table.rendered_rows())
    assert [name for name, plan in plans.items() if plan is None] == []
    assert "<script>" not in html and "<b>" not in html
    assert html.count("&lt;script&gt;alert(") == 2
    assert "Ban &lt;b&gt;Đối ngoại&lt;/b&gt; &amp; Lễ tân" in html
    assert "Đang thực hiện" in html and "Chưa có trả lời" in html  # the labels, in Vietnamese
    assert html.count('class="table-danger') == 1  # the overdue one
    first = Proposal.objects.order_by("-raised_on", "-id").first()
    assert f'<a href="/proposals/proposals/{first.pk}/">' in html


@pytest.mark.parametrize(("language", "label"), [("vi", "Đang thực hiện"), ("en", "In progress")])
def test_choice_labels_are_read_once_a_page_in_its_language(db, language, label):
    with translation.override(language):
        labels = _choice_labels(Proposal, "status")
    assert labels["in_progress"] == label
    assert _choice_labels(Proposal, "title") is None  # no choices
    assert _choice_labels(Proposal, "topic__name") is None  # not a field
    # a model that shows a field's choices its own way keeps its method
    assert _choice_labels(RegisterEntry, "document_type") == "get_document_type_display"
