import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.training import models


class CourseFilterSet(BaseFilterSet):
    search_fields = ("title_vi", "title_en", "place")
    year = django_filters.NumberFilter(
        label=_("year"), field_name="starts_on", lookup_expr="year", min_value=1900, max_value=2200
    )

    class Meta:
        model = models.Course
        fields = {
            "programme": ["exact"],
            "organization": ["exact"],
            "status": ["exact"],
            "is_online": ["exact"],
            "open_to_all": ["exact"],
            "event": ["exact"],
            "starts_on": ["gte", "lte"],
            "ends_on": ["gte", "lte"],
            "nomination_deadline": ["gte", "lte"],
        }


class SessionFilterSet(BaseFilterSet):
    search_fields = ("outside_lecturer", "lecturer__full_name")

    class Meta:
        model = models.Session
        fields = {"course": ["exact"], "module": ["exact"], "lecturer": ["exact"]}


class QuotaFilterSet(BaseFilterSet):
    search_fields = ("organization__name", "course__title_vi")

    class Meta:
        model = models.Quota
        fields = {"course": ["exact"], "organization": ["exact"]}


class MaterialFilterSet(BaseFilterSet):
    search_fields = ("title", "original_name")

    class Meta:
        model = models.Material
        fields = {"course": ["exact"]}
