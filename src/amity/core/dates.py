"""The dates Amity accepts, and date arithmetic that never fails on a stored record.

Every date a person, an import or the API gives (a DateField or DateTimeField of any model) lies
between FIRST_DATE and LAST_DATE, 1 January 1900 to 31 December 2200:

- the lower bound is below anything the federation records: its oldest organizations and
  relations date from the 1940s and 1950s, a person's year of birth already starts at 1900, and
  the year of a reporting period, of an aid statistic or of the calendar's month too;
- the upper bound leaves room for any plan, term or registration, while every date derived from
  an accepted one (a congress's term of at most 10 years, a period's days of grace, a calendar's
  following day) stays thousands of years inside Python's range (year 9999), so that the
  arithmetic on an accepted date cannot overflow.

A date outside them (9999-12-31 typed for 31/12/2025, 0001-01-01 from a spreadsheet) is refused
with a field error: `BaseModel.clean_fields` checks every date field of every model, so forms and
imports refuse it, and the API's serializer runs the same check (`date_bound_errors`).

Records stored before the bounds, or written around them, may still hold such a date: what is
computed from a stored date uses `add_years` and `add_days`, which answer None rather than raise.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_YEAR = 1900
MAX_YEAR = 2200
FIRST_DATE = dt.date(MIN_YEAR, 1, 1)
LAST_DATE = dt.date(MAX_YEAR, 12, 31)

OUT_OF_BOUNDS = _("Enter a date between %(first)s and %(last)s.")


def in_bounds(value: dt.date | dt.datetime | None) -> bool:
    """True for a date (or date and time) Amity accepts, and for no date at all."""
    if not isinstance(value, dt.date):  # no date, or one that its field's own check refuses
        return True
    if isinstance(value, dt.datetime):
        # The year is read as written: converting 0001-01-01 00:00 to another zone overflows.
        value = value.date()
    return FIRST_DATE <= value <= LAST_DATE


def validate_date_in_bounds(value) -> None:
    """A validator of form, serializer and model fields: refuses a date outside the bounds."""
    if not in_bounds(value):
        raise ValidationError(
            OUT_OF_BOUNDS,
            code="date_out_of_bounds",
            params={"first": f"{FIRST_DATE:%d/%m/%Y}", "last": f"{LAST_DATE:%d/%m/%Y}"},
        )


def date_bound_errors(instance: models.Model, names=None, exclude=()) -> dict[str, list]:
    """Field name → errors, for each date field of `instance` (among `names` when given, less
    `exclude`) whose value is outside the bounds."""
    errors = {}
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.DateField):  # DateTimeField is one too
            continue
        if field.name in exclude or (names is not None and field.name not in names):
            continue
        try:
            validate_date_in_bounds(getattr(instance, field.attname))
        except ValidationError as error:
            errors[field.name] = error.error_list
    return errors


def add_years(day: dt.date | None, years: int) -> dt.date | None:
    """`day` moved by whole `years`, 29 February falling on the 28th in a common year; None for
    no day or when the result would be beyond the calendar Python knows (after 9999)."""
    if day is None:
        return None
    year = day.year + years
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


def add_days(day, days: int):
    """`day` (a date or a datetime) moved by `days`; None for no day or beyond the calendar."""
    if day is None:
        return None
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None
