from django import forms as django_forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from amity.core.forms import ScopedModelForm, style_widgets
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


class CriteriaWorkbookForm(django_forms.Form):
    """A whole criteria table in one workbook (`imports.criteria_workbook`): only its name and
    size are checked here; the file's own checks come when it is read."""

    file = django_forms.FileField(label=_("Workbook (XLSX)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xlsx"
        style_widgets(self)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise django_forms.ValidationError(_("Choose an .xlsx file."))
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise django_forms.ValidationError(
                _("The file is larger than %(limit)s MB.")
                % {"limit": settings.IMPORT_MAX_BYTES // (1024 * 1024)}
            )
        return upload
