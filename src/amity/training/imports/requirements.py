from amity.core.imports import ScopedResource
from amity.training import models
from amity.training.forms.requirements import REQUIREMENT_FIELDS


class RequirementResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Requirement
        fields = ("id", *REQUIREMENT_FIELDS)
