from django.urls import path  # noqa: F401  (each area adds its pages beside the generic ones)

from amity.emulation.views import regulations, review

app_name = "emulation"
urlpatterns = [
    *regulations.RegulationViews.urls(),
    *review.ReviewViews.urls(),
]
