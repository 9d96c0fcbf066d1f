from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.emulation import models
from amity.emulation.filtersets import scoring as filtersets
from amity.emulation.forms import scoring as forms


class CriteriaTableSerializer(ScopedModelSerializer):
    class Meta:
        model = models.CriteriaTable
        fields = (*BASE_FIELDS, *forms.CRITERIA_TABLE_FIELDS)


class CriteriaSectionSerializer(ScopedModelSerializer):
    class Meta:
        model = models.CriteriaSection
        fields = (*BASE_FIELDS, *forms.CRITERIA_SECTION_FIELDS)


class CriterionSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Criterion
        fields = (*BASE_FIELDS, *forms.CRITERION_FIELDS)


class ClusterSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Cluster
        fields = (*BASE_FIELDS, *forms.CLUSTER_FIELDS)


class CampaignSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Campaign
        fields = (*BASE_FIELDS, *forms.CAMPAIGN_FIELDS)


SHEET_WORKFLOW_FIELDS = ("state", "submitted_at", "reviewed_at", "confirmed_at")


class ScoreSheetSerializer(ScopedModelSerializer):
    class Meta:
        model = models.ScoreSheet
        fields = (*BASE_FIELDS, *forms.SCORE_SHEET_FIELDS, *SHEET_WORKFLOW_FIELDS)
        read_only_fields = SHEET_WORKFLOW_FIELDS


SCORE_STAGE_FIELDS = (
    "computed_value",
    "computed_points",
    "computed_links",
    "cluster_points",
    "cluster_reason",
    "council_points",
    "council_reason",
)


class ScoreSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Score
        fields = (*BASE_FIELDS, *forms.SCORE_FIELDS, *SCORE_STAGE_FIELDS)
        read_only_fields = SCORE_STAGE_FIELDS


class CriteriaTableViewSet(ScopedModelViewSet):
    model = models.CriteriaTable
    serializer_class = CriteriaTableSerializer
    filterset_class = filtersets.CriteriaTableFilterSet


class CriteriaSectionViewSet(ScopedModelViewSet):
    model = models.CriteriaSection
    serializer_class = CriteriaSectionSerializer
    filterset_class = filtersets.CriteriaSectionFilterSet


class CriterionViewSet(ScopedModelViewSet):
    model = models.Criterion
    serializer_class = CriterionSerializer
    filterset_class = filtersets.CriterionFilterSet


class ClusterViewSet(ScopedModelViewSet):
    model = models.Cluster
    serializer_class = ClusterSerializer
    filterset_class = filtersets.ClusterFilterSet


class CampaignViewSet(ScopedModelViewSet):
    model = models.Campaign
    serializer_class = CampaignSerializer
    filterset_class = filtersets.CampaignFilterSet


class ScoreSheetViewSet(ScopedModelViewSet):
    model = models.ScoreSheet
    serializer_class = ScoreSheetSerializer
    filterset_class = filtersets.ScoreSheetFilterSet


class ScoreViewSet(ScopedModelViewSet):
    model = models.Score
    serializer_class = ScoreSerializer
    filterset_class = filtersets.ScoreFilterSet
