"""How the overview's figures and table cells are written on the page."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def cell(value):
    """A table's cell: a number grouped as the language writes it (whole unless it has a
    fraction worth showing), a text as it is, nothing as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, float | Decimal) and value != int(value) and abs(value) < 1000:
        return floatformat(value, "1g")
    return floatformat(value, "0g")


@register.filter
def figure(value, unit=""):
    """A headline figure: a rate with one decimal and "%", an amount grouped."""
    if value is None:
        return "—"
    if unit == "%":
        return f"{floatformat(value, '1g')}%"
    return floatformat(value, "0g")
