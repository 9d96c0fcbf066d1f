import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.reporting import models


class IndicatorFilterSet(BaseFilterSet):
    search_fields = ("code", "name", "name_en", "unit")

    class Meta:
        model = models.Indicator
        fields = ["type", "aggregation", "organization"]


class FormFilterSet(BaseFilterSet):
    search_fields = ("code", "name", "name_en")

    class Meta:
        model = models.Form
        fields = ["organization"]


class FormVersionFilterSet(BaseFilterSet):
    search_fields = ("form__name", "form__code")

    class Meta:
        model = models.FormVersion
        fields = ["form", "status"]


class SectionFilterSet(BaseFilterSet):
    search_fields = ("title", "title_en")

    class Meta:
        model = models.Section
        fields = ["form_version", "kind"]


class SectionItemFilterSet(BaseFilterSet):
    search_fields = ("indicator__code", "indicator__name", "section__title")

    class Meta:
        model = models.SectionItem
        fields = ["section", "indicator", "required"]


class PeriodFilterSet(BaseFilterSet):
    search_fields = ("form__name", "form__code")

    class Meta:
        model = models.Period
        fields = ["form", "kind", "year", "locked"]


class ReopeningFilterSet(BaseFilterSet):
    search_fields = ("reason", "organization__name")

    class Meta:
        model = models.Reopening
        fields = ["period", "organization"]


class ValidationRuleFilterSet(BaseFilterSet):
    search_fields = ("message", "message_en", "left__code")

    class Meta:
        model = models.ValidationRule
        fields = ["form_version", "kind", "severity"]


class SubmissionFilterSet(BaseFilterSet):
    search_fields = ("organization__name", "organization__name_en")
    form = django_filters.ModelChoiceFilter(
        field_name="period__form", queryset=models.Form.objects.all(), label=_("form")
    )

    class Meta:
        model = models.Submission
        fields = ["form", "period", "organization", "state"]


class ValueFilterSet(BaseFilterSet):
    search_fields = ("indicator__code", "indicator__name", "text")

    class Meta:
        model = models.Value
        fields = ["submission", "indicator", "source"]


class ReviewCommentFilterSet(BaseFilterSet):
    search_fields = ("text",)

    class Meta:
        model = models.ReviewComment
        fields = ["submission", "indicator", "resolved"]


class AttachmentFilterSet(BaseFilterSet):
    search_fields = ("title", "original_name")

    class Meta:
        model = models.Attachment
        fields = ["submission"]
