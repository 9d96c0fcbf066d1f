from django.contrib import admin

from amity.core.models import ScheduledRun


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    """What `amity schedule` ran each day, with what each job printed: read only."""

    list_display = ("day", "name", "succeeded", "started_at", "finished_at")
    list_filter = ("name", "succeeded")
    readonly_fields = ("name", "day", "started_at", "finished_at", "succeeded", "output")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
