from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from amity.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "first_name", "last_name", "role", "organization", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = (*DjangoUserAdmin.fieldsets, ("Amity", {"fields": ("role", "organization")}))
    autocomplete_fields = ("organization",)
