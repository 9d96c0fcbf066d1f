from amity.core.imports import ScopedResource
from amity.training import models
from amity.training.forms.programmes import MODULE_FIELDS, PROGRAMME_FIELDS


class ProgrammeResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Programme
        fields = ("id", *PROGRAMME_FIELDS)


class ModuleResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Module
        fields = ("id", *MODULE_FIELDS)
