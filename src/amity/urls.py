from django.contrib import admin
from django.urls import include, path

from amity.core.health import healthz, metrics, readyz
from amity.core.search_views import search_page
from amity.core.views import home

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("metrics", metrics, name="metrics"),
    path("search/", search_page, name="search"),
    path("accounts/", include("amity.accounts.urls")),
    path("core/", include("amity.core.urls")),
    path("inbox/", include("amity.inbox.urls")),
    path("geo/", include("amity.geo.urls")),
    path("organizations/", include("amity.organizations.urls")),
    path("partners/", include("amity.partners.urls")),
    path("aid/", include("amity.aid.urls")),
    path("reporting/", include("amity.reporting.urls")),
    path("events/", include("amity.events.urls")),
    path("proposals/", include("amity.proposals.urls")),
    path("emulation/", include("amity.emulation.urls")),
    path("training/", include("amity.training.urls")),
    path("documents/", include("amity.documents.urls")),
    path("agreements/", include("amity.agreements.urls")),
    path("overview/", include("amity.overview.urls")),
    path("api/", include("amity.api.urls")),
    path("admin/", admin.site.urls),
]
