"""The places in the registry: read-only reference data (no import, no writer, no demo: a data
migration loads them), with their menu entry and API routes (see `amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "geo",
        menu=[
            Menu(_("Places"), "geo:province_list", "geo-alt", order=90),
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
