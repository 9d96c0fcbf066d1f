"""Proposals raised at conferences, their answers, and consultations on draft documents.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "proposals",
        demo="amity.proposals.demo",
        daily=("proposals_reminders",),
        menu=[
            Menu(_("Proposals"), "proposals:board", "chat-square-text", order=80, group="events"),
        ],
        models=[
            Model(
                "proposals.Topic",
                "proposal-topics",
                views="amity.proposals.views.TopicViews",
                resource="amity.proposals.imports.TopicResource",
                api="amity.proposals.api.TopicViewSet",
                api_plural="topics",
            ),
            Model(
                "proposals.StatusLabel",
                "proposal-status-labels",
                views="amity.proposals.views.StatusLabelViews",
                resource="amity.proposals.imports.StatusLabelResource",
                api="amity.proposals.api.StatusLabelViewSet",
                api_plural="status-labels",
            ),
            Model(
                "proposals.Proposal",
                "proposals",
                views="amity.proposals.views.ProposalViews",
                resource="amity.proposals.imports.ProposalResource",
                api="amity.proposals.api.ProposalViewSet",
                writer="amity.proposals.services.ProposalWriter",
                search=("title",),
            ),
            Model(
                "proposals.ProposalAction",
                "proposal-actions",
                views="amity.proposals.views.ProposalActionViews",
                resource="amity.proposals.imports.ProposalActionResource",
                api="amity.proposals.api.ProposalActionViewSet",
            ),
            Model(
                "proposals.Consultation",
                "consultations",
                views="amity.proposals.views.ConsultationViews",
                resource="amity.proposals.imports.ConsultationResource",
                api="amity.proposals.api.ConsultationViewSet",
                writer="amity.proposals.services.ConsultationWriter",
                search=("title_vi", "title_en"),
            ),
            Model(
                "proposals.ConsultationArticle",
                "consultation-articles",
                views="amity.proposals.views.ConsultationArticleViews",
                resource="amity.proposals.imports.ConsultationArticleResource",
                api="amity.proposals.api.ConsultationArticleViewSet",
            ),
            Model(
                "proposals.ConsultationResponse",
                "consultation-responses",
                views="amity.proposals.views.ConsultationResponseViews",
                resource="amity.proposals.imports.ConsultationResponseResource",
                api="amity.proposals.api.ConsultationResponseViewSet",
            ),
            Model(
                "proposals.ArticlePosition",
                "article-positions",
                views="amity.proposals.views.ArticlePositionViews",
                resource="amity.proposals.imports.ArticlePositionResource",
                api="amity.proposals.api.ArticlePositionViewSet",
            ),
        ],
    )
)
