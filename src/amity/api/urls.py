from django.urls import include, path
from django.utils.module_loading import import_string
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework import routers

from amity.api import views
from amity.api.search import SearchView
from amity.core.registry import App, registry

app_name = "api"


def app_routes(app: App):
    """`/api/<app>/<route>/` for every model of the app with a viewset, from its registry.py."""
    router = routers.DefaultRouter()
    router.root_view_name = f"{app.label}-root"
    for entry in app.models:
        if entry.api:
            router.register(entry.route, entry.load("api"), basename=entry.basename)
    for route in app.routes:
        router.register(route.prefix, import_string(route.viewset), basename=route.basename)
    return path(f"{app.label}/", include(router.urls))


urlpatterns = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("auth/token/", views.ObtainTokenView.as_view(), name="token"),
    path("auth/tokens/", views.ApiTokenViewSet.as_view({"get": "list"}), name="token-list"),
    path(
        "auth/tokens/<int:pk>/",
        views.ApiTokenViewSet.as_view({"delete": "destroy"}),
        name="token-detail",
    ),
    path("search/", SearchView.as_view(), name="search"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *[app_routes(app) for app in registry.apps() if app.has_api],
]
