from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.events import models


@admin.register(models.Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ("title_vi", "kind", "start", "organization", "status")
    list_filter = ("kind", "status")
    search_fields = ("title_vi", "title_en", "place")


for model in (
    models.BridgePoint,
    models.Participant,
    models.Topic,
    models.Session,
    models.Presentation,
    models.EventDocument,
):
    admin.site.register(model, SimpleHistoryAdmin)
