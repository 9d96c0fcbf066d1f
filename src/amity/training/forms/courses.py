from amity.core.forms import ScopedModelForm, UploadedFileForm
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


class MaterialForm(UploadedFileForm):
    """A course's file: uploaded as `upload`; its name, size and type are read from it."""

    editable_choices = ("course",)

    class Meta(ScopedModelForm.Meta):
        model = models.Material
        fields = MATERIAL_FIELDS
