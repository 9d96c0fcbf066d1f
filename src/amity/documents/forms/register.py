from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.forms import ScopedModelForm, UploadedFileForm
from amity.documents.models import register as models

ENTRY_FIELDS = [
    "organization",
    "direction",
    "document_type",
    "number",
    "symbol",
    "issued_on",
    "arrival_number",
    "received_on",
    "sender_organization",
    "sender_name",
    "recipients",
    "subject",
    "signer",
    "signer_position",
    "notes",
]
FILE_FIELDS = ["entry", "title", "notes"]
TERM_FIELDS = ["organization", "key", "category", "vi", "en", "note", "notes"]


class RegisterEntryForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.RegisterEntry
        fields = ENTRY_FIELDS
        widgets = {
            "subject": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 3}),
        }


class RegisterFileForm(UploadedFileForm):
    """A register entry's file: uploaded as `upload`; its name, size and type are read from it."""

    editable_choices = ("entry",)

    class Meta(ScopedModelForm.Meta):
        model = models.RegisterFile
        fields = FILE_FIELDS


class TermForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Term
        fields = TERM_FIELDS


class DraftForm(forms.Form):
    """A draft as the page shows it, editable before it is issued: the paragraphs a blank line
    apart, the recipients one a line."""

    subject = forms.CharField(label=_("Subject"), max_length=1000)
    paragraphs = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 12}), max_length=50_000
    )
    recipients = forms.CharField(
        label=pgettext_lazy("document", "Recipients"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )
    signer_position = forms.CharField(label=_("Signer's position"), max_length=255, required=False)
    signer_name = forms.CharField(label=_("Signed by"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"

    @staticmethod
    def initial_of(draft) -> dict:
        return {
            "subject": draft.subject,
            "paragraphs": "\n\n".join(draft.paragraphs),
            "recipients": "\n".join(draft.recipients),
            "signer_position": draft.signer_position,
            "signer_name": draft.signer_name,
        }

    def edited(self, draft):
        """`draft` with what the user changed."""
        from dataclasses import replace

        data = self.cleaned_data
        paragraphs = [part.strip() for part in data["paragraphs"].replace("\r", "").split("\n\n")]
        recipients = [line.strip() for line in data["recipients"].splitlines()]
        return replace(
            draft,
            subject=data["subject"].strip(),
            paragraphs=[part for part in paragraphs if part],
            recipients=[line for line in recipients if line],
            signer_position=data["signer_position"].strip(),
            signer_name=data["signer_name"].strip(),
        )
