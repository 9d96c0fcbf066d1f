from amity.core.views import ModelViews
from amity.training import models
from amity.training.filtersets.programmes import ModuleFilterSet, ProgrammeFilterSet
from amity.training.forms.programmes import ModuleForm, ProgrammeForm
from amity.training.imports.programmes import ModuleResource, ProgrammeResource
from amity.training.tables.programmes import ModuleTable, ProgrammeTable


class ProgrammeViews(ModelViews):
    model = models.Programme
    table = ProgrammeTable
    filterset = ProgrammeFilterSet
    form = ProgrammeForm
    resource = ProgrammeResource
    detail_template = "training/programme_detail.html"
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
    protected_relations = ("courses",)

    @classmethod
    def detail_context(cls, obj, request, tab):
        return {
            "modules": obj.modules.order_by("order", "pk"),
            "courses": obj.courses.visible_to(request.user).order_by("-starts_on", "pk")[:50],
        }


class ModuleViews(ModelViews):
    model = models.Module
    table = ModuleTable
    filterset = ModuleFilterSet
    form = ModuleForm
    resource = ModuleResource
    list_select_related = ("programme",)
    detail_select_related = ("programme",)
