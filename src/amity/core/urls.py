from django.urls import path

from amity.core import trash, views

app_name = "core"
urlpatterns = [
    path("imports/<int:pk>/", views.import_job_view, name="import_job"),
    path("trash/", trash.trash, name="trash"),
    path("trash/<str:plural>/<int:pk>/restore/", trash.restore, name="restore"),
]
