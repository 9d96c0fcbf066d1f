"""Aid mobilised from foreign NGOs: activities (IATI), shares, budgets, transactions and rates.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "aid",
        demo="amity.aid.demo",
        menu=[
            Menu(_("Aid"), "aid:activity_list", "cash-coin", order=50),
        ],
        models=[
            Model(
                "aid.Activity",
                "activities",
                views="amity.aid.views.ActivityViews",
                resource="amity.aid.imports.ActivityResource",
                api="amity.aid.api.ActivityViewSet",
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
            ),
            Model(
                "aid.Rate",
                "rates",
                views="amity.aid.views.RateViews",
                resource="amity.aid.imports.RateResource",
                api="amity.aid.api.RateViewSet",
            ),
        ],
    )
)
