"""Emulation, awards and the yearly review of member organizations.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, Route, registry

registry.register(
    App(
        "emulation",
        demo="amity.emulation.demo",
        routes=[Route("ranking", "amity.emulation.api.scoring.RankingViewSet", "ranking")],
        menu=[
            Menu(
                _("Emulation regulations"),
                "emulation:regulation_list",
                "award",
                order=100,
                group="emulation",
            ),
            Menu(
                _("Emulation clusters"),
                "emulation:cluster_list",
                "trophy",
                order=101,
                group="emulation",
            ),
            Menu(
                _("Score sheets"),
                "emulation:scoresheet_list",
                "list-check",
                order=102,
                group="emulation",
            ),
            Menu(
                _("Emulation campaigns"),
                "emulation:campaign_list",
                "flag",
                order=103,
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
                "emulation.CriteriaTable",
                "criteria-tables",
                views="amity.emulation.views.scoring.CriteriaTableViews",
                resource="amity.emulation.imports.scoring.CriteriaTableResource",
                api="amity.emulation.api.scoring.CriteriaTableViewSet",
                search=("code", "title_vi", "title_en"),
            ),
            Model(
                "emulation.CriteriaSection",
                "criteria-sections",
                views="amity.emulation.views.scoring.CriteriaSectionViews",
                resource="amity.emulation.imports.scoring.CriteriaSectionResource",
                api="amity.emulation.api.scoring.CriteriaSectionViewSet",
            ),
            Model(
                "emulation.Criterion",
                "criteria",
                views="amity.emulation.views.scoring.CriterionViews",
                resource="amity.emulation.imports.scoring.CriterionResource",
                api="amity.emulation.api.scoring.CriterionViewSet",
                search=("code", "text_vi", "text_en"),
            ),
            Model(
                "emulation.Cluster",
                "clusters",
                views="amity.emulation.views.scoring.ClusterViews",
                resource="amity.emulation.imports.scoring.ClusterResource",
                api="amity.emulation.api.scoring.ClusterViewSet",
                search=("name",),
            ),
            Model(
                "emulation.Campaign",
                "campaigns",
                views="amity.emulation.views.scoring.CampaignViews",
                resource="amity.emulation.imports.scoring.CampaignResource",
                api="amity.emulation.api.scoring.CampaignViewSet",
                search=("name_vi", "name_en"),
            ),
            Model(
                "emulation.ScoreSheet",
                "score-sheets",
                views="amity.emulation.views.scoring.ScoreSheetViews",
                resource="amity.emulation.imports.scoring.ScoreSheetResource",
                api="amity.emulation.api.scoring.ScoreSheetViewSet",
                writer="amity.emulation.scoring_services.ScoreSheetWriter",
            ),
            Model(
                "emulation.Score",
                "scores",
                views="amity.emulation.views.scoring.ScoreViews",
                resource="amity.emulation.imports.scoring.ScoreResource",
                api="amity.emulation.api.scoring.ScoreViewSet",
                writer="amity.emulation.scoring_services.ScoreWriter",
            ),
        ],
    )
)
