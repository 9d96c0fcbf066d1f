"""Each filter of the events' lists narrows them as it says."""

from amity.events import models
from amity.geo.models import Country
from amity.partners.models import Partner
from tests.events import test_models_generic as generic
from tests.events.factories import person
from tests.filtersets import Case, FilterSetTestCase


def co_organizer_case(self, orgs, a, b):
    a.co_organizers.add(orgs.hanoi_member, orgs.department)  # listed once, not twice
    b.co_organizers.add(orgs.central)
    return Case({"co_organizer": orgs.hanoi_member.pk}, [a])


def country_case(self, orgs, a, b):
    laos, cuba = Country.objects.get(code="LA"), Country.objects.get(code="CU")
    a.countries.add(laos, cuba)
    b.countries.add(cuba)
    return Case({"country": laos.pk}, [a])


def partner_case(self, orgs, a, b):
    ours = Partner.objects.create(kind="ngo", name="Friends of Viet Nam")
    theirs = Partner.objects.create(kind="ngo", name="Pacific Links")
    a.partners.add(ours)
    b.partners.add(theirs)
    return Case({"partner": ours.pk}, [a])


class TestEventFilters(FilterSetTestCase):
    model_case = generic.TestEvent
    cases = {"co_organizer": co_organizer_case, "country": country_case, "partner": partner_case}
    not_filtered = {
        "end": "events are found by their start; the end is at most a few days later",
        "province": "an event is found by its host organization, which has the province",
    }


class TestBridgePointFilters(FilterSetTestCase):
    model_case = generic.TestBridgePoint
    not_filtered = {"chair": "the chair is read on the bridge point; people have their own list"}


def bridge_point(record):
    return models.BridgePoint.objects.create(
        event=record.event, organization=record.event.organization
    )


def participant_person_case(self, orgs, a, b):
    """A participant is a person of the registry, a partner's contact or a guest: one only."""
    who = person(orgs.hanoi)
    models.Participant.objects.filter(pk=a.pk).update(person=who, guest_name="")
    return Case({"person": who.pk}, [a])


def participant_contact_case(self, orgs, a, b):
    who = contact(a)
    models.Participant.objects.filter(pk=a.pk).update(contact=who, guest_name="")
    return Case({"contact": who.pk}, [a])


class TestParticipantFilters(FilterSetTestCase):
    model_case = generic.TestParticipant
    cases = {"person": participant_person_case, "contact": participant_contact_case}
    links = {"bridge_point": bridge_point}


def contact(record):
    from amity.partners.models import Contact

    partner = Partner.objects.create(kind="ngo", name="Friends of Viet Nam")
    return Contact.objects.create(partner=partner, full_name="Jane Doe")


def topic(record):
    return models.Topic.objects.create(event=record.event, number=1, title_vi="Chủ đề")


class TestTopicFilters(FilterSetTestCase):
    model_case = generic.TestTopic


class TestSessionFilters(FilterSetTestCase):
    model_case = generic.TestSession
    links = {"topic": topic}


class TestPresentationFilters(FilterSetTestCase):
    model_case = generic.TestPresentation
    links = {
        "topic": topic,
        "session": lambda record: models.Session.objects.create(event=record.event, title="Phiên"),
        "speaker": lambda record: models.Participant.objects.create(
            event=record.event, guest_name="Khách"
        ),
    }


class TestEventDocumentFilters(FilterSetTestCase):
    model_case = generic.TestEventDocument
