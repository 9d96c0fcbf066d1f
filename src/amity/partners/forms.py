from django import forms

from amity.core.forms import ScopedModelForm
from amity.partners import models


class PartnerForm(ScopedModelForm):
    """A partner's own fields; who holds it is recorded beside it (RelationshipHolder)."""

    owner_field = None

    class Meta(ScopedModelForm.Meta):
        model = models.Partner
        fields = [
            "kind", "name", "name_vi", "name_en", "acronym", "country", "countries", "fields",
            "website", "email", "phone", "address", "status", "strength", "strength_reason",
            "relationship_since", "sensitivity", "tags", "external_ref", "notes",
        ]  # fmt: skip
        widgets = {
            "countries": forms.SelectMultiple(attrs={"size": 6}),
            "fields": forms.SelectMultiple(attrs={"size": 6}),
        }


class RelationshipHolderForm(ScopedModelForm):
    editable_choices = ("partner",)

    class Meta(ScopedModelForm.Meta):
        model = models.RelationshipHolder
        fields = ["partner", "organization", "role", "since", "notes"]


class ContactForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("partner",)

    class Meta(ScopedModelForm.Meta):
        model = models.Contact
        fields = [
            "partner", "full_name", "title", "email", "phone", "languages", "is_current", "notes",
        ]  # fmt: skip


class NgoRegistrationForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("partner",)

    class Meta(ScopedModelForm.Meta):
        model = models.NgoRegistration
        fields = [
            "partner", "registration_type", "number", "issuing_authority", "issued_on",
            "expires_on", "provinces", "notes",
        ]  # fmt: skip


class InteractionForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Interaction
        fields = [
            "partner", "organization", "occurred_on", "kind", "summary", "people",
            "other_organizations", "contacts", "notes",
        ]  # fmt: skip


class FollowUpForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("interaction",)

    class Meta(ScopedModelForm.Meta):
        model = models.FollowUp
        fields = ["interaction", "action", "owner", "due_on", "state", "notes"]
