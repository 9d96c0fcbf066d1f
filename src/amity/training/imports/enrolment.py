from amity.core.imports import ScopedResource
from amity.training import models
from amity.training.forms.enrolment import (
    ATTENDANCE_FIELDS,
    FEEDBACK_FIELDS,
    NOMINATION_FIELDS,
    RESULT_FIELDS,
)
from amity.training.imports.rules import RulesResourceMixin


class NominationResource(RulesResourceMixin, ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Nomination
        fields = ("id", *NOMINATION_FIELDS, "state")
        export_order = ("id", *NOMINATION_FIELDS, "state")
        readonly_fields = ("state",)


class AttendanceResource(RulesResourceMixin, ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Attendance
        fields = ("id", *ATTENDANCE_FIELDS)


class ResultResource(RulesResourceMixin, ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Result
        fields = ("id", *RESULT_FIELDS)


class FeedbackResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Feedback
        fields = ("id", *FEEDBACK_FIELDS)
