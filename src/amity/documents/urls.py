# orientations
from amity.documents.views import orientations

app_name = "documents"
urlpatterns: list = []

# orientations
urlpatterns += [
    *orientations.OrientationViews.urls(),
    *orientations.TaskViews.urls(),
    *orientations.RecipientViews.urls(),
    *orientations.TaskReportViews.urls(),
    *orientations.EvidenceViews.urls(),
]
