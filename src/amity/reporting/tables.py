import django_tables2 as tables

from amity.core.tables import BaseTable
from amity.reporting import models


class IndicatorTable(BaseTable):
    code = tables.Column(linkify=True)
    name = tables.Column(accessor="display_name", order_by=("name",))

    class Meta(BaseTable.Meta):
        model = models.Indicator
        fields = ("code", "name", "type", "unit", "aggregation", "prefill")


class FormTable(BaseTable):
    code = tables.Column(linkify=True)
    name = tables.Column(linkify=True)
    assigned_kinds = tables.Column(
        accessor="get_assigned_kinds_display",
        verbose_name=models.Form._meta.get_field("assigned_kinds").verbose_name,
        orderable=False,
    )

    class Meta(BaseTable.Meta):
        model = models.Form
        fields = ("code", "name", "organization", "assigned_kinds")


class FormVersionTable(BaseTable):
    form = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.FormVersion
        fields = ("form", "number", "status", "published_on")


class SectionTable(BaseTable):
    title = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Section
        fields = ("title", "form_version", "order", "kind")


class SectionItemTable(BaseTable):
    indicator = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.SectionItem
        fields = ("indicator", "section", "order", "required")


class PeriodTable(BaseTable):
    label = tables.Column(linkify=lambda record: record.get_absolute_url(), orderable=False)

    class Meta(BaseTable.Meta):
        model = models.Period
        fields = ("label", "form", "opens_on", "deadline", "grace_days", "locked")


class ReopeningTable(BaseTable):
    period = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.Reopening
        fields = ("period", "organization", "reason", "expires_on")


class ValidationRuleTable(BaseTable):
    message = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.ValidationRule
        fields = ("message", "form_version", "kind", "severity")


class SubmissionTable(BaseTable):
    organization = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.Submission
        fields = ("organization", "period", "state", "submitted_at", "approved_at")


class ValueTable(BaseTable):
    indicator = tables.Column(linkify=lambda record: record.get_absolute_url())
    value = tables.Column(accessor="display", orderable=False)

    class Meta(BaseTable.Meta):
        model = models.Value
        fields = ("indicator", "value", "submission", "source")


class ReviewCommentTable(BaseTable):
    text = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.ReviewComment
        fields = ("text", "submission", "indicator", "resolved")


class AttachmentTable(BaseTable):
    title = tables.Column(
        accessor="__str__",
        linkify=lambda record: record.get_absolute_url(),
        order_by=("title", "original_name"),
    )

    class Meta(BaseTable.Meta):
        model = models.Attachment
        fields = ("title", "submission", "original_name", "size", "created_at")
