"""Each filter of the partner database's lists narrows them as it says."""

from datetime import date, timedelta

from django.urls import reverse

from amity.geo.models import Country
from amity.organizations.models import Person
from amity.partners import models, views
from amity.partners.choices import FollowUpState, PartnerStatus
from tests.filtersets import Case, FilterSetTestCase
from tests.partners import test_models_generic as generic

TODAY = date.today()


def set_partner(record, **values):
    models.Partner.all_objects.filter(pk=record.pk).update(**values)


def country_case(self, orgs, a, b):
    laos, cuba = Country.objects.get(code="LA"), Country.objects.get(code="CU")
    set_partner(a, country=laos)
    set_partner(b, country=cuba)
    return Case({"country": laos.pk}, [a])


def region_case(self, orgs, a, b):
    laos, cuba = Country.objects.get(code="LA"), Country.objects.get(code="CU")
    assert laos.region != cuba.region
    set_partner(a, country=laos)
    set_partner(b, country=cuba)
    return Case({"region": laos.region}, [a])


def field_case(self, orgs, a, b):
    health, education = models.FieldOfWork.objects.all()[:2]
    a.fields.add(health, education)  # listed once, not twice
    b.fields.add(education)
    return Case({"field": health.pk}, [a])


def holder_case(self, orgs, a, b):
    models.RelationshipHolder.objects.create(partner=a, organization=orgs.hanoi_member)
    return Case({"holder": orgs.hanoi.pk}, [a])  # a is held by Ha Noi and its member: once


def dormant_case(self, orgs, a, b):
    set_partner(a, status=PartnerStatus.ACTIVE, last_contact_on=date(2000, 1, 1))
    set_partner(b, status=PartnerStatus.ACTIVE, last_contact_on=TODAY)
    return Case({"dormant": "true"}, [a])


def held_case(self, orgs, a, b):
    # "held by my organization": the Department of the central user holds none; Ha Noi's does
    models.RelationshipHolder.objects.create(partner=b, organization=orgs.department)
    return Case({"held": "true"}, [b])


def tag_case(self, orgs, a, b):
    set_partner(a, tags="education, Youth")
    set_partner(b, tags="health")
    return Case({"tag": "youth"}, [a])


def search_case(self, orgs, a, b):
    record = models.Partner.all_objects.get(pk=a.pk)
    record.name = "Zanzibar Friendship Society"
    record.save()
    return Case({"q": "zanzibar"}, [a])


class TestPartnerFilters(FilterSetTestCase):
    model_case = generic.TestPartner
    cases = {
        "country": country_case,
        "region": region_case,
        "field": field_case,
        "holder": holder_case,
        "dormant": dormant_case,
        "held": held_case,
        "tag": tag_case,
        "q": search_case,
    }
    not_filtered = {
        "relationship_since": "a date of history, read on the partner's page",
        "last_contact_on": "`dormant` is the filter a list of partners needs of it",
    }


class TestRelationshipHolderFilters(FilterSetTestCase):
    model_case = generic.TestRelationshipHolder
    not_filtered = {"since": "a date of history, read on the record"}


class TestContactFilters(FilterSetTestCase):
    model_case = generic.TestContact


def expiring_case(self, orgs, a, b):
    models.NgoRegistration.all_objects.filter(pk=a.pk).update(expires_on=TODAY + timedelta(30))
    models.NgoRegistration.all_objects.filter(pk=b.pk).update(expires_on=TODAY + timedelta(400))
    return Case({"expiring": "true"}, [a])


class TestNgoRegistrationFilters(FilterSetTestCase):
    model_case = generic.TestNgoRegistration
    cases = {"expiring": expiring_case}
    not_filtered = {"issued_on": "`expires_before` and `expiring` are what officers look for"}


class TestInteractionFilters(FilterSetTestCase):
    model_case = generic.TestInteraction


def set_follow_up(record, **values):
    models.FollowUp.all_objects.filter(pk=record.pk).update(**values)


def due_case(self, orgs, a, b):
    set_follow_up(a, state=FollowUpState.OPEN, due_on=TODAY + timedelta(7))
    set_follow_up(b, state=FollowUpState.OPEN, due_on=TODAY + timedelta(60))
    return Case({"due": "true"}, [a])


def overdue_case(self, orgs, a, b):
    set_follow_up(a, state=FollowUpState.OPEN, due_on=TODAY - timedelta(1))
    set_follow_up(b, state=FollowUpState.DONE, due_on=TODAY - timedelta(1))  # done: not overdue
    return Case({"overdue": "true"}, [a])


class TestFollowUpFilters(FilterSetTestCase):
    model_case = generic.TestFollowUp
    cases = {"due": due_case, "overdue": overdue_case}
    links = {
        "owner": lambda record: Person.objects.create(
            full_name="Lê Văn Bình", organization=record.interaction.organization
        )
    }


class FieldOfWorkRecords:
    """Fields of work are reference data (a migration loads them): no generic test class."""

    views = views.FieldOfWorkViews
    api_url = "/api/partners/fields-of-work/"

    def url(self, action=""):
        return reverse(self.views.url_name(action))


class TestFieldOfWorkFilters(FilterSetTestCase):
    model_case = FieldOfWorkRecords

    def pair(self, orgs):
        # a DAC sector group and one of the federation's own fields
        kinds = models.FieldOfWork.objects.order_by("kind").values_list("kind", flat=True)
        first, last = kinds.first(), kinds.last()
        return (
            models.FieldOfWork.objects.filter(kind=first).first(),
            models.FieldOfWork.objects.filter(kind=last).first(),
        )
