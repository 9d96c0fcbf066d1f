import django_tables2 as tables

from amity.core.tables import BaseTable
from amity.documents import models


class OrientationTable(BaseTable):
    title = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Orientation
        fields = ("title", "year", "kind", "region", "organization", "status", "issued_on")


class TaskTable(BaseTable):
    title = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.OrientationTask
        fields = ("order", "title", "orientation", "due_on")


class RecipientTable(BaseTable):
    organization = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Recipient
        fields = ("organization", "orientation", "acknowledged_on", "acknowledged_by")


class TaskReportTable(BaseTable):
    task = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.TaskReport
        fields = ("task", "recipient", "progress", "reported_on")


class EvidenceTable(BaseTable):
    title = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Evidence
        fields = ("title", "original_name", "report", "size")
