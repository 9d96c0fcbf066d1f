"""The registry's API: a serializer and a viewset per model, scoped and filtered like the pages."""

from rest_framework import serializers

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.organizations import filtersets, models


class OrganizationSerializer(ScopedModelSerializer):
    owner_field = "parent"
    display_name = serializers.CharField(read_only=True)

    class Meta:
        model = models.Organization
        fields = (
            *BASE_FIELDS,
            "name",
            "name_en",
            "short_name",
            "short_name_en",
            "display_name",
            "kind",
            "parent",
            "province",
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


class LineageEventSerializer(ScopedModelSerializer):
    class Meta:
        model = models.LineageEvent
        fields = (
            *BASE_FIELDS,
            "organization",
            "kind",
            "occurred_on",
            "decision",
            "successor",
            "previous_name",
            "external_ref",
            "notes",
        )


class PersonSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Person
        fields = (
            *BASE_FIELDS,
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
        )


class PersonLanguageSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.PersonLanguage
        fields = (*BASE_FIELDS, "person", "language", "level")


class PositionSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Position
        fields = (
            *BASE_FIELDS,
            "person",
            "organization",
            "title",
            "title_detail",
            "started_on",
            "ended_on",
            "notes",
        )


class CongressSerializer(ScopedModelSerializer):
    term_ends_on = serializers.DateField(read_only=True)

    class Meta:
        model = models.Congress
        fields = (
            *BASE_FIELDS,
            "organization",
            "number",
            "held_on",
            "term_years",
            "term_ends_on",
            "notes",
        )


class CommitteeSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Committee
        fields = (
            *BASE_FIELDS,
            "organization",
            "kind",
            "congress",
            "started_on",
            "ended_on",
            "notes",
        )


class CommitteeMemberSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.CommitteeMember
        fields = (*BASE_FIELDS, "committee", "person", "role", "joined_on", "left_on", "notes")


class CommitteeMeetingSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.CommitteeMeeting
        fields = (*BASE_FIELDS, "committee", "held_on", "location", "summary", "notes")


class MeetingAttendanceSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.MeetingAttendance
        fields = (*BASE_FIELDS, "meeting", "member", "status")


class StaffingRecordSerializer(ScopedModelSerializer):
    class Meta:
        model = models.StaffingRecord
        fields = (
            *BASE_FIELDS,
            "organization",
            "year",
            "quota",
            "full_time_staff",
            "part_time_staff",
            "notes",
        )


class OrganizationViewSet(ScopedModelViewSet):
    model = models.Organization
    serializer_class = OrganizationSerializer
    filterset_class = filtersets.OrganizationFilterSet


class LineageEventViewSet(ScopedModelViewSet):
    model = models.LineageEvent
    serializer_class = LineageEventSerializer
    filterset_class = filtersets.LineageEventFilterSet


class PersonViewSet(ScopedModelViewSet):
    model = models.Person
    serializer_class = PersonSerializer
    filterset_class = filtersets.PersonFilterSet


class PersonLanguageViewSet(ScopedModelViewSet):
    model = models.PersonLanguage
    serializer_class = PersonLanguageSerializer
    filterset_class = filtersets.PersonLanguageFilterSet


class PositionViewSet(ScopedModelViewSet):
    model = models.Position
    serializer_class = PositionSerializer
    filterset_class = filtersets.PositionFilterSet


class CongressViewSet(ScopedModelViewSet):
    model = models.Congress
    serializer_class = CongressSerializer
    filterset_class = filtersets.CongressFilterSet


class CommitteeViewSet(ScopedModelViewSet):
    model = models.Committee
    serializer_class = CommitteeSerializer
    filterset_class = filtersets.CommitteeFilterSet


class CommitteeMemberViewSet(ScopedModelViewSet):
    model = models.CommitteeMember
    serializer_class = CommitteeMemberSerializer
    filterset_class = filtersets.CommitteeMemberFilterSet


class CommitteeMeetingViewSet(ScopedModelViewSet):
    model = models.CommitteeMeeting
    serializer_class = CommitteeMeetingSerializer
    filterset_class = filtersets.CommitteeMeetingFilterSet


class MeetingAttendanceViewSet(ScopedModelViewSet):
    model = models.MeetingAttendance
    serializer_class = MeetingAttendanceSerializer
    filterset_class = filtersets.MeetingAttendanceFilterSet


class StaffingRecordViewSet(ScopedModelViewSet):
    model = models.StaffingRecord
    serializer_class = StaffingRecordSerializer
    filterset_class = filtersets.StaffingRecordFilterSet
