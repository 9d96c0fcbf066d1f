from django.urls import path

from amity.events import views

app_name = "events"
urlpatterns = [
    path("calendar/", views.calendar_page, name="calendar"),
    path("calendar.ics", views.calendar_feed, name="calendar_feed"),
    path(
        "organizations/<int:pk>/calendar.ics",
        views.organization_feed,
        name="organization_feed",
    ),
    path("events/<int:pk>/conference/", views.conference, name="conference"),
    *views.EventViews.urls(),
    *views.BridgePointViews.urls(),
    *views.ParticipantViews.urls(),
    *views.TopicViews.urls(),
    *views.SessionViews.urls(),
    *views.PresentationViews.urls(),
    *views.EventDocumentViews.urls(),
]
