import django_tables2 as tables

from amity.core.tables import BaseTable
from amity.training import models


class NominationTable(BaseTable):
    person = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.Nomination
        fields = ("person", "course", "organization", "state")


class AttendanceTable(BaseTable):
    nomination = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.Attendance
        fields = ("nomination", "session", "present")


class ResultTable(BaseTable):
    nomination = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.Result
        fields = ("nomination", "completed", "passed", "score", "certificate_number", "issued_on")


class FeedbackTable(BaseTable):
    course = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.Feedback
        fields = ("course", "nomination", "comments")
