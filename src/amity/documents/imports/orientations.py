"""The import and export of the orientations' records; the tasks' import is how a long list of
tasks is written into an orientation from a spreadsheet (its `orientation` column)."""

from amity.core.imports import ScopedResource
from amity.documents import models
from amity.documents.forms.orientations import (
    EVIDENCE_FIELDS,
    ORIENTATION_FIELDS,
    RECIPIENT_FIELDS,
    REPORT_FIELDS,
    TASK_FIELDS,
)


class OrientationResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Orientation
        fields = ("id", *ORIENTATION_FIELDS)


class TaskResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.OrientationTask
        fields = ("id", *TASK_FIELDS)


class RecipientResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Recipient
        fields = ("id", *RECIPIENT_FIELDS)


class TaskReportResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.TaskReport
        fields = ("id", *REPORT_FIELDS)


class EvidenceResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Evidence
        fields = ("id", *EVIDENCE_FIELDS, "original_name", "size")
        readonly_fields = ("original_name", "size")
