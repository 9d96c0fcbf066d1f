from django.urls import path

from amity.events import views

app_name = "events"
urlpatterns = [
    path("calendar/", views.calendar_page, name="calendar"),
    path("calendar.ics", views.calendar_feed, name="calendar_feed"),
    path("calendar/subscribe/", views.calendar_subscribe, name="calendar_subscribe"),
    path("calendar/<str:key>.ics", views.secret_calendar_feed, name="secret_calendar_feed"),
    path(
        "calendar/<str:key>/organizations/<int:pk>.ics",
        views.secret_organization_feed,
        name="secret_organization_feed",
    ),
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
