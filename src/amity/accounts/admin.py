from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from rest_framework.authtoken.models import TokenProxy
from simple_history.admin import SimpleHistoryAdmin

from amity.accounts.models import ApiToken, User

# DRF's token table stays installed for the migration that moved its tokens into ApiToken; it is
# empty and no longer read, so it has no place in the admin.
admin.site.unregister(TokenProxy)


@admin.register(User)
class UserAdmin(DjangoUserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "first_name", "last_name", "role", "organization", "is_active")
    list_filter = ("role", "may_approve_answers", "is_active")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        ("Amity", {"fields": ("role", "organization", "may_approve_answers")}),
    )
    autocomplete_fields = ("organization",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """The tokens of every user, to see and revoke; a token is made only by its user (the API)."""

    list_display = ("prefix", "user", "created_at", "last_used_at", "expires_at")
    list_filter = ("expires_at",)
    search_fields = ("user__username", "prefix")
    readonly_fields = ("user", "prefix", "created_at", "last_used_at", "expires_at")
    exclude = ("digest",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
