"""`{{ value|number }}`: a figure in the active language, thousands grouped (core.numbers)."""

from django import template

from amity.core.numbers import local_number

register = template.Library()


@register.filter
def number(value, decimal_places=None):
    """`{{ amount|number }}` → 1.525.971 (vi) or 1,525,971 (en); `{{ share|number:2 }}` keeps
    two decimals. Text that is not a figure is shown as it is."""
    places = int(decimal_places) if decimal_places not in (None, "") else None
    return local_number(value, places)
