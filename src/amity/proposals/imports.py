"""Import and export resources: the export's columns are the import's, plus `external_ref`."""

from amity.core.imports import ScopedResource
from amity.organizations.imports import display_of
from amity.proposals import models, services


class TopicResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Topic
        fields = ("id", "organization", "code", "name_vi", "name_en", "order", "is_active", "notes")


class StatusLabelResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.StatusLabel
        fields = ("id", "organization", "status", "label_vi", "label_en", "notes")


class ProposalResource(ScopedResource):
    """The proposal as raised; its answer is written through the workflow, so it is exported
    (read-only) but never imported."""

    organization_name = display_of("organization__name", "organization_name")
    addressed_to_name = display_of("addressed_to__name", "addressed_to_name")
    answer_text = display_of("answer_text", "answer_text")

    class Meta(ScopedResource.Meta):
        model = models.Proposal
        fields = (
            "id",
            "organization",
            "organization_name",
            "raised_by",
            "raised_by_name",
            "raised_on",
            "source",
            "event",
            "consultation",
            "source_reference",
            "topic",
            "title",
            "text",
            "addressed_to",
            "addressed_to_name",
            "responsible_department",
            "due_on",
            "status",
            "answer_state",
            "answer_text",
            "external_ref",
            "notes",
        )

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self.fields["answer_state"].readonly = True
        # what the centre decides is exported to a unit, never imported from it (as its form)
        for name in services.centre_fields(user) if user is not None else ():
            self.fields[name].readonly = True
        self._departments = None

    def dehydrate_answer_text(self, proposal):
        # The proposer's export holds the answer once published, as the proposal's page does.
        if self.user is None:  # the command line's export: everything
            return proposal.answer_text
        if self._departments is None:
            self._departments = services.answering_departments(self.user)
        shown = services.answer_shown_to(self.user, proposal, self._departments)
        return proposal.answer_text if shown else ""


class ProposalActionResource(ScopedResource):
    proposal_title = display_of("proposal__title", "proposal_title")

    class Meta(ScopedResource.Meta):
        model = models.ProposalAction
        fields = (
            "id",
            "proposal",
            "proposal_title",
            "action",
            "responsible",
            "due_on",
            "progress",
            "state",
            "notes",
        )


class ConsultationResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Consultation
        fields = (
            "id",
            "organization",
            "title_vi",
            "title_en",
            "document",
            "description",
            "opens_on",
            "deadline",
            "remind_days_before",
            "status",
            "external_ref",
            "notes",
        )


class ConsultationArticleResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.ConsultationArticle
        fields = ("id", "consultation", "number", "heading", "text", "notes")


class ConsultationResponseResource(ScopedResource):
    organization_name = display_of("organization__name", "organization_name")

    class Meta(ScopedResource.Meta):
        model = models.ConsultationResponse
        fields = (
            "id",
            "consultation",
            "organization",
            "organization_name",
            "submitted_on",
            "signed_by",
            "general_comment",
            "notes",
        )


class ArticlePositionResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.ArticlePosition
        fields = ("id", "response", "article", "position", "proposed_text", "comment", "notes")
