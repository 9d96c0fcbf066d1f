from django import forms
from django.utils.translation import gettext_lazy as _

from amity.core.dates import validate_date_in_bounds
from amity.core.forms import DateInput, ModelMultipleChoiceField, ScopedModelForm, style_widgets
from amity.organizations import models
from amity.organizations.choices import Attendance


class OrganizationForm(ScopedModelForm):
    owner_field = "parent"

    class Meta(ScopedModelForm.Meta):
        model = models.Organization
        fields = [
            "kind",
            "parent",
            "province",
            "name",
            "name_en",
            "short_name",
            "short_name_en",
            "status",
            "founded_on",
            "founding_decision",
            "address",
            "phone",
            "email",
            "website",
            "external_ref",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # An organization cannot sit under itself or under one of its own descendants.
            self.fields["parent"].queryset = self.fields["parent"].queryset.exclude(
                pk__in=self.instance.branch_ids()
            )
        if not self.user.edits_everything:
            self.fields["parent"].required = True


class LineageEventForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.LineageEvent
        fields = [
            "organization",
            "kind",
            "occurred_on",
            "decision",
            "successor",
            "previous_name",
            "external_ref",
            "notes",
        ]


class PersonForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Person
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "organization",
            "is_full_time",
            "expertise",
            "email",
            "phone",
            "external_ref",
            "notes",
        ]


class PersonLanguageForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("person",)

    class Meta(ScopedModelForm.Meta):
        model = models.PersonLanguage
        fields = ["person", "language", "level"]


class PositionForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Position
        fields = [
            "person",
            "organization",
            "title",
            "title_detail",
            "started_on",
            "ended_on",
            "notes",
        ]


class CongressForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Congress
        fields = ["organization", "number", "held_on", "term_years", "notes"]


class CommitteeForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Committee
        fields = ["organization", "kind", "congress", "started_on", "ended_on", "notes"]


class CommitteeMemberForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("committee",)

    class Meta(ScopedModelForm.Meta):
        model = models.CommitteeMember
        fields = ["committee", "person", "role", "joined_on", "left_on", "notes"]


class CommitteeMeetingForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("committee",)

    class Meta(ScopedModelForm.Meta):
        model = models.CommitteeMeeting
        fields = ["committee", "held_on", "location", "summary", "notes"]


class MeetingAttendanceForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("meeting",)

    class Meta(ScopedModelForm.Meta):
        model = models.MeetingAttendance
        fields = ["meeting", "member", "status"]


class StaffingRecordForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.StaffingRecord
        fields = ["organization", "year", "quota", "full_time_staff", "part_time_staff", "notes"]


class MergeForm(forms.Form):
    """The 2025 reform in one action: several Unions merge into one successor."""

    sources = ModelMultipleChoiceField(
        label=_("Organizations that merge"), queryset=models.Organization.objects.none()
    )
    successor = forms.ModelChoiceField(
        label=_("Existing successor"),
        queryset=models.Organization.objects.none(),
        required=False,
        help_text=_("Leave empty to create a new organization as the successor."),
    )
    new_name = forms.CharField(label=_("Name of the new successor (Vietnamese)"), required=False)
    new_name_en = forms.CharField(label=_("Name of the new successor (English)"), required=False)
    new_parent = forms.ModelChoiceField(
        label=_("Parent of the new successor"),
        queryset=models.Organization.objects.none(),
        required=False,
    )
    occurred_on = forms.DateField(
        label=_("Date of the merger"), widget=DateInput(), validators=[validate_date_in_bounds]
    )
    decision = forms.CharField(label=_("Decision"), max_length=255)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        editable = models.Organization.objects.editable_by(user)
        for name in ("sources", "successor", "new_parent"):
            self.fields[name].queryset = editable
        style_widgets(self)
        self.fields["sources"].widget.attrs["size"] = 10

    def clean(self):
        cleaned = super().clean()
        sources, successor = cleaned.get("sources") or [], cleaned.get("successor")
        if successor is None and not cleaned.get("new_name"):
            raise forms.ValidationError(_("Choose an existing successor or name a new one."))
        if successor is not None and any(
            successor.tree_path.startswith(source.tree_path) for source in sources
        ):
            self.add_error(
                "successor",
                _("The successor cannot be one of the merging organizations or under one."),
            )
        if successor is None and cleaned.get("new_parent") is None:
            self.add_error("new_parent", _("A new successor needs a parent organization."))
        if len(sources) < 1:
            self.add_error("sources", _("Choose at least one organization."))
        return cleaned

    @property
    def confirmed(self) -> bool:
        """Sent with the preview's "Confirm the merger" button, not the "Preview" one."""
        return "confirm" in self.data

    def new_successor(self) -> dict | None:
        """The fields of the organization to create as the successor; None when an existing
        one is chosen. It takes the first source's kind and is founded by the merger."""
        data = self.cleaned_data
        if data["successor"] is not None:
            return None
        return {
            "name": data["new_name"],
            "name_en": data["new_name_en"],
            "kind": data["sources"][0].kind,
            "parent": data["new_parent"],
            "founded_on": data["occurred_on"],
            "founding_decision": data["decision"],
        }


class AttendanceForm(forms.Form):
    """Who attended a meeting: one choice (`member-<id>`) per member of its committee. A member
    left without a choice, or sent a code that is not one, is left as recorded."""

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(meeting.committee.members.all())
        for member in self.members:
            self.fields[f"member-{member.pk}"] = forms.ChoiceField(
                choices=Attendance.choices, required=False
            )

    def statuses(self) -> dict:
        """Member → the attendance chosen, for the members given a valid choice."""
        self.is_valid()  # a field with a wrong code is left out of cleaned_data
        chosen = {member: self.cleaned_data.get(f"member-{member.pk}") for member in self.members}
        return {member: status for member, status in chosen.items() if status}


class TreeForm(forms.Form):
    """What the federation's tree shows: `?inactive=1` adds the merged and ceased organizations."""

    # "1" or nothing, as the page's own links write it (a checkbox field takes "0" for yes)
    inactive = forms.TypedChoiceField(
        choices=[("", ""), ("1", "1")], coerce=bool, empty_value=False, required=False
    )
