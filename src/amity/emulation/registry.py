"""Emulation, awards and the yearly review of member organizations.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.registry import App, Menu, Model, Route, Tab, registry

registry.register(
    App(
        "emulation",
        demo="amity.emulation.demo",
        # its clusters, offered by the documents' distribution form
        recipient_groups="amity.emulation.groups.recipient_groups",
        routes=[Route("ranking", "amity.emulation.api.scoring.RankingViewSet", "ranking")],
        # each nominee's honours, on its own page (the organizations and partners sit below)
        tabs=[
            Tab(
                label,
                "honours",
                pgettext_lazy("tab", "Honours"),
                "amity.emulation.views.awards.honours_tab",
                "emulation/awards/honours_tab.html",
            )
            for label in (
                "organizations.Organization",
                "organizations.Person",
                "partners.Partner",
                "partners.Contact",
            )
        ]
        # the decision drafted for the register, numbered on issue (`documents.generation`)
        + [
            Tab(
                "emulation.AwardDecision",
                "documents",
                pgettext_lazy("tab", "Documents"),
                "amity.documents.generation.tab_context",
                "documents/generation/panel.html",
            )
        ],
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
            Menu(
                _("Award proposals"),
                "emulation:awardproposal_board",
                "trophy",
                order=110,
                group="emulation",
            ),
            Menu(
                _("Award decisions"),
                "emulation:awarddecision_list",
                "journal-check",
                order=111,
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
            Model(
                "emulation.AwardForm",
                "award-forms",
                views="amity.emulation.views.awards.AwardFormViews",
                resource="amity.emulation.imports.awards.AwardFormResource",
                api="amity.emulation.api.awards.AwardFormViewSet",
                search=("code", "name_vi", "name_en"),
            ),
            Model(
                "emulation.AwardProposal",
                "award-proposals",
                views="amity.emulation.views.awards.AwardProposalViews",
                resource="amity.emulation.imports.awards.AwardProposalResource",
                api="amity.emulation.api.awards.AwardProposalViewSet",
                writer="amity.emulation.award_services.AwardProposalWriter",
                search=("achievements",),
            ),
            Model(
                "emulation.AwardDocument",
                "award-documents",
                views="amity.emulation.views.awards.AwardDocumentViews",
                resource="amity.emulation.imports.awards.AwardDocumentResource",
                api="amity.emulation.api.awards.AwardDocumentViewSet",
                writer="amity.emulation.award_services.AwardDocumentWriter",
            ),
            Model(
                "emulation.CouncilMember",
                "council-members",
                views="amity.emulation.views.awards.CouncilMemberViews",
                resource="amity.emulation.imports.awards.CouncilMemberResource",
                api="amity.emulation.api.awards.CouncilMemberViewSet",
            ),
            Model(
                "emulation.AwardVote",
                "award-votes",
                views="amity.emulation.views.awards.AwardVoteViews",
                resource="amity.emulation.imports.awards.AwardVoteResource",
                api="amity.emulation.api.awards.AwardVoteViewSet",
                writer="amity.emulation.award_services.AwardVoteWriter",
            ),
            Model(
                "emulation.AwardDecision",
                "award-decisions",
                views="amity.emulation.views.awards.AwardDecisionViews",
                resource="amity.emulation.imports.awards.AwardDecisionResource",
                api="amity.emulation.api.awards.AwardDecisionViewSet",
                writer="amity.emulation.award_services.AwardDecisionWriter",
                search=("number", "signer_name"),
                draft="amity.emulation.decision_drafts.draft",
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
