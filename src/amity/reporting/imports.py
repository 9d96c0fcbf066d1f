"""Import and export resources of the reporting models (the columns of the export)."""

from amity.core.imports import ScopedResource, importable
from amity.reporting import models, services


def _resource(plural, model, fields, **meta):
    meta_class = type("Meta", (ScopedResource.Meta,), {"model": model, "fields": fields, **meta})
    resource = type(f"{model.__name__}Resource", (ScopedResource,), {"Meta": meta_class})
    return importable(plural)(resource)


IndicatorResource = _resource("indicators", models.Indicator, (
    "id", "organization", "code", "name", "name_en", "type", "unit", "currency", "aggregation",
    "minimum", "maximum", "options", "total_of", "prefill", "description", "notes",
))  # fmt: skip
FormResource = _resource("report-forms", models.Form, (
    "id", "organization", "code", "name", "name_en", "assigned_kinds", "notes",
))  # fmt: skip
FormVersionResource = _resource("form-versions", models.FormVersion, ("id", "form", "number",
                                                                      "notes"))  # fmt: skip
SectionResource = _resource("form-sections", models.Section, (
    "id", "form_version", "order", "title", "title_en", "kind", "instructions", "notes",
))  # fmt: skip
SectionItemResource = _resource("section-items", models.SectionItem, (
    "id", "section", "indicator", "order", "required", "notes",
))  # fmt: skip
PeriodResource = _resource("report-periods", models.Period, (
    "id", "form", "kind", "year", "number", "opens_on", "deadline", "grace_days", "locked",
    "notes",
))  # fmt: skip
ReopeningResource = _resource("reopenings", models.Reopening, (
    "id", "period", "organization", "reason", "expires_on", "notes",
))  # fmt: skip
ValidationRuleResource = _resource("validation-rules", models.ValidationRule, (
    "id", "form_version", "kind", "severity", "left", "operator", "right", "constant",
    "max_change_percent", "message", "message_en", "notes",
))  # fmt: skip
SubmissionResource = _resource("submissions", models.Submission, (
    "id", "organization", "form_version", "period", "notes",
))  # fmt: skip
ReviewCommentResource = _resource("review-comments", models.ReviewComment, (
    "id", "submission", "indicator", "text", "resolved", "notes",
))  # fmt: skip


@importable("report-values")
class ValueResource(ScopedResource):
    """Values, written in batches: a Union's offline workbook holds hundreds of them."""

    class Meta(ScopedResource.Meta):
        model = models.Value
        fields = ("id", "submission", "indicator", "number", "text", "comment", "notes")
        use_bulk = True

    def after_bulk_save(self, instances, *, created):
        super().after_bulk_save(instances, created=created)
        # Totals are derived from the values of their submission: kept after every batch.
        for submission in {value.submission for value in instances}:
            services.update_totals(submission, by=self.user)
