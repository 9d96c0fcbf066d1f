from django import forms
from django.utils.translation import gettext_lazy as _

from amity.core.forms import ScopedModelForm
from amity.reporting.rules import ATTACHMENT_TYPES
from amity.training import models
from amity.training.forms.rules import RulesFormMixin

COURSE_FIELDS = [
    "programme",
    "organization",
    "title_vi",
    "title_en",
    "starts_on",
    "ends_on",
    "place",
    "is_online",
    "event",
    "capacity",
    "nomination_deadline",
    "status",
    "open_to_all",
    "notes",
]
SESSION_FIELDS = [
    "course",
    "module",
    "starts_at",
    "ends_at",
    "lecturer",
    "outside_lecturer",
    "notes",
]
QUOTA_FIELDS = ["course", "organization", "places", "notes"]
MATERIAL_FIELDS = ["course", "title", "notes"]


class CourseForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Course
        fields = COURSE_FIELDS


class SessionForm(RulesFormMixin, ScopedModelForm):
    owner_field = None
    editable_choices = ("course",)

    class Meta(ScopedModelForm.Meta):
        model = models.Session
        fields = SESSION_FIELDS


class QuotaForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("course",)

    class Meta(ScopedModelForm.Meta):
        model = models.Quota
        fields = QUOTA_FIELDS


class MaterialForm(ScopedModelForm):
    """A course's file: uploaded as `upload`; its name, size and type are read from it."""

    owner_field = None
    editable_choices = ("course",)
    upload = forms.FileField(label=_("File"), required=False)

    class Meta(ScopedModelForm.Meta):
        model = models.Material
        fields = MATERIAL_FIELDS

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
        """The model's errors on its `file` are the `upload` field's (the form has no `file`)."""
        if hasattr(errors, "error_dict") and "file" in errors.error_dict:
            file_errors = errors.error_dict.pop("file")
            if "upload" not in self.errors:
                errors.error_dict["upload"] = file_errors
        super()._update_errors(errors)
