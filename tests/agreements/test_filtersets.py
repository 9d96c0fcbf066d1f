"""Each filter of the agreements lists narrows the list as it says, on the page and in the API
(`tests.filtersets`)."""

from datetime import date, timedelta

from amity.agreements.models import Agreement
from amity.geo.models import Country, Province
from amity.organizations.models import Person
from tests.agreements import builders as build
from tests.agreements import test_models_generic as generic
from tests.filtersets import Case, FilterSetTestCase


def party_case(self, orgs, a, b):
    """An organization is a party as the lead one or as another."""
    a.other_organizations.add(orgs.hanoi_member)
    return Case({"party": orgs.hanoi_member.pk}, [a])


def partner_case(self, orgs, a, b):
    fund = build.partner(orgs.hanoi, 50)
    a.partners.add(fund)
    b.partners.add(build.partner(orgs.danang, 51))
    return Case({"partner": fund.pk}, [a])


def agency_case(self, orgs, a, b):
    ministry = build.agency(orgs.central, 50)
    a.agencies.add(ministry)
    return Case({"agency": ministry.pk}, [a])


def country_case(self, orgs, a, b):
    laos, japan = Country.objects.get(code="LA"), Country.objects.get(code="JP")
    a.partners.add(build.partner(orgs.hanoi, 52, country=laos))
    b.partners.add(build.partner(orgs.danang, 53, country=japan))
    return Case({"country": laos.pk}, [a])


def expiring_case(self, orgs, a, b):
    """Only a running agreement expires: both are made signed, one within the days."""
    for record, days in ((a, 20), (b, 200)):
        build.signed_file(record)
        Agreement.all_objects.filter(pk=record.pk).update(
            status="in_force",
            signed_on=build.TODAY - timedelta(days=5),
            ends_on=build.TODAY + timedelta(days=days),
        )
    return Case({"expiring_within": "30"}, [a])


def signed_year_case(self, orgs, a, b):
    Agreement.all_objects.filter(pk=a.pk).update(signed_on=date(2021, 5, 1))
    Agreement.all_objects.filter(pk=b.pk).update(signed_on=date(2023, 5, 1))
    return Case({"signed_year": "2021"}, [a])


class TestVietnameseAgencyFilters(FilterSetTestCase):
    model_case = generic.TestVietnameseAgency
    links = {"province": lambda agency: Province.objects.current().order_by("code").first()}


class TestAgreementFilters(FilterSetTestCase):
    model_case = generic.TestAgreement
    cases = {
        "party": party_case,
        "partner": partner_case,
        "agency": agency_case,
        "country": country_case,
        "expiring_within": expiring_case,
        "signed_year": signed_year_case,
    }
    not_filtered = {
        "starts_on": "the lists read the signing and the expiry; the start rarely differs",
    }


class TestSignerFilters(FilterSetTestCase):
    model_case = generic.TestSigner


class TestAgreementFileFilters(FilterSetTestCase):
    model_case = generic.TestAgreementFile


class TestReviewFilters(FilterSetTestCase):
    model_case = generic.TestReview
    not_filtered = {"held_on": "a review is looked for by its date"}


class TestCommitmentFilters(FilterSetTestCase):
    model_case = generic.TestCommitment
    not_filtered = {"done_on": "a commitment is looked for by its due date and status"}
    links = {
        "person": lambda commitment: Person.objects.create(
            organization=commitment.organization, full_name="Trần Thị Bình"
        )
    }
