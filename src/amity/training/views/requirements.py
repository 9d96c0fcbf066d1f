from amity.core.views import ModelViews
from amity.training import models
from amity.training.filtersets.requirements import RequirementFilterSet
from amity.training.forms.requirements import RequirementForm
from amity.training.imports.requirements import RequirementResource
from amity.training.tables.requirements import RequirementTable


class RequirementViews(ModelViews):
    model = models.Requirement
    table = RequirementTable  # type: ignore[assignment]  # ModelViews declares None
    filterset = RequirementFilterSet
    form = RequirementForm
    resource = RequirementResource
    list_select_related = ("organization", "programme")
    detail_select_related = ("organization", "programme")
