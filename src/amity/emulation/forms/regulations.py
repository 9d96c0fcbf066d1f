from amity.core.forms import ScopedModelForm
from amity.emulation import models

REGULATION_FIELDS = [
    "organization",
    "code",
    "version_number",
    "title_vi",
    "title_en",
    "decision_number",
    "decided_on",
    "effective_from",
    "effective_to",
    "notes",
]


class RegulationForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Regulation
        fields = REGULATION_FIELDS
