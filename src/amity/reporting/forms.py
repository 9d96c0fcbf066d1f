from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext_lazy as _

from amity.core.exports import EXPORT_FORMATS
from amity.core.forms import ScopedModelForm
from amity.organizations.models import Organization
from amity.reporting import consolidation, models, prefill
from amity.reporting.rules import ATTACHMENT_TYPES, attachment_limits
from amity.reporting.services import Entry


class IndicatorForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Indicator
        fields = [
            "organization",
            "code",
            "name",
            "name_en",
            "type",
            "unit",
            "currency",
            "aggregation",
            "minimum",
            "maximum",
            "options",
            "total_of",
            "prefill",
            "description",
            "notes",
        ]
        widgets = {
            "options": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

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
            "organization",
            "code",
            "name",
            "name_en",
            "assigned_kinds",
            "assigned_organizations",
            "notes",
        ]
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
            "form",
            "kind",
            "year",
            "number",
            "opens_on",
            "deadline",
            "grace_days",
            "locked",
            "notes",
        ]


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
            "form_version",
            "kind",
            "severity",
            "left",
            "operator",
            "right",
            "constant",
            "max_change_percent",
            "message",
            "message_en",
            "notes",
        ]


class SubmissionForm(ScopedModelForm):
    """A new submission names its organization, version and period; later only its notes
    change here (values are entered on the data-entry page), and only while it is a draft or
    returned: the writer (`services.SubmissionWriter`) holds what identifies it."""

    class Meta(ScopedModelForm.Meta):
        model = models.Submission
        fields = ["organization", "form_version", "period", "notes"]


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
    ) % {"size": limits["bytes"] // (1024 * 1024), "count": limits["count"]}


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


# --- what the reporting pages post or ask for ---------------------------------------------------


class BaseVersionField(forms.Field):
    """The version a value had when the page was read: 0 when it had none; a version that is
    not a number can match no value (-1), so the entry is reported as a conflict."""

    def to_python(self, value):
        text = str(value if value is not None else "0")
        return int(text) if text.isdigit() and len(text) < 19 else -1


class EntriesForm(forms.Form):
    """What the data-entry page posts, for each indicator: `i-<id>` what was typed, `v-<id>` the
    version of the value when the page was read, `c-<id>` its explanation (when it has one)."""

    def __init__(self, data):
        super().__init__(data)
        self.indicator_ids = [
            int(key[2:]) for key in data if key.startswith("i-") and key[2:].isdigit()
        ]
        for indicator_id in self.indicator_ids:
            self.fields[f"i-{indicator_id}"] = forms.CharField(required=False, strip=False)
            self.fields[f"v-{indicator_id}"] = BaseVersionField(required=False)
            if f"c-{indicator_id}" in data:
                self.fields[f"c-{indicator_id}"] = forms.CharField(required=False)

    def entries(self) -> dict[int, Entry]:
        """indicator id → what was posted for it, of the fields that could be read."""
        self.is_valid()
        data = self.cleaned_data
        return {
            indicator_id: Entry(
                data[f"i-{indicator_id}"], data[f"v-{indicator_id}"], data.get(f"c-{indicator_id}")
            )
            for indicator_id in self.indicator_ids
            if indicator_id not in self.indicator_errors()
        }

    def indicator_errors(self) -> dict[int, str]:
        """indicator id → why what was posted for it cannot be read (a null character)."""
        return {
            int(name.split("-", 1)[1]): " ".join(errors)
            for name, errors in self.errors.items()
            if name != NON_FIELD_ERRORS
        }


class ReviewForm(forms.Form):
    """A reviewer's decision: approve, or return with a comment on the whole and on each field
    at fault (`comment-<indicator id>`, for the indicators of the submission's version)."""

    action = forms.ChoiceField(
        choices=[("approve", "approve"), ("return", "return")], required=False
    )
    comment = forms.CharField(required=False, strip=False)

    def __init__(self, data, *, indicators: dict):
        super().__init__(data)
        self.indicators = indicators
        for pk in indicators:
            self.fields[f"comment-{pk}"] = forms.CharField(required=False, strip=False)

    @property
    def approves(self) -> bool:
        return self.data.get("action") == "approve"

    def comments(self) -> list[tuple[object, str]]:
        """(indicator or None, text) pairs, the comment on the whole first."""
        self.is_valid()
        data = self.cleaned_data
        return [(None, data.get("comment", ""))] + [
            (indicator, data[f"comment-{pk}"]) for pk, indicator in self.indicators.items()
        ]


class StartForm(forms.Form):
    """Start a submission for the user's own organization, or for one it names."""

    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), required=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["organization"].queryset = Organization.objects.visible_to(user)


class LockForm(forms.Form):
    """Lock a period ("1") or unlock it (anything else), from the button of its page."""

    locked = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")],
        coerce=lambda value: value == "1",
        required=False,
        empty_value=False,
    )


class ReopenForm(forms.Form):
    """Reopen a period for one organization until a date; the reason is the service's to ask."""

    organization = forms.ModelChoiceField(queryset=Organization.objects.none())
    expires_on = forms.DateField()
    reason = forms.CharField(required=False, strip=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["organization"].queryset = Organization.objects.visible_to(user)


class IdsField(forms.Field):
    """Ids chosen in a menu (`?period=3&period=5`); what is not an id is left out, not refused,
    so that an old or edited address still shows the page."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        texts = [str(item or "") for item in values]
        return {int(text) for text in texts if text.isdigit() and len(text) < 12}


class ConsolidationForm(forms.Form):
    """What the consolidated figures page is asked for; every field may be left out (or be
    wrong in an edited address): the page then shows its default."""

    form = forms.IntegerField(required=False, min_value=0, max_value=10**12 - 1)
    period = IdsField(required=False)
    indicator = IdsField(required=False)
    by = forms.ChoiceField(choices=consolidation.BY_CHOICES, required=False)
    boundaries = forms.ChoiceField(choices=consolidation.BOUNDARY_CHOICES, required=False)
    export = forms.ChoiceField(choices=[(key, key) for key in EXPORT_FORMATS], required=False)

    def __init__(self, data):
        super().__init__(data)
        self.is_valid()

    def value(self, name, default=None):
        return self.cleaned_data.get(name) or default

    def chosen_form(self, visible_forms):
        wanted = self.value("form")
        return next((f for f in visible_forms if f.pk == wanted), None) or next(
            iter(visible_forms), None
        )

    def chosen_periods(self, periods):
        """The chosen periods of the form, or its latest."""
        chosen = self.value("period", set())
        return [period for period in periods if period.pk in chosen] or periods[:1]

    def chosen_indicators(self, indicators):
        """The chosen indicators of the form's version, or all its numeric ones."""
        chosen = self.value("indicator", set())
        return [i for i in indicators if i.pk in chosen] or [i for i in indicators if i.is_numeric]
