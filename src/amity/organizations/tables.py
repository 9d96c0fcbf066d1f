import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from amity.core.tables import BaseTable, NumberColumn
from amity.organizations import models


class OrganizationTable(BaseTable):
    # An accessor, not a render_name method: django-tables2 inspects a render method's
    # signature for every cell, a fifth of a list page's time.
    name = tables.Column(accessor="display_name", linkify=True, order_by=("name",))
    parent = tables.Column(linkify=True)
    status = tables.TemplateColumn(
        template_name="organizations/includes/status_badge.html", order_by=("status",)
    )

    class Meta(BaseTable.Meta):
        model = models.Organization
        fields = ("name", "short_name", "kind", "parent", "province", "status", "founded_on")


class LineageEventTable(BaseTable):
    kind = tables.Column(linkify=True)
    organization = tables.Column(linkify=True)
    successor = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.LineageEvent
        fields = ("occurred_on", "kind", "organization", "successor", "decision")


class PersonTable(BaseTable):
    full_name = tables.Column(linkify=True)
    organization = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Person
        fields = ("full_name", "gender", "birth_year", "organization", "is_full_time", "email")


class PersonLanguageTable(BaseTable):
    person = tables.Column(linkify=True)
    language = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.PersonLanguage
        fields = ("person", "language", "level")


class PositionTable(BaseTable):
    person = tables.Column(linkify=True)
    title = tables.Column(linkify=True)
    organization = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Position
        fields = ("person", "title", "organization", "started_on", "ended_on")


class CongressTable(BaseTable):
    number = tables.Column(linkify=True)
    organization = tables.Column(linkify=True)
    term_ends_on = tables.DateColumn(verbose_name=_("term ends"), orderable=False)

    class Meta(BaseTable.Meta):
        model = models.Congress
        fields = ("organization", "number", "held_on", "term_years", "term_ends_on")


class CommitteeTable(BaseTable):
    kind = tables.Column(linkify=True)
    organization = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Committee
        fields = ("kind", "organization", "congress", "started_on", "ended_on")


class CommitteeMemberTable(BaseTable):
    person = tables.Column(linkify=True)
    committee = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.CommitteeMember
        fields = ("person", "role", "committee", "joined_on", "left_on")


class CommitteeMeetingTable(BaseTable):
    held_on = tables.DateColumn(linkify=True)
    committee = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.CommitteeMeeting
        fields = ("held_on", "committee", "location")


class MeetingAttendanceTable(BaseTable):
    member = tables.Column(linkify=True)
    meeting = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.MeetingAttendance
        fields = ("meeting", "member", "status")


class StaffingRecordTable(BaseTable):
    organization = tables.Column(linkify=True)
    year = tables.Column(linkify=True)
    vacancies = NumberColumn(verbose_name=_("vacancies"), orderable=False)

    class Meta(BaseTable.Meta):
        model = models.StaffingRecord
        fields = (
            "organization",
            "year",
            "quota",
            "full_time_staff",
            "part_time_staff",
            "vacancies",
        )
