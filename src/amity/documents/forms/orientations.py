"""The forms of the work orientations: the generic edit forms of each model, the distribution
form (groups and organizations one by one), and a recipient's one form for all the tasks."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from amity.core.forms import (
    ModelMultipleChoiceField,
    ScopedModelForm,
    UploadedFileForm,
    style_widgets,
)
from amity.documents import models
from amity.documents.distribution import recipient_groups
from amity.documents.orientations_choices import OrientationKind, TaskProgress
from amity.organizations.models import Organization
from amity.reporting.rules import ATTACHMENT_TYPES

ORIENTATION_FIELDS = [
    "organization",
    "year",
    "kind",
    "title",
    "summary",
    "region",
    "countries",
    "fields_of_work",
    "status",
    "number",
    "issued_on",
    "notes",
]
TASK_FIELDS = ["orientation", "order", "title", "description", "due_on", "notes"]
RECIPIENT_FIELDS = ["orientation", "organization", "acknowledged_on", "acknowledged_by", "notes"]
REPORT_FIELDS = ["recipient", "task", "progress", "note", "reported_on", "notes"]
EVIDENCE_FIELDS = ["report", "title", "notes"]


class OrientationForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Orientation
        fields = ORIENTATION_FIELDS

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == OrientationKind.COUNTRY and not cleaned.get("countries"):
            self.add_error("countries", _("An orientation for a country names the country."))
        if kind == OrientationKind.FIELD and not cleaned.get("fields_of_work"):
            self.add_error("fields_of_work", _("An orientation for a field names the field."))
        return cleaned


class TaskForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("orientation",)

    class Meta(ScopedModelForm.Meta):
        model = models.OrientationTask
        fields = TASK_FIELDS


class RecipientForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Recipient
        fields = RECIPIENT_FIELDS


class TaskReportForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("recipient",)

    class Meta(ScopedModelForm.Meta):
        model = models.TaskReport
        fields = REPORT_FIELDS


class EvidenceForm(UploadedFileForm):
    """An evidence file: uploaded as `upload`; its name, size and type are read from it."""

    editable_choices = ("report",)

    class Meta(ScopedModelForm.Meta):
        model = models.Evidence
        fields = EVIDENCE_FIELDS


class DistributionForm(forms.Form):
    """The organizations an orientation goes to: whole groups and/or one by one."""

    groups = forms.MultipleChoiceField(
        label=_("Groups of organizations"), required=False, widget=forms.CheckboxSelectMultiple
    )
    organizations = ModelMultipleChoiceField(
        label=_("Organizations, one by one"),
        queryset=Organization.objects.none(),
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups_by_key = {group.key: group for group in recipient_groups()}
        self.fields["groups"].choices = [
            (key, group.label) for key, group in self.groups_by_key.items()
        ]
        self.fields["organizations"].queryset = Organization.objects.visible_to(user)
        style_widgets(self)

    def clean(self):
        cleaned = super().clean()
        ids = {organization.pk for organization in cleaned.get("organizations") or ()}
        for key in cleaned.get("groups") or ():
            ids |= set(self.groups_by_key[key].organization_ids())
        if not ids:
            raise ValidationError(_("Choose at least one group or organization."))
        cleaned["organization_ids"] = ids
        return cleaned


class AcknowledgeForm(forms.Form):
    acknowledged_by = forms.CharField(label=_("Acknowledged by"), max_length=200)
    acknowledged_on = forms.DateField(label=_("Acknowledged on"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


class TaskReportEntryForm(forms.Form):
    """One task's line of a recipient's report (a prefix per task)."""

    progress = forms.ChoiceField(label=_("Implementation"), choices=TaskProgress.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 2}))
    evidence = forms.FileField(label=_("Evidence file"), required=False)

    def __init__(self, *args, task, **kwargs):
        super().__init__(*args, **kwargs)
        self.task = task
        self.fields["evidence"].widget.attrs["accept"] = ",".join(ATTACHMENT_TYPES)
        style_widgets(self)
