from import_export import fields

from amity.core.imports import ScopedResource
from amity.emulation import models
from amity.emulation.forms.review import REVIEW_FIELDS


class ReviewResource(ScopedResource):
    # the decision is the workflow's step: exported, never imported
    state = fields.Field(attribute="state", column_name="state", readonly=True)
    decided_on = fields.Field(attribute="decided_on", column_name="decided_on", readonly=True)

    class Meta(ScopedResource.Meta):
        model = models.Review
        fields = ("id", *REVIEW_FIELDS, "state", "decided_on")
