from amity.core.forms import ScopedModelForm
from amity.training import models

REQUIREMENT_FIELDS = [
    "organization",
    "position_title",
    "organization_kind",
    "programme",
    "within_years",
    "notes",
]


class RequirementForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Requirement
        fields = REQUIREMENT_FIELDS
