import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.documents import models
from amity.geo.models import Country
from amity.partners.models import FieldOfWork


class OrientationFilterSet(BaseFilterSet):
    search_fields = ("title", "summary", "number")
    country = django_filters.ModelChoiceFilter(
        label=_("country"), field_name="countries", queryset=Country.objects.all()
    )
    field_of_work = django_filters.ModelChoiceFilter(
        label=_("field of work"), field_name="fields_of_work", queryset=FieldOfWork.objects.all()
    )

    class Meta:
        model = models.Orientation
        fields = {
            "organization": ["exact"],
            "year": ["exact"],
            "kind": ["exact"],
            "region": ["exact"],
            "status": ["exact"],
            "issued_on": ["gte", "lte"],
        }


class TaskFilterSet(BaseFilterSet):
    search_fields = ("title", "description")

    class Meta:
        model = models.OrientationTask
        fields = {"orientation": ["exact"], "due_on": ["gte", "lte"]}


class RecipientFilterSet(BaseFilterSet):
    search_fields = ("organization__name", "acknowledged_by")
    acknowledged = django_filters.BooleanFilter(
        label=_("acknowledged"), field_name="acknowledged_on", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = models.Recipient
        fields = {
            "orientation": ["exact"],
            "organization": ["exact"],
            "acknowledged_on": ["gte", "lte"],
        }


class TaskReportFilterSet(BaseFilterSet):
    search_fields = ("note", "task__title")

    class Meta:
        model = models.TaskReport
        fields = {
            "recipient": ["exact"],
            "task": ["exact"],
            "progress": ["exact"],
            "reported_on": ["gte", "lte"],
        }


class EvidenceFilterSet(BaseFilterSet):
    search_fields = ("title", "original_name")

    class Meta:
        model = models.Evidence
        fields = {"report": ["exact"]}
