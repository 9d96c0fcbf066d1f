import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.emulation import models
from amity.emulation.models.scoring import FIRST_YEAR, LAST_YEAR


class YearFilter(django_filters.NumberFilter):
    """A year within the years an emulation may be kept for (a far-out year is refused)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Year"))
        super().__init__(*args, **kwargs)
        self.extra.update(min_value=FIRST_YEAR, max_value=LAST_YEAR)


class CriteriaTableFilterSet(BaseFilterSet):
    search_fields = ("code", "title_vi", "title_en")

    class Meta:
        model = models.CriteriaTable
        fields = ["organization", "regulation"]


class CriteriaSectionFilterSet(BaseFilterSet):
    search_fields = ("title_vi", "title_en")

    class Meta:
        model = models.CriteriaSection
        fields = ["table"]


class CriterionFilterSet(BaseFilterSet):
    search_fields = ("code", "text_vi", "text_en")

    class Meta:
        model = models.Criterion
        fields = ["section", "kind", "computed_from", "evidence_required"]


class ClusterFilterSet(BaseFilterSet):
    search_fields = ("name",)
    year = YearFilter()

    class Meta:
        model = models.Cluster
        fields = ["year", "kind", "region", "organization", "criteria_table", "ranking_published"]


class CampaignFilterSet(BaseFilterSet):
    search_fields = ("name_vi", "name_en")

    class Meta:
        model = models.Campaign
        fields = ["organization", "criteria_table", "ranking_published"]


class ScoreSheetFilterSet(BaseFilterSet):
    search_fields = ("organization__name", "organization__name_en")
    year = YearFilter()

    class Meta:
        model = models.ScoreSheet
        fields = ["year", "organization", "cluster", "campaign", "state", "criteria_table"]


class ScoreFilterSet(BaseFilterSet):
    search_fields = ("criterion__code", "self_evidence")

    class Meta:
        model = models.Score
        fields = ["sheet", "criterion"]
