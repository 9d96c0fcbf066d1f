"""Each model of the partner database through the generic view, import/export and API tests."""

from datetime import date

from amity.geo.models import Country
from amity.partners import models, views
from amity.partners.choices import (
    FollowUpState,
    HolderRole,
    InteractionKind,
    PartnerKind,
    RegistrationType,
    Sensitivity,
)
from tests.generic import ModelTestCase

API = "/api/partners"


def held_partner(owner, index=0, **extra):
    """A restricted partner held by `owner`: visible and editable only within its scope."""
    partner = models.Partner.objects.create(
        kind=PartnerKind.NGO,
        name=f"Friendship Foundation {index}",
        sensitivity=Sensitivity.RESTRICTED,
        **extra,
    )
    models.RelationshipHolder.objects.create(partner=partner, organization=owner)
    return partner


def interaction(owner, index=0):
    return models.Interaction.objects.create(
        partner=held_partner(owner, index),
        organization=owner,
        occurred_on=date(2024, 1, 1),
        kind=InteractionKind.MEETING,
    )


class TestPartner(ModelTestCase):
    views = views.PartnerViews
    api_url = f"{API}/partners/"
    edit_field = "acronym"
    edit_value = "VUS"
    derived_fields = ("search_text",)
    bad_import = {"email": "not-an-email"}
    api_bad_data = {"kind": "alien"}

    def build(self, orgs, owner, index=0):
        return models.Partner(
            kind=PartnerKind.UNIVERSITY,
            name=f"University of Friendship {index}",
            sensitivity=Sensitivity.RESTRICTED,
        )

    def attach(self, record, owner):
        models.RelationshipHolder.objects.create(partner=record, organization=owner)

    def form_data(self, orgs):
        return {
            "kind": PartnerKind.NGO,
            "name": "Vietnam–USA Society",
            "name_vi": "Hội Việt – Mỹ",
            "country": Country.objects.get(code="US").pk,
            "status": "active",
            "sensitivity": Sensitivity.INTERNAL,
            "strength": 4,
            "website": "https://vietnam-usa.example.org",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "country": "US"}

    def expected(self, orgs):
        return {
            "kind": PartnerKind.NGO,
            "name": "Vietnam–USA Society",
            "country": Country.objects.get(code="US"),
            "strength": 4,
            "search_text": "vietnam usa society hoi viet my",
        }


class TestRelationshipHolder(ModelTestCase):
    views = views.RelationshipHolderViews
    api_url = f"{API}/relationship-holders/"
    edit_field = "role"
    edit_value = HolderRole.SUPPORTING
    bad_import = {"role": "boss"}
    api_bad_data = {"role": "boss"}

    def build(self, orgs, owner, index=0):
        partner = models.Partner.objects.create(kind=PartnerKind.MEDIA, name=f"Media {index}")
        return models.RelationshipHolder(partner=partner, organization=owner)

    def form_data(self, orgs):
        self.partner = getattr(self, "partner", None) or held_partner(orgs.hanoi_member, 90)
        return {
            "partner": self.partner.pk,
            "organization": orgs.hanoi.pk,
            "role": "lead",
            "since": "2020-01-01",
        }

    def expected(self, orgs):
        return {"partner": self.partner, "organization": orgs.hanoi, "since": date(2020, 1, 1)}


class TestContact(ModelTestCase):
    views = views.ContactViews
    api_url = f"{API}/contacts/"
    edit_field = "title"
    edit_value = "Country Director"
    bad_import = {"email": "nope"}
    api_bad_data = {"email": "nope"}

    def build(self, orgs, owner, index=0):
        return models.Contact(partner=held_partner(owner, index), full_name=f"Jane Doe {index}")

    def form_data(self, orgs):
        self.partner = getattr(self, "partner", None) or held_partner(orgs.hanoi, 91)
        return {
            "partner": self.partner.pk,
            "full_name": "John Smith",
            "is_current": True,
            "email": "john@example.org",
        }

    def expected(self, orgs):
        return {"partner": self.partner, "full_name": "John Smith", "is_current": True}


class TestNgoRegistration(ModelTestCase):
    views = views.NgoRegistrationViews
    api_url = f"{API}/ngo-registrations/"
    edit_field = "number"
    edit_value = "456/ĐK-PCP"
    bad_import = {"expires_on": "2000-01-01"}
    api_bad_data = {"expires_on": "2000-01-01"}

    def build(self, orgs, owner, index=0):
        return models.NgoRegistration(
            partner=held_partner(owner, index),
            registration_type=RegistrationType.OPERATION,
            number=f"{index}/ĐK",
            issued_on=date(2022, 1, 1),
            expires_on=date(2027, 1, 1),
        )

    def form_data(self, orgs):
        self.partner = getattr(self, "partner", None) or held_partner(orgs.hanoi, 92)
        return {
            "partner": self.partner.pk,
            "registration_type": RegistrationType.PROJECT_OFFICE,
            "number": "12/ĐK-PCP",
            "issued_on": "2023-03-01",
            "expires_on": "2028-03-01",
        }

    def expected(self, orgs):
        return {"partner": self.partner, "number": "12/ĐK-PCP", "expires_on": date(2028, 3, 1)}


class TestInteraction(ModelTestCase):
    views = views.InteractionViews
    api_url = f"{API}/interactions/"
    edit_field = "summary"
    edit_value = "Bàn kế hoạch hợp tác năm 2026"
    bad_import = {"occurred_on": "tomorrow"}
    api_bad_data = {"kind": "party"}

    def build(self, orgs, owner, index=0):
        return models.Interaction(
            partner=held_partner(owner, index),
            organization=owner,
            occurred_on=date(2024, 2, 2),
            kind=InteractionKind.VISIT,
        )

    def form_data(self, orgs):
        self.partner = getattr(self, "partner", None) or held_partner(orgs.hanoi, 93)
        return {
            "partner": self.partner.pk,
            "organization": orgs.hanoi.pk,
            "occurred_on": "2025-05-05",
            "kind": InteractionKind.LETTER,
        }

    def expected(self, orgs):
        return {
            "partner": self.partner,
            "organization": orgs.hanoi,
            "occurred_on": date(2025, 5, 5),
            "kind": InteractionKind.LETTER,
        }


class TestFollowUp(ModelTestCase):
    views = views.FollowUpViews
    api_url = f"{API}/follow-ups/"
    edit_field = "state"
    edit_value = FollowUpState.DONE
    bad_import = {"state": "forgotten"}
    api_bad_data = {"state": "forgotten"}

    def build(self, orgs, owner, index=0):
        return models.FollowUp(interaction=interaction(owner, index), action=f"Gửi thư {index}")

    def form_data(self, orgs):
        self.meeting = getattr(self, "meeting", None) or interaction(orgs.hanoi, 94)
        return {
            "interaction": self.meeting.pk,
            "action": "Gửi thư cảm ơn",
            "state": "open",
            "due_on": "2025-06-01",
        }

    def expected(self, orgs):
        return {"interaction": self.meeting, "action": "Gửi thư cảm ơn", "due_on": date(2025, 6, 1)}
