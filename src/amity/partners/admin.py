from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.partners import models


@admin.register(models.Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "country", "status", "sensitivity")
    list_filter = ("kind", "status", "sensitivity")
    search_fields = ("name", "name_vi", "name_en", "acronym")


for model in (
    models.RelationshipHolder,
    models.Contact,
    models.NgoRegistration,
    models.Interaction,
    models.FollowUp,
):
    admin.site.register(model, SimpleHistoryAdmin)
