from django.contrib import admin

from amity.inbox.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """The notifications, to see what a user was told and when: read only."""

    list_display = ("created_at", "recipient", "kind", "read_at", "emailed_at")
    list_filter = ("kind",)
    list_select_related = ("recipient",)
    search_fields = ("recipient__username",)
    readonly_fields = (
        "recipient",
        "kind",
        "message",
        "params",
        "url",
        "created_at",
        "read_at",
        "emailed_at",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
