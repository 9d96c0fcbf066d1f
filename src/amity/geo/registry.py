"""Places: provinces (as they are and as they were) and countries; reference data.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "geo",
        menu=[
            Menu(_("Places"), "geo:province_list", "geo-alt", order=90, group="network"),
        ],
        models=[
            Model(
                "geo.Province",
                "provinces",
                views="amity.geo.views.ProvinceViews",
                api="amity.geo.api.ProvinceViewSet",
            ),
            Model(
                "geo.Country",
                "countries",
                views="amity.geo.views.CountryViews",
                api="amity.geo.api.CountryViewSet",
            ),
        ],
    )
)
