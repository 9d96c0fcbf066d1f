import django_tables2 as tables

from amity.core.tables import BaseTable
from amity.emulation import models


class CriteriaTableTable(BaseTable):
    code = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.CriteriaTable
        fields = ("code", "title_vi", "regulation")


class CriteriaSectionTable(BaseTable):
    title_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.CriteriaSection
        fields = ("table", "number", "title_vi")


class CriterionTable(BaseTable):
    code = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Criterion
        fields = ("section", "code", "text_vi", "max_points", "kind", "computed_from")


class ClusterTable(BaseTable):
    name = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Cluster
        fields = ("year", "name", "kind", "region", "head", "deputy", "ranking_published")


class CampaignTable(BaseTable):
    name_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Campaign
        fields = ("name_vi", "starts_on", "ends_on", "criteria_table")


class ScoreSheetTable(BaseTable):
    organization = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.ScoreSheet
        fields = ("organization", "year", "cluster", "campaign", "state")


class ScoreTable(BaseTable):
    criterion = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.Score
        fields = (
            "sheet",
            "criterion",
            "self_points",
            "computed_points",
            "cluster_points",
            "council_points",
        )
