"""Emulation, awards and the yearly review of member organizations.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "emulation",
        demo="amity.emulation.demo",
        menu=[
            Menu(
                _("Emulation regulations"),
                "emulation:regulation_list",
                "award",
                order=100,
                group="emulation",
            ),
            Menu(
                _("Reviews of member organizations"),
                "emulation:review_list",
                "clipboard-check",
                order=130,
                group="emulation",
            ),
        ],
        models=[
            Model(
                "emulation.Regulation",
                "regulations",
                views="amity.emulation.views.regulations.RegulationViews",
                resource="amity.emulation.imports.regulations.RegulationResource",
                api="amity.emulation.api.regulations.RegulationViewSet",
                search=("code", "title_vi", "title_en"),
            ),
            Model(
                "emulation.Review",
                "reviews",
                views="amity.emulation.views.review.ReviewViews",
                resource="amity.emulation.imports.review.ReviewResource",
                api="amity.emulation.api.review.ReviewViewSet",
                writer="amity.emulation.review_services.ReviewWriter",
                search=("organization__name", "reviewer_note"),
            ),
        ],
    )
)
