from django import forms
from django.utils.translation import gettext_lazy as _

from amity.core.forms import ScopedModelForm
from amity.emulation import models
from amity.emulation.models.awards import DocumentKind, VoteChoice
from amity.reporting.rules import ATTACHMENT_TYPES

AWARD_FORM_FIELDS = [
    "organization",
    "code",
    "name_vi",
    "name_en",
    "level",
    "proposer_kinds",
    "nominee_kinds",
    "required_documents",
    "min_interval_years",
    "regulations",
    "notes",
]
AWARD_PROPOSAL_FIELDS = [
    "organization",
    "award_form",
    "year",
    "nominee_organization",
    "nominee_person",
    "nominee_contact",
    "nominee_partner",
    "achievements",
    "notes",
]
AWARD_DOCUMENT_FIELDS = ["proposal", "kind", "title", "notes"]
COUNCIL_MEMBER_FIELDS = ["organization", "year", "user", "role", "notes"]
AWARD_VOTE_FIELDS = ["proposal", "member", "choice", "note", "notes"]
AWARD_DECISION_FIELDS = [
    "organization",
    "award_form",
    "number",
    "decided_on",
    "signer_name",
    "signer_position",
    "notes",
]


class AwardFormForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.AwardForm
        fields = AWARD_FORM_FIELDS


class AwardProposalForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.AwardProposal
        fields = AWARD_PROPOSAL_FIELDS


class AwardDocumentForm(ScopedModelForm):
    """A document of a dossier: the file is uploaded as `upload`; its name, size and type are
    read from it, never typed."""

    owner_field = None
    editable_choices = ("proposal",)
    upload = forms.FileField(label=_("File"), required=False)

    class Meta(ScopedModelForm.Meta):
        model = models.AwardDocument
        fields = AWARD_DOCUMENT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].required = self.instance.pk is None
        self.fields["upload"].widget.attrs["accept"] = ",".join(ATTACHMENT_TYPES)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("upload"):
            self.instance.file = cleaned["upload"]
        return cleaned

    def _update_errors(self, errors):
        """The model's errors on its `file` are the `upload` field's (the form has no `file`):
        said once, beside the field."""
        if hasattr(errors, "error_dict") and "file" in errors.error_dict:
            file_errors = errors.error_dict.pop("file")
            if "upload" not in self.errors:
                errors.error_dict["upload"] = file_errors
        super()._update_errors(errors)


class CouncilMemberForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.CouncilMember
        fields = COUNCIL_MEMBER_FIELDS


class AwardVoteForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("member",)

    class Meta(ScopedModelForm.Meta):
        model = models.AwardVote
        fields = AWARD_VOTE_FIELDS


class AwardDecisionForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.AwardDecision
        fields = AWARD_DECISION_FIELDS


# --- the workflow's small forms (the proposal's and the decision's pages) ---------------------


class VoteForm(forms.Form):
    choice = forms.ChoiceField(label=_("Vote"), choices=VoteChoice.choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea({"rows": 2}))


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Council's conclusion"),
        max_length=2000,
        required=False,
        widget=forms.Textarea({"rows": 2}),
    )


class DocumentUploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    upload = forms.FileField(label=_("File"))
    title = forms.CharField(label=_("Title"), max_length=255, required=False)


class DecideForm(forms.Form):
    proposals = forms.ModelMultipleChoiceField(
        label=_("Recipients"),
        queryset=models.AwardProposal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, decision, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = models.AwardProposal.objects.filter(
            award_form=decision.award_form, state=models.awards.ProposalState.REVIEWED
        ).select_related(
            "award_form",
            "nominee_organization",
            "nominee_person",
            "nominee_contact",
            "nominee_partner",
        )
