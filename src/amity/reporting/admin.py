from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.reporting import models


@admin.register(models.Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name", "type", "aggregation", "organization")
    list_filter = ("type", "aggregation")
    search_fields = ("code", "name", "name_en")


@admin.register(models.Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ("organization", "period", "form_version", "state", "submitted_at")
    list_filter = ("state",)
    search_fields = ("organization__name",)


for model in (
    models.Form,
    models.FormVersion,
    models.Section,
    models.SectionItem,
    models.Period,
    models.Reopening,
    models.ValidationRule,
    models.Value,
    models.ReviewComment,
    models.Attachment,
):
    admin.site.register(model, SimpleHistoryAdmin)
