"""The year in one picture: the dashboard of each role's figures against last year, and the
annual review drafted from the records. It reads every domain and no domain imports it (it sits
just below the API in pyproject's import-linter layers); it has no models of its own."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, registry

registry.register(
    App(
        "overview",
        # under "Reports": a top-level entry would take the bar past one line on a laptop
        menu=[
            Menu(
                _("The year in one picture"),
                "overview:dashboard",
                "speedometer2",
                order=61,
                group="reports",
            )
        ],
    )
)
