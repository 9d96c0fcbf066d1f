"""The emulation scoring pages: the generic pages of criteria tables, clusters, campaigns, sheets
and scores, and the cluster board, the scoring sheet and the campaign page (`scoring_pages`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.views import ModelViews
from amity.emulation import models
from amity.emulation.filtersets import scoring as filtersets
from amity.emulation.forms import scoring as forms
from amity.emulation.imports import scoring as imports
from amity.emulation.tables import scoring as tables


class CriteriaTableViews(ModelViews):
    model = models.CriteriaTable
    table = tables.CriteriaTableTable
    filterset = filtersets.CriteriaTableFilterSet
    form = forms.CriteriaTableForm
    resource = imports.CriteriaTableResource
    list_select_related = ("regulation",)
    detail_select_related = ("organization", "regulation")
    protected_relations = ("sections",)
    detail_template = "emulation/scoring/criteriatable_detail.html"
    list_actions = (
        (_("Import a whole table (XLSX)"), "emulation:criteria_workbook_import", "upload"),
        (_("Template of a whole table"), "emulation:criteria_workbook_template", "download"),
    )


class CriteriaSectionViews(ModelViews):
    model = models.CriteriaSection
    table = tables.CriteriaSectionTable
    filterset = filtersets.CriteriaSectionFilterSet
    form = forms.CriteriaSectionForm
    resource = imports.CriteriaSectionResource
    list_select_related = ("table",)
    detail_select_related = ("table",)
    protected_relations = ("criteria",)


class CriterionViews(ModelViews):
    model = models.Criterion
    table = tables.CriterionTable
    filterset = filtersets.CriterionFilterSet
    form = forms.CriterionForm
    resource = imports.CriterionResource
    list_select_related = ("section",)
    detail_select_related = ("section",)


class ClusterViews(ModelViews):
    model = models.Cluster
    table = tables.ClusterTable
    filterset = filtersets.ClusterFilterSet
    form = forms.ClusterForm
    resource = imports.ClusterResource
    list_select_related = ("head", "deputy")
    detail_select_related = ("organization", "head", "deputy", "criteria_table")
    detail_template = "emulation/scoring/cluster_detail.html"
    list_actions = ((_("Ranking"), "emulation:ranking", "bar-chart"),)
    protected_relations = ("sheets",)

    @classmethod
    def detail_context(cls, obj, request, tab) -> dict:
        from amity.emulation.views.scoring_pages import cluster_board_context

        return cluster_board_context(obj, request)


class CampaignViews(ModelViews):
    model = models.Campaign
    table = tables.CampaignTable
    filterset = filtersets.CampaignFilterSet
    form = forms.CampaignForm
    resource = imports.CampaignResource
    list_select_related = ("criteria_table",)
    detail_select_related = ("organization", "criteria_table")
    detail_template = "emulation/scoring/campaign_detail.html"
    protected_relations = ("sheets",)

    @classmethod
    def detail_context(cls, obj, request, tab) -> dict:
        from amity.emulation.views.scoring_pages import campaign_context

        return campaign_context(obj, request)


class ScoreSheetViews(ModelViews):
    model = models.ScoreSheet
    table = tables.ScoreSheetTable
    filterset = filtersets.ScoreSheetFilterSet
    form = forms.ScoreSheetForm
    resource = imports.ScoreSheetResource
    list_select_related = ("organization", "cluster", "campaign")
    detail_select_related = ("organization", "cluster", "campaign", "criteria_table")
    detail_template = "emulation/scoring/sheet_detail.html"

    @classmethod
    def detail_context(cls, obj, request, tab) -> dict:
        from amity.emulation.views.scoring_pages import sheet_context

        return sheet_context(obj, request)


class ScoreViews(ModelViews):
    model = models.Score
    table = tables.ScoreTable
    filterset = filtersets.ScoreFilterSet
    form = forms.ScoreForm
    resource = imports.ScoreResource
    list_select_related = ("sheet__organization", "sheet__campaign", "criterion")
    detail_select_related = ("sheet__organization", "sheet__campaign", "criterion__section")
