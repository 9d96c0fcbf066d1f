"""Each filter of the orientations' lists narrows the list as it says, on the page and in the
API (`tests.filtersets`)."""

from amity.documents.models import Recipient
from amity.geo.models import Country
from amity.partners.models import FieldOfWork
from tests.documents.orientations import test_models_generic as generic
from tests.filtersets import Case, FilterSetTestCase


def country_case(self, orgs, a, b):
    """An orientation is found by any of the countries it is for."""
    laos, cuba = Country.objects.get(code="LA"), Country.objects.get(code="CU")
    a.countries.set([laos, cuba])
    b.countries.set([Country.objects.get(code="FR")])
    return Case({"country": str(cuba.pk)}, [a])


def field_case(self, orgs, a, b):
    first, second = FieldOfWork.objects.order_by("pk")[:2]
    a.fields_of_work.set([first])
    b.fields_of_work.set([second])
    return Case({"field_of_work": str(first.pk)}, [a])


def acknowledged_case(self, orgs, a, b):
    """Acknowledged: those with a day of acknowledgement."""
    Recipient.all_objects.filter(pk=b.pk).update(acknowledged_on=None, acknowledged_by="")
    return Case({"acknowledged": "true"}, [a])


class TestOrientationFilters(FilterSetTestCase):
    model_case = generic.TestOrientation
    cases = {"country": country_case, "field_of_work": field_case}


class TestTaskFilters(FilterSetTestCase):
    model_case = generic.TestOrientationTask


class TestRecipientFilters(FilterSetTestCase):
    model_case = generic.TestRecipient
    cases = {"acknowledged": acknowledged_case}


class TestTaskReportFilters(FilterSetTestCase):
    model_case = generic.TestTaskReport


class TestEvidenceFilters(FilterSetTestCase):
    model_case = generic.TestEvidence
