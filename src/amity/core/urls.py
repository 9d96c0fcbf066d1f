from django.urls import path

from amity.core import trash, views

app_name = "core"
urlpatterns = [
    path("jobs/<int:pk>/", views.job_view, name="job"),
    path("jobs/<int:pk>/download/", views.job_download, name="job_download"),
    path("tables/<str:plural>/columns/", views.table_columns, name="table_columns"),
    path("trash/", trash.trash, name="trash"),
    path("trash/<str:plural>/<int:pk>/restore/", trash.restore, name="restore"),
]
