from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.forms import ScopedModelForm
from amity.partners import models
from amity.partners.duplicates import likely_duplicates_of


class PartnerForm(ScopedModelForm):
    """A partner's own fields; who holds it is recorded beside it (RelationshipHolder).

    Before a likely duplicate is saved the form says which partners it resembles and why; the
    user confirms that it is a different partner, or goes to the existing one.
    """

    owner_field = None
    #: shown beside the warning of likely duplicates (core/object_edit.html)
    confirmation_field = "not_a_duplicate"
    not_a_duplicate = forms.BooleanField(
        label=_("This is a different partner: save it anyway"),
        required=False,
        widget=forms.HiddenInput,  # shown once the form has found likely duplicates
    )

    class Meta(ScopedModelForm.Meta):
        model = models.Partner
        fields = [
            "kind",
            "name",
            "name_vi",
            "name_en",
            "acronym",
            "country",
            "countries",
            "fields",
            "website",
            "email",
            "phone",
            "address",
            "status",
            "strength",
            "strength_reason",
            "relationship_since",
            "sensitivity",
            "tags",
            "external_ref",
            "notes",
        ]
        widgets = {
            "countries": forms.SelectMultiple(attrs={"size": 6}),
            "fields": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates = []

    def clean(self):
        cleaned = super().clean()
        if self.errors or cleaned.get("not_a_duplicate") or not self._names_changed():
            return cleaned
        others = models.Partner.objects.visible_to(self.user)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        pairs = likely_duplicates_of(cleaned, others)
        self.duplicates = [
            {
                "url": reverse("partners:partner", args=[pair.second.id]),
                "name": pair.second.name,
                "score": pair.score,
                "reasons": ", ".join(str(reason) for reason in pair.reasons),
            }
            for pair in pairs
        ]
        if self.duplicates:
            self.fields["not_a_duplicate"].widget = forms.CheckboxInput(
                attrs={"class": "form-check-input"}
            )
            raise forms.ValidationError(
                _("This partner looks like one already recorded. Open it, or tick “%(confirm)s”.")
                % {"confirm": self.fields["not_a_duplicate"].label}
            )
        return cleaned

    def _names_changed(self) -> bool:
        watched = {"name", "name_vi", "name_en", "acronym", "website", "email", "country"}
        return self.instance.pk is None or bool(watched & set(self.changed_data))


class RelationshipHolderForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.RelationshipHolder
        fields = ["partner", "organization", "role", "since", "notes"]


class ContactForm(ScopedModelForm):
    owner_field = None

    class Meta(ScopedModelForm.Meta):
        model = models.Contact
        fields = [
            "partner",
            "full_name",
            "title",
            "email",
            "phone",
            "languages",
            "is_current",
            "notes",
        ]


class NgoRegistrationForm(ScopedModelForm):
    owner_field = None

    class Meta(ScopedModelForm.Meta):
        model = models.NgoRegistration
        fields = [
            "partner",
            "registration_type",
            "number",
            "issuing_authority",
            "issued_on",
            "expires_on",
            "provinces",
            "notes",
        ]


class InteractionForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Interaction
        fields = [
            "partner",
            "organization",
            "occurred_on",
            "kind",
            "summary",
            "people",
            "other_organizations",
            "contacts",
            "notes",
        ]


class FollowUpForm(ScopedModelForm):
    owner_field = None

    class Meta(ScopedModelForm.Meta):
        model = models.FollowUp
        fields = ["interaction", "action", "owner", "due_on", "state", "notes"]


class SuggestionsForm(forms.Form):
    """Whose suggestions to read: an organization, by its id (the user's own when none)."""

    organization = forms.IntegerField(required=False, min_value=1)

    def organization_id(self) -> int | None:
        """The id asked for; None when none was, or when it is no id (the user's own then)."""
        return self.cleaned_data.get("organization") if self.is_valid() else None


class PartnerPairForm(forms.Form):
    """The two partners of a merge: `keep` stays, `drop` is merged into it."""

    keep = forms.IntegerField(min_value=1)
    drop = forms.IntegerField(min_value=1)


class MergeChoicesForm(forms.Form):
    """Field by field, whose value the kept partner takes: its own ("keep") or the other's."""

    SIDES = (("keep", "keep"), ("drop", "drop"))

    def __init__(self, *args, names, **kwargs):
        super().__init__(*args, **kwargs)
        self.names = names
        for name in names:
            self.fields[f"field-{name}"] = forms.ChoiceField(choices=self.SIDES, required=False)

    def choices(self) -> dict[str, str]:
        """Field name → "keep" or "drop"; a field not chosen keeps the kept partner's value."""
        return {name: self.cleaned_data.get(f"field-{name}") or "keep" for name in self.names}
