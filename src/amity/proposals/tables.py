import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from amity.core.tables import BaseTable
from amity.proposals import models


def overdue_class(record) -> str:
    return "table-danger" if record.is_overdue else ""


class TopicTable(BaseTable):
    name_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Topic
        fields = ("code", "name_vi", "name_en", "organization", "order", "is_active")


class StatusLabelTable(BaseTable):
    label_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.StatusLabel
        fields = ("status", "label_vi", "label_en", "organization")


class ProposalTable(BaseTable):
    title = tables.Column(linkify=True)
    organization = tables.Column(verbose_name=_("raised by"))
    due_on = tables.DateColumn(short=True)

    class Meta(BaseTable.Meta):
        model = models.Proposal
        fields = (
            "title",
            "organization",
            "raised_on",
            "topic",
            "addressed_to",
            "status",
            "answer_state",
            "due_on",
        )
        row_attrs = {"class": overdue_class}


class ProposalActionTable(BaseTable):
    action = tables.Column(linkify=True)
    proposal = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.ProposalAction
        fields = ("action", "proposal", "responsible", "due_on", "progress", "state")


class ConsultationTable(BaseTable):
    title_vi = tables.Column(linkify=True, verbose_name=_("title"))

    class Meta(BaseTable.Meta):
        model = models.Consultation
        fields = ("title_vi", "document", "organization", "opens_on", "deadline", "status")


class ConsultationArticleTable(BaseTable):
    number = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.ConsultationArticle
        fields = ("number", "heading", "consultation")


class ConsultationResponseTable(BaseTable):
    organization = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.ConsultationResponse
        fields = ("organization", "consultation", "submitted_on", "signed_by")


class ArticlePositionTable(BaseTable):
    article = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.ArticlePosition
        fields = ("article", "response", "position")
