from amity.core.views import ModelViews
from amity.emulation import models
from amity.emulation.filtersets.regulations import RegulationFilterSet
from amity.emulation.forms.regulations import RegulationForm
from amity.emulation.imports.regulations import RegulationResource
from amity.emulation.tables.regulations import RegulationTable


class RegulationViews(ModelViews):
    model = models.Regulation
    table = RegulationTable
    filterset = RegulationFilterSet
    form = RegulationForm
    resource = RegulationResource
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
