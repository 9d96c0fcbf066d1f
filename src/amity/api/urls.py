from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from amity.aid.api import router as aid_router
from amity.api import views
from amity.events.api import router as events_router
from amity.geo.api import router as geo_router
from amity.organizations.api import router as organizations_router
from amity.partners.api import router as partners_router
from amity.proposals.api import router as proposals_router
from amity.reporting.api import router as reporting_router

app_name = "api"


def app_routes(prefix, router):
    return path(f"{prefix}/", include(router.urls))


urlpatterns = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("auth/token/", views.ObtainTokenView.as_view(), name="token"),
    path("auth/tokens/", views.ApiTokenViewSet.as_view({"get": "list"}), name="token-list"),
    path(
        "auth/tokens/<int:pk>/",
        views.ApiTokenViewSet.as_view({"delete": "destroy"}),
        name="token-detail",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    app_routes("organizations", organizations_router),
    app_routes("geo", geo_router),
    app_routes("partners", partners_router),
    app_routes("aid", aid_router),
    app_routes("reporting", reporting_router),
    app_routes("events", events_router),
    app_routes("proposals", proposals_router),
]
