"""The Django admin is the system administrator's back door; users work in the app's pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.organizations import models


@admin.register(models.Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "parent", "status")
    list_filter = ("kind", "status")
    search_fields = ("name", "name_en", "short_name")
    raw_id_fields = ("parent",)


for model in (
    models.LineageEvent,
    models.Person,
    models.PersonLanguage,
    models.Position,
    models.Congress,
    models.Committee,
    models.CommitteeMember,
    models.CommitteeMeeting,
    models.MeetingAttendance,
    models.StaffingRecord,
):
    admin.site.register(model, SimpleHistoryAdmin)
