from amity.core.views import ModelViews
from amity.emulation import filtersets, forms, imports, models, tables


class RegulationViews(ModelViews):
    model = models.Regulation
    table = tables.RegulationTable
    filterset = filtersets.RegulationFilterSet
    form = forms.RegulationForm
    resource = imports.RegulationResource
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
