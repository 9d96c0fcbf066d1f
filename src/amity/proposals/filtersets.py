from datetime import date

import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.organizations.models import Organization
from amity.proposals import models
from amity.proposals.choices import CLOSED_STATUSES


class TopicFilterSet(BaseFilterSet):
    search_fields = ("code", "name_vi", "name_en")

    class Meta:
        model = models.Topic
        fields = ["organization", "is_active"]


class StatusLabelFilterSet(BaseFilterSet):
    search_fields = ("label_vi", "label_en")

    class Meta:
        model = models.StatusLabel
        fields = ["organization", "status"]


class ProposalFilterSet(BaseFilterSet):
    search_fields = ("title", "text", "raised_by_name", "organization__name")
    addressed_to = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.all(), label=_("addressed to")
    )
    responsible_department = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.all(), label=_("responsible department")
    )
    due_before = django_filters.DateFilter(
        field_name="due_on", lookup_expr="lte", label=_("due before")
    )
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("overdue"))
    open = django_filters.BooleanFilter(method="filter_open", label=_("still open"))

    class Meta:
        model = models.Proposal
        fields = [
            "status",
            "topic",
            "organization",
            "addressed_to",
            "responsible_department",
            "source",
            "event",
            "consultation",
            "answer_state",
            "due_before",
            "overdue",
            "open",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("addressed_to", "responsible_department"):
            self.filters[name].queryset = models.departments()

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue(date.today())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))

    def filter_open(self, queryset, name, value):
        if value is None:
            return queryset
        if value:
            return queryset.exclude(status__in=CLOSED_STATUSES)
        return queryset.filter(status__in=CLOSED_STATUSES)


class ProposalActionFilterSet(BaseFilterSet):
    search_fields = ("action", "proposal__title")

    class Meta:
        model = models.ProposalAction
        fields = ["proposal", "responsible", "state"]


class ConsultationFilterSet(BaseFilterSet):
    search_fields = ("title_vi", "title_en", "document")

    class Meta:
        model = models.Consultation
        fields = ["organization", "status"]


class ConsultationArticleFilterSet(BaseFilterSet):
    search_fields = ("heading", "text")

    class Meta:
        model = models.ConsultationArticle
        fields = ["consultation"]


class ConsultationResponseFilterSet(BaseFilterSet):
    search_fields = ("organization__name", "signed_by", "general_comment")

    class Meta:
        model = models.ConsultationResponse
        fields = ["consultation", "organization"]


class ArticlePositionFilterSet(BaseFilterSet):
    search_fields = ("proposed_text", "comment")

    class Meta:
        model = models.ArticlePosition
        fields = ["response", "article", "position"]
