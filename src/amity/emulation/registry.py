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
