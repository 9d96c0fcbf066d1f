from django.urls import path

from amity.organizations import views

app_name = "organizations"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("organizations/merge/", views.merge, name="merge"),
    path("congresses/schedule/", views.congress_schedule, name="congress_schedule"),
    path(
        "committee-meetings/<int:pk>/attendance/",
        views.record_attendance,
        name="record_attendance",
    ),
    *views.OrganizationViews.urls(),
    *views.LineageEventViews.urls(),
    *views.PersonViews.urls(),
    *views.PersonLanguageViews.urls(),
    *views.PositionViews.urls(),
    *views.CongressViews.urls(),
    *views.CommitteeViews.urls(),
    *views.CommitteeMemberViews.urls(),
    *views.CommitteeMeetingViews.urls(),
    *views.MeetingAttendanceViews.urls(),
    *views.StaffingRecordViews.urls(),
]
