from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.aid import models, services


class WrittenByWriterAdmin(SimpleHistoryAdmin):
    """The admin saves as every other write path does: through the model's writer, so that a
    rate or a transaction changed here converts what it should."""

    def save_model(self, request, obj, form, change):
        services.write(obj, request.user)


@admin.register(models.Activity)
class ActivityAdmin(WrittenByWriterAdmin):
    list_display = ("iati_identifier", "title_vi", "reporting_org", "organization", "status")
    list_filter = ("status", "kind")
    search_fields = ("iati_identifier", "title_vi", "title_en")


@admin.register(models.Transaction)
class TransactionAdmin(WrittenByWriterAdmin):
    pass


@admin.register(models.Rate)
class RateAdmin(WrittenByWriterAdmin):
    def delete_model(self, request, obj):
        services.delete_rate(obj, request.user, for_good=True)  # the admin deletes for good

    def delete_queryset(self, request, queryset):
        for rate in queryset:
            services.delete_rate(rate, request.user, for_good=True)


for model in (
    models.ActivityProvince,
    models.ActivitySector,
    models.ParticipatingOrg,
    models.Budget,
    models.ActivityDocument,
):
    admin.site.register(model, SimpleHistoryAdmin)


@admin.register(models.UnplacedLocation)
class UnplacedLocationAdmin(WrittenByWriterAdmin):
    list_display = ("place_text", "activity", "reason", "province")
    list_filter = ("reason",)
