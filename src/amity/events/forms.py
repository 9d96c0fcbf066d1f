from django import forms

from amity.core.forms import ScopedModelForm
from amity.events import models, services


class EventForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Event
        fields = [
            "kind",
            "title_vi",
            "title_en",
            "start",
            "end",
            "start_time",
            "end_time",
            "organization",
            "co_organizers",
            "is_online",
            "place",
            "province",
            "countries",
            "partners",
            "status",
            "description",
            "minutes",
            "external_ref",
            "notes",
        ]
        widgets = {
            "start_time": forms.TimeInput(attrs={"type": "time"}),
            "end_time": forms.TimeInput(attrs={"type": "time"}),
            "co_organizers": forms.SelectMultiple(attrs={"size": 6}),
            "countries": forms.SelectMultiple(attrs={"size": 6}),
            "partners": forms.SelectMultiple(attrs={"size": 6}),
        }


class EventChildForm(ScopedModelForm):
    """A record of an event's: chosen among the events the user may edit."""

    owner_field = None
    editable_choices = ("event",)


class BridgePointForm(EventChildForm):
    class Meta(ScopedModelForm.Meta):
        model = models.BridgePoint
        fields = ["event", "organization", "is_central", "place", "chair", "attendees", "notes"]


class ParticipantForm(EventChildForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Participant
        fields = [
            "event",
            "person",
            "contact",
            "guest_name",
            "affiliation",
            "role",
            "attendance",
            "bridge_point",
            "notes",
        ]


class TopicForm(EventChildForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Topic
        fields = ["event", "number", "title_vi", "title_en", "notes"]


class SessionForm(EventChildForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Session
        fields = ["event", "title", "day", "starts_at", "ends_at", "topic", "notes"]
        widgets = {
            "starts_at": forms.TimeInput(attrs={"type": "time"}),
            "ends_at": forms.TimeInput(attrs={"type": "time"}),
        }


class PresentationForm(EventChildForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Presentation
        fields = ["event", "title", "session", "topic", "speaker", "attachment", "notes"]


class EventDocumentForm(EventChildForm):
    class Meta(ScopedModelForm.Meta):
        model = models.EventDocument
        fields = ["event", "kind", "title", "file", "link", "notes"]


class CalendarForm(forms.Form):
    """Which month the calendar shows ("YYYY-MM"; this month when it names none or a wrong
    one) and how: as a grid of weeks or as a list."""

    month = forms.CharField(required=False, max_length=20)
    view = forms.CharField(required=False, max_length=10)

    def first_day(self):
        return services.month_of(self.cleaned_data["month"] if self.is_valid() else "")

    def layout(self) -> str:
        return "list" if self.is_valid() and self.cleaned_data["view"] == "list" else "grid"


class CalendarAddressForm(forms.Form):
    """Make the user's secret calendar address anew, or remove it."""

    REVOKE = "revoke"

    action = forms.CharField(required=False, max_length=20)

    @property
    def revokes(self) -> bool:
        return self.is_valid() and self.cleaned_data["action"] == self.REVOKE
