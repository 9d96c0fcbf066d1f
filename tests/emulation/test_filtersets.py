"""Each filter of the emulation lists narrows the list as it says, on the page and in the API
(`tests.filtersets`); the filters of each area's lists are tested beside that area."""

from datetime import date

from amity.emulation.models import Regulation
from tests.emulation import test_models_generic as generic
from tests.filtersets import Case, FilterSetTestCase


def in_force_case(self, orgs, a, b):
    """A version that ended before the day is not in force on it; one still open is."""
    Regulation.all_objects.filter(pk=a.pk).update(
        effective_from=date(2020, 1, 1), effective_to=None
    )
    Regulation.all_objects.filter(pk=b.pk).update(
        effective_from=date(2020, 1, 1), effective_to=date(2025, 12, 31)
    )
    return Case({"in_force_on": "2026-03-01"}, [a])


class TestRegulationFilters(FilterSetTestCase):
    model_case = generic.TestRegulation
    cases = {"in_force_on": in_force_case}
    not_filtered = {
        "effective_from": "read through in_force_on: the versions in force on a day",
        "effective_to": "read through in_force_on: the versions in force on a day",
    }
