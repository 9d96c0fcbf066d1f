"""The aid domain as the central places see it (`amity.core.registry`): each model with its plural
(the web URLs and the command line), views, import resource, API viewset and writer; the menu
entry; the demo loader."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "aid",
        menu=[Menu(_("Aid"), "aid:activity_list", "cash-coin", order=50, group="partners")],
        demo="amity.aid.demo",
        models=[
            Model(
                "aid.Activity",
                "activities",
                views="amity.aid.views.ActivityViews",
                resource="amity.aid.imports.ActivityResource",
                api="amity.aid.api.ActivityViewSet",
                writer="amity.aid.services.ActivityWriter",
                search=("title_vi", "title_en", "iati_identifier"),
            ),
            Model(
                "aid.ActivityProvince",
                "activity-provinces",
                views="amity.aid.views.ActivityProvinceViews",
                resource="amity.aid.imports.ActivityProvinceResource",
                api="amity.aid.api.ActivityProvinceViewSet",
            ),
            Model(
                "aid.ActivitySector",
                "activity-sectors",
                views="amity.aid.views.ActivitySectorViews",
                resource="amity.aid.imports.ActivitySectorResource",
                api="amity.aid.api.ActivitySectorViewSet",
            ),
            Model(
                "aid.ParticipatingOrg",
                "participating-organizations",
                views="amity.aid.views.ParticipatingOrgViews",
                resource="amity.aid.imports.ParticipatingOrgResource",
                api="amity.aid.api.ParticipatingOrgViewSet",
            ),
            Model(
                "aid.Budget",
                "budgets",
                views="amity.aid.views.BudgetViews",
                resource="amity.aid.imports.BudgetResource",
                api="amity.aid.api.BudgetViewSet",
            ),
            Model(
                "aid.ActivityDocument",
                "activity-documents",
                views="amity.aid.views.ActivityDocumentViews",
                resource="amity.aid.imports.ActivityDocumentResource",
                api="amity.aid.api.ActivityDocumentViewSet",
            ),
            Model(
                "aid.Transaction",
                "transactions",
                views="amity.aid.views.TransactionViews",
                resource="amity.aid.imports.TransactionResource",
                api="amity.aid.api.TransactionViewSet",
                writer="amity.aid.services.TransactionWriter",
            ),
            Model(
                "aid.UnplacedLocation",
                "unplaced-locations",
                views="amity.aid.views.UnplacedLocationViews",
                resource="amity.aid.imports.UnplacedLocationResource",
                api="amity.aid.api.UnplacedLocationViewSet",
                writer="amity.aid.services.UnplacedLocationWriter",
            ),
            Model(
                "aid.Rate",
                "rates",
                views="amity.aid.views.RateViews",
                resource="amity.aid.imports.RateResource",
                api="amity.aid.api.RateViewSet",
                writer="amity.aid.services.RateWriter",
            ),
        ],
    )
)
