from amity.core.forms import ScopedModelForm
from amity.training import models

PROGRAMME_FIELDS = [
    "organization",
    "title_vi",
    "title_en",
    "goals",
    "target_group",
    "required_hours",
    "notes",
]
MODULE_FIELDS = ["programme", "order", "topic", "title_vi", "title_en", "hours", "notes"]


class ProgrammeForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Programme
        fields = PROGRAMME_FIELDS


class ModuleForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("programme",)

    class Meta(ScopedModelForm.Meta):
        model = models.Module
        fields = MODULE_FIELDS
