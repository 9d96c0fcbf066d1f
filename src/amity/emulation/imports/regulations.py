from amity.core.imports import ScopedResource
from amity.emulation import models
from amity.emulation.forms.regulations import REGULATION_FIELDS


class RegulationResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Regulation
        fields = ("id", *REGULATION_FIELDS)
