from amity.core.imports import ScopedResource
from amity.emulation import models
from amity.emulation.forms import scoring as forms


class CriteriaTableResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.CriteriaTable
        fields = ("id", *forms.CRITERIA_TABLE_FIELDS)


class CriteriaSectionResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.CriteriaSection
        fields = ("id", *forms.CRITERIA_SECTION_FIELDS)


class CriterionResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Criterion
        fields = ("id", *forms.CRITERION_FIELDS)


class ClusterResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Cluster
        fields = ("id", *forms.CLUSTER_FIELDS)


class CampaignResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Campaign
        fields = ("id", *forms.CAMPAIGN_FIELDS)


class ScoreSheetResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.ScoreSheet
        fields = ("id", *forms.SCORE_SHEET_FIELDS)


class ScoreResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Score
        fields = ("id", *forms.SCORE_FIELDS)
