from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.aid import models


@admin.register(models.Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ("iati_identifier", "title_vi", "reporting_org", "organization", "status")
    list_filter = ("status", "kind")
    search_fields = ("iati_identifier", "title_vi", "title_en")


for model in (
    models.ActivityProvince,
    models.ActivitySector,
    models.ParticipatingOrg,
    models.Budget,
    models.ActivityDocument,
    models.Transaction,
    models.Rate,
):
    admin.site.register(model, SimpleHistoryAdmin)
