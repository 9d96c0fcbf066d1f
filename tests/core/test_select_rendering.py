"""Select lists are rendered in Python (core.forms.render_select): the same HTML as Django's."""

import re
from types import MethodType

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from amity.core.forms import render_select

CHOICES = [("", "---------"), ("vn", "Việt Nam"), ("fr", "France <&> “Pháp”"), (3, "Ba")]
GROUPED = [("", "—"), ("Asia", [("vn", "Việt Nam"), ("la", "Lào")]), ("Europe", [("fr", "Pháp")])]


def normalised(html):
    # Django's templates put whitespace and newlines between tags; the content is what counts.
    return re.sub(r">\s+<", "><", str(html)).strip()


@pytest.mark.parametrize(
    ("widget", "value"),
    [
        (forms.Select(choices=CHOICES), "fr"),
        (forms.Select(choices=CHOICES), None),
        (forms.Select(choices=CHOICES, attrs={"class": "form-select", "disabled": True}), 3),
        (forms.Select(choices=CHOICES + [("fr", "France again")]), "fr"),
        (forms.SelectMultiple(choices=CHOICES), ["vn", "3"]),
        (forms.Select(choices=GROUPED), "la"),
        (forms.SelectMultiple(choices=GROUPED), ["la", "fr"]),
        (forms.NullBooleanSelect(), True),
    ],
)
def test_render_select_gives_the_html_django_gives(widget, value):
    attrs = {"id": "id_country", "required": True}
    expected = widget.render("country", value, attrs, renderer=DjangoTemplates())
    fast = MethodType(render_select, widget)("country", value, attrs)
    assert normalised(fast) == normalised(expected)


@pytest.mark.django_db
def test_choice_lists_of_records_are_read_in_one_query_each(users):
    # Django reads a choice list through queryset.iterator(): a server-side cursor on
    # PostgreSQL, three round trips a list. The styled forms read each list in one query.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from amity.core.forms import style_widgets
    from amity.partners.filtersets import PartnerFilterSet
    from amity.partners.models import Partner

    chosen = {"holder": str(users.hanoi.organization_id)}
    filterset = PartnerFilterSet(
        chosen, queryset=Partner.objects.none(), request=_request(users.hanoi)
    )
    form = filterset.form
    style_widgets(form)  # again, as some views do: still one query
    with CaptureQueriesContext(connection) as context:
        html = str(form["holder"])
    assert [query["sql"] for query in context.captured_queries if "DECLARE" in query["sql"]] == []
    # the list, and the chosen record looked up to check the value
    lists = [query["sql"] for query in context.captured_queries if "LIMIT" not in query["sql"]]
    assert len(lists) == 1
    # the list offers what the API lists (the others come as one types): the chosen one only
    offered = re.findall(r'<option value="(\d+)"', html)
    assert offered == [str(users.hanoi.organization_id)]
    assert 'data-options-url="/api/organizations/organizations/"' in html
    assert f'value="{users.hanoi.organization_id}" selected' in html


def _request(user):
    from types import SimpleNamespace

    return SimpleNamespace(user=user)
