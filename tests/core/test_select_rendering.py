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
