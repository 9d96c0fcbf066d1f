from amity.core.forms import ScopedModelForm
from amity.emulation import models

CRITERIA_TABLE_FIELDS = ["organization", "regulation", "code", "title_vi", "title_en", "notes"]
CRITERIA_SECTION_FIELDS = ["table", "number", "title_vi", "title_en", "notes"]
CRITERION_FIELDS = [
    "section",
    "code",
    "order",
    "text_vi",
    "text_en",
    "max_points",
    "kind",
    "evidence_required",
    "evidence_how",
    "computed_from",
    "computed_target",
    "notes",
]
CLUSTER_FIELDS = [
    "organization",
    "year",
    "name",
    "kind",
    "region",
    "criteria_table",
    "members",
    "head",
    "deputy",
    "pact_signed_on",
    "pact_commitments",
    "ranking_published",
    "notes",
]
CAMPAIGN_FIELDS = [
    "organization",
    "name_vi",
    "name_en",
    "starts_on",
    "ends_on",
    "criteria_table",
    "participants",
    "ranking_published",
    "notes",
]
SCORE_SHEET_FIELDS = ["organization", "year", "cluster", "campaign", "criteria_table", "notes"]
SCORE_FIELDS = ["sheet", "criterion", "self_points", "self_evidence", "explanation", "notes"]


class CriteriaTableForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.CriteriaTable
        fields = CRITERIA_TABLE_FIELDS


class CriteriaSectionForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.CriteriaSection
        fields = CRITERIA_SECTION_FIELDS


class CriterionForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Criterion
        fields = CRITERION_FIELDS


class ClusterForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Cluster
        fields = CLUSTER_FIELDS


class CampaignForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Campaign
        fields = CAMPAIGN_FIELDS


class ScoreSheetForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.ScoreSheet
        fields = SCORE_SHEET_FIELDS


class ScoreForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Score
        fields = SCORE_FIELDS
