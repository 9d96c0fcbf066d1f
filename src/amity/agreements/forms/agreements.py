from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from amity.agreements import models
from amity.agreements.choices import AgreementLanguage
from amity.core.forms import ScopedModelForm, UploadedFileForm
from amity.reporting.rules import ATTACHMENT_TYPES, check_attachment

AGENCY_FIELDS = [
    "name_vi",
    "name_en",
    "acronym",
    "kind",
    "province",
    "organization",
    "website",
    "notes",
]
AGREEMENT_FIELDS = [
    "kind",
    "title_vi",
    "title_en",
    "reference",
    "organization",
    "other_organizations",
    "partners",
    "agencies",
    "other_parties",
    "signed_on",
    "signed_at",
    "starts_on",
    "ends_on",
    "renewal",
    "renewal_years",
    "status",
    "languages",
    "summary",
    "interactions",
    "events",
    "activities",
    "notes",
]
SIGNER_FIELDS = ["agreement", "name", "position", "side", "party", "notes"]
FILE_FIELDS = ["agreement", "title", "language", "is_signed", "notes"]
REVIEW_FIELDS = ["agreement", "due_on", "held_on", "outcome", "notes"]
COMMITMENT_FIELDS = [
    "agreement",
    "description",
    "organization",
    "person",
    "due_on",
    "status",
    "done_on",
    "notes",
]


class VietnameseAgencyForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.VietnameseAgency
        fields = AGENCY_FIELDS


class AgreementForm(ScopedModelForm):
    """An agreement with its parties and terms; its signed copy may come with it, so that an
    agreement is recorded as signed in one step (a signed agreement needs a signed file)."""

    signed_copy = forms.FileField(
        label=_("Signed copy"),
        required=False,
        help_text=_("The signed text (PDF, Word or a scan); more files can be added later."),
    )
    signed_copy_language = forms.ChoiceField(
        label=_("Language of the signed copy"),
        choices=[("", "---------"), *AgreementLanguage.choices],
        required=False,
    )

    class Meta(ScopedModelForm.Meta):
        model = models.Agreement
        fields = AGREEMENT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signed_copy"].widget.attrs["accept"] = ",".join(ATTACHMENT_TYPES)
        for name in ("summary", "notes"):
            self.fields[name].widget.attrs["rows"] = 3

    def clean_signed_copy(self):
        upload = self.cleaned_data.get("signed_copy")
        if upload:
            try:
                check_attachment(upload)
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from error
        return upload

    def clean(self):
        cleaned = super().clean()
        # counted by the model's rule, checked when the form validates the instance next
        self.instance.signed_files_coming = 1 if cleaned.get("signed_copy") else 0
        return cleaned

    def save(self, commit=True):
        agreement = super().save(commit)
        upload = self.cleaned_data.get("signed_copy")
        if commit and upload:
            copy = models.AgreementFile(
                agreement=agreement,
                file=upload,
                title=str(_("Signed copy")),
                language=self.cleaned_data.get("signed_copy_language") or "",
                is_signed=True,
            )
            copy._history_user = self.user
            copy.save()
            agreement.signed_files_coming = 0
        return agreement


class SignerForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("agreement",)

    class Meta(ScopedModelForm.Meta):
        model = models.Signer
        fields = SIGNER_FIELDS


class AgreementFileForm(UploadedFileForm):
    """A file of an agreement: uploaded as `upload`; its name, size and type are read from it."""

    editable_choices = ("agreement",)

    class Meta(ScopedModelForm.Meta):
        model = models.AgreementFile
        fields = FILE_FIELDS


class ReviewForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("agreement",)

    class Meta(ScopedModelForm.Meta):
        model = models.Review
        fields = REVIEW_FIELDS


class CommitmentForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("agreement",)

    class Meta(ScopedModelForm.Meta):
        model = models.Commitment
        fields = COMMITMENT_FIELDS
