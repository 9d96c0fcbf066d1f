"""Import and export resources: the export's columns are the import's, plus `external_ref`."""

from import_export import fields

from amity.core.imports import ScopedResource
from amity.core.viewer import current_viewer
from amity.organizations import models


class ReadableName(fields.Field):
    """The name of a related record, or what the record prints for a viewer who may not see
    it (a restricted partner: see `Partner.shown_to`)."""

    def get_value(self, instance):
        related = instance
        for part in self.attribute.split("__")[:-1]:
            related = getattr(related, part, None)
            if related is None:
                return None
        if hasattr(related, "shown_to") and not related.shown_to(current_viewer()):
            return str(related)
        return super().get_value(instance)


def display_of(attribute: str, label: str):
    """A read-only column beside an id column, so that a person can read the export."""
    return ReadableName(attribute=attribute, column_name=label, readonly=True)


class OrganizationResource(ScopedResource):
    parent_name = display_of("parent__name", "parent_name")

    class Meta(ScopedResource.Meta):
        model = models.Organization
        fields = (
            "id",
            "kind",
            "parent",
            "parent_name",
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
        )


class LineageEventResource(ScopedResource):
    organization_name = display_of("organization__name", "organization_name")
    successor_name = display_of("successor__name", "successor_name")

    class Meta(ScopedResource.Meta):
        model = models.LineageEvent
        fields = (
            "id",
            "organization",
            "organization_name",
            "kind",
            "occurred_on",
            "decision",
            "successor",
            "successor_name",
            "previous_name",
            "external_ref",
            "notes",
        )


class PersonResource(ScopedResource):
    organization_name = display_of("organization__name", "organization_name")

    class Meta(ScopedResource.Meta):
        model = models.Person
        fields = (
            "id",
            "full_name",
            "gender",
            "birth_year",
            "organization",
            "organization_name",
            "is_full_time",
            "expertise",
            "email",
            "phone",
            "external_ref",
            "notes",
        )


class PersonLanguageResource(ScopedResource):
    person_name = display_of("person__full_name", "person_name")

    class Meta(ScopedResource.Meta):
        model = models.PersonLanguage
        fields = ("id", "person", "person_name", "language", "level")


class PositionResource(ScopedResource):
    person_name = display_of("person__full_name", "person_name")
    organization_name = display_of("organization__name", "organization_name")

    class Meta(ScopedResource.Meta):
        model = models.Position
        fields = (
            "id",
            "person",
            "person_name",
            "organization",
            "organization_name",
            "title",
            "title_detail",
            "started_on",
            "ended_on",
            "notes",
        )


class CongressResource(ScopedResource):
    organization_name = display_of("organization__name", "organization_name")

    class Meta(ScopedResource.Meta):
        model = models.Congress
        fields = (
            "id",
            "organization",
            "organization_name",
            "number",
            "held_on",
            "term_years",
            "notes",
        )


class CommitteeResource(ScopedResource):
    organization_name = display_of("organization__name", "organization_name")

    class Meta(ScopedResource.Meta):
        model = models.Committee
        fields = (
            "id",
            "organization",
            "organization_name",
            "kind",
            "congress",
            "started_on",
            "ended_on",
            "notes",
        )


class CommitteeMemberResource(ScopedResource):
    person_name = display_of("person__full_name", "person_name")

    class Meta(ScopedResource.Meta):
        model = models.CommitteeMember
        fields = (
            "id",
            "committee",
            "person",
            "person_name",
            "role",
            "joined_on",
            "left_on",
            "notes",
        )


class CommitteeMeetingResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.CommitteeMeeting
        fields = ("id", "committee", "held_on", "location", "summary", "notes")


class MeetingAttendanceResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.MeetingAttendance
        fields = ("id", "meeting", "member", "status")


class StaffingRecordResource(ScopedResource):
    organization_name = display_of("organization__name", "organization_name")

    class Meta(ScopedResource.Meta):
        model = models.StaffingRecord
        fields = (
            "id",
            "organization",
            "organization_name",
            "year",
            "quota",
            "full_time_staff",
            "part_time_staff",
            "notes",
        )
