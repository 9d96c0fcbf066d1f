from amity.core.imports import ScopedResource
from amity.training import models
from amity.training.forms.courses import (
    COURSE_FIELDS,
    MATERIAL_FIELDS,
    QUOTA_FIELDS,
    SESSION_FIELDS,
)
from amity.training.imports.rules import RulesResourceMixin


class CourseResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Course
        fields = ("id", *COURSE_FIELDS)


class SessionResource(RulesResourceMixin, ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Session
        fields = ("id", *SESSION_FIELDS)


class QuotaResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Quota
        fields = ("id", *QUOTA_FIELDS)


class MaterialResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Material
        fields = ("id", *MATERIAL_FIELDS, "original_name", "size")
        readonly_fields = ("original_name", "size")
