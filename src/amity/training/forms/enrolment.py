from django import forms
from django.utils.translation import gettext_lazy as _

from amity.core.forms import ScopedModelForm
from amity.training import models
from amity.training.forms.rules import RulesFormMixin

#: the state is not among them: it moves by the enrolment's steps only
NOMINATION_FIELDS = ["course", "organization", "person", "note", "notes"]
ATTENDANCE_FIELDS = ["session", "nomination", "present", "notes"]
RESULT_FIELDS = [
    "nomination",
    "completed",
    "passed",
    "score",
    "certificate_number",
    "issued_on",
    "notes",
]
FEEDBACK_FIELDS = ["course", "nomination", "ratings", "comments", "notes"]


class NominationForm(RulesFormMixin, ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Nomination
        fields = NOMINATION_FIELDS


class AttendanceForm(RulesFormMixin, ScopedModelForm):
    owner_field = None
    editable_choices = ("session",)

    class Meta(ScopedModelForm.Meta):
        model = models.Attendance
        fields = ATTENDANCE_FIELDS


class PassedSelect(forms.NullBooleanSelect):
    """A course without a test leaves "passed" empty: it reads "no test", not "unknown"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [
            ("unknown", _("No test")),
            ("true", _("Passed")),
            ("false", _("Did not pass")),
        ]


class ResultForm(RulesFormMixin, ScopedModelForm):
    owner_field = None

    class Meta(ScopedModelForm.Meta):
        model = models.Result
        fields = RESULT_FIELDS
        widgets = {"passed": PassedSelect}


class FeedbackForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("course",)

    class Meta(ScopedModelForm.Meta):
        model = models.Feedback
        fields = FEEDBACK_FIELDS
