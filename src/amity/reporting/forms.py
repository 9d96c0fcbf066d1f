from django import forms
from django.utils.translation import gettext_lazy as _

from amity.core.forms import ScopedModelForm
from amity.reporting import models, prefill
from amity.reporting.rules import ATTACHMENT_TYPES, attachment_limits


class IndicatorForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Indicator
        fields = [
            "organization", "code", "name", "name_en", "type", "unit", "currency", "aggregation",
            "minimum", "maximum", "options", "total_of", "prefill", "description", "notes",
        ]  # fmt: skip
        widgets = {"options": forms.Textarea(attrs={"rows": 3}),
                   "description": forms.Textarea(attrs={"rows": 3})}  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prefill"].widget = forms.Select(
            choices=[("", "—"), *prefill.choices()], attrs={"class": "form-select"}
        )

    def clean_prefill(self):
        key = self.cleaned_data.get("prefill", "")
        if key and key not in prefill.PROVIDERS:
            raise forms.ValidationError(_("No such figure in the system."))
        return key


class ReportingFormForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Form
        fields = [
            "organization", "code", "name", "name_en", "assigned_kinds", "assigned_organizations",
            "notes",
        ]  # fmt: skip
        widgets = {"assigned_organizations": forms.SelectMultiple(attrs={"size": 6})}


class FormVersionForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("form",)

    class Meta(ScopedModelForm.Meta):
        model = models.FormVersion
        fields = ["form", "number", "notes"]


class SectionForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("form_version",)

    class Meta(ScopedModelForm.Meta):
        model = models.Section
        fields = ["form_version", "order", "title", "title_en", "kind", "instructions", "notes"]


class SectionItemForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("section",)

    class Meta(ScopedModelForm.Meta):
        model = models.SectionItem
        fields = ["section", "indicator", "order", "required", "notes"]


class PeriodForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("form",)

    class Meta(ScopedModelForm.Meta):
        model = models.Period
        fields = [
            "form", "kind", "year", "number", "opens_on", "deadline", "grace_days", "locked",
            "notes",
        ]  # fmt: skip


class ReopeningForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("period",)

    class Meta(ScopedModelForm.Meta):
        model = models.Reopening
        fields = ["period", "organization", "reason", "expires_on", "notes"]


class ValidationRuleForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("form_version",)

    class Meta(ScopedModelForm.Meta):
        model = models.ValidationRule
        fields = [
            "form_version", "kind", "severity", "left", "operator", "right", "constant",
            "max_change_percent", "message", "message_en", "notes",
        ]  # fmt: skip


class SubmissionForm(ScopedModelForm):
    """A new submission names its organization, version and period; later only its notes
    change here (values are entered on the data-entry page)."""

    class Meta(ScopedModelForm.Meta):
        model = models.Submission
        fields = ["organization", "form_version", "period", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("organization", "form_version", "period"):
                self.fields[name].disabled = True


class ValueForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("submission",)

    class Meta(ScopedModelForm.Meta):
        model = models.Value
        fields = ["submission", "indicator", "number", "text", "comment", "notes"]


class ReviewCommentForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("submission",)

    class Meta(ScopedModelForm.Meta):
        model = models.ReviewComment
        fields = ["submission", "indicator", "text", "resolved", "notes"]


class AttachmentForm(ScopedModelForm):
    """An attachment of a submission: the file is uploaded as `upload` (a new file replaces
    the one before); its name, size and type are read from it, never typed."""

    owner_field = None
    editable_choices = ("submission",)
    upload = forms.FileField(label=_("File"), required=False)

    class Meta(ScopedModelForm.Meta):
        model = models.Attachment
        fields = ["submission", "title", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].required = self.instance.pk is None
        self.fields["upload"].widget.attrs["accept"] = ",".join(ATTACHMENT_TYPES)
        self.fields["upload"].help_text = attachment_help()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("upload"):
            self.instance.file = cleaned["upload"]
        return cleaned


def attachment_help() -> str:
    limits = attachment_limits()
    return _(
        "PDF, Word, Excel, OpenDocument, JPEG or PNG; at most %(size)s MB a file and "
        "%(count)s files a submission."
    ) % {
        "size": limits["bytes"] // (1024 * 1024), "count": limits["count"]}  # fmt: skip


class AttachmentUploadForm(forms.Form):
    """The upload on the submission's page: a file and, if one likes, a title."""

    upload = forms.FileField(label=_("File"))
    title = forms.CharField(label=_("Title"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].widget.attrs.update(
            accept=",".join(ATTACHMENT_TYPES), **{"class": "form-control form-control-sm"}
        )
        self.fields["upload"].help_text = attachment_help()
        self.fields["title"].widget.attrs["class"] = "form-control form-control-sm"


class WorkbookUploadForm(forms.Form):
    """The offline workbook of a submission, filled in and sent back."""

    workbook = forms.FileField(label=_("Filled workbook (.xlsx)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workbook"].widget.attrs.update(
            accept=".xlsx", **{"class": "form-control form-control-sm"}
        )
