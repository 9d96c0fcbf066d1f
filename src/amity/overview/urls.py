from django.urls import path

from amity.overview import views

app_name = "overview"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("review/", views.annual_review, name="review"),
]
