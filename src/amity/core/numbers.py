"""Numbers in the active language: 1.525.971,5 in Vietnamese, 1,525,971.5 in English.

Django groups thousands only under USE_THOUSAND_SEPARATOR, which would group every number a
template prints, ids in addresses and years among them ("/partners/1.234/", "2.025"); Amity
groups the figures it shows as figures, through `local_number` and the `number` filter, and
reads them back as people type them (`read_local_number`).
"""

import re
from decimal import Decimal, InvalidOperation

from django.utils import formats

#: a figure written plainly, as Python and the database give it: -1525971.50
PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def local_number(value, decimal_places: int | None = None) -> str:
    """`value` with the active language's separators and its thousands grouped. A numeric
    string (as a report stores a figure) is formatted too; any other text is given back."""
    if isinstance(value, str):
        text = value.strip()
        if not PLAIN_NUMBER.match(text):
            return value
        value = Decimal(text)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return "" if value is None else str(value)
    if isinstance(value, Decimal) and decimal_places is None and value == value.to_integral():
        value = value.quantize(Decimal(1))  # 1525971, not 1525971,00 nor 1.525971E+6
    return formats.number_format(value, decimal_places, use_l10n=True, force_grouping=True)


def read_local_number(raw):
    """What a person typed in a number box, as a plain figure ("1525971.5") that Django's
    number fields read: the active language's grouping and decimal mark are understood
    ("1.525.971" and "1.525.971,5" in Vietnamese, "1,525,971.5" in English), so is a plain
    figure with a point. Anything else is given back as typed, for the field's own error."""
    if not isinstance(raw, str):
        return raw
    text = raw.strip().replace("\u00a0", "").replace(" ", "")
    decimal_mark = formats.get_format("DECIMAL_SEPARATOR")
    thousands = formats.get_format("THOUSAND_SEPARATOR")
    grouped = re.compile(
        rf"^-?\d{{1,3}}({re.escape(thousands)}\d{{3}})+({re.escape(decimal_mark)}\d+)?$"
    )
    if grouped.match(text):
        text = text.replace(thousands, "").replace(decimal_mark, ".")
    elif text.count(decimal_mark) == 1 and thousands not in text:
        text = text.replace(decimal_mark, ".")
    if not PLAIN_NUMBER.match(text):
        return raw
    try:
        Decimal(text)
    except InvalidOperation:
        return raw
    return text
