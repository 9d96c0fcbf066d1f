"""The numbers of a register: per organization, year and direction (an outgoing document's
number, an incoming one's arrival number), taken in the issuing transaction and never reused.

The counter row of (organization, year, direction) is read under `select_for_update`: on
PostgreSQL the second of two documents issued at once waits for the first's transaction and
reads the number it left; on SQLite a write transaction holds the whole database already. A
number typed by hand is skipped when the counter reaches it; the counter never goes back, so a
deleted entry's number is not given again.
"""

from django.db import transaction

from amity.documents.models.register import Direction, RegisterCounter, RegisterEntry


def take_number(organization, year: int, direction: str) -> int:
    """The next free number of `organization`'s register for `year` and `direction`, counted
    as given (the caller's transaction writes the entry with it, or gives it back by failing)."""
    field = "number" if direction == Direction.OUTGOING else "arrival_number"
    with transaction.atomic():
        counter, _created = RegisterCounter.objects.select_for_update().get_or_create(
            organization=organization, year=year, direction=direction
        )
        taken = set(
            RegisterEntry.all_objects.filter(
                organization=organization,
                year=year,
                direction=direction,
                **{f"{field}__gt": counter.last_number},
            ).values_list(field, flat=True)
        )
        number = counter.last_number + 1
        while number in taken:
            number += 1
        counter.last_number = number
        counter.save(update_fields=["last_number"])
    return number


def last_number(organization, year: int, direction: str) -> int:
    """The last number given (0 before the first), as the register page shows it."""
    counter = RegisterCounter.objects.filter(
        organization=organization, year=year, direction=direction
    ).first()
    return counter.last_number if counter else 0
