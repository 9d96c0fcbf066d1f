from django.urls import path  # noqa: F401  (each area adds its pages beside the generic ones)

from amity.emulation import views

app_name = "emulation"
urlpatterns = [
    *views.RegulationViews.urls(),
]
