"""The reporting app's declaration (registry.py): every model, each with what names it."""

from django.apps import apps
from django.urls import reverse

from amity.core.registry import registry
from amity.reporting.services import (
    ReopeningWriter,
    ReviewCommentWriter,
    SubmissionWriter,
    ValueWriter,
)


def test_every_reporting_model_is_declared_with_its_views_resource_and_api():
    app = registry.app("reporting")
    declared = {entry.model for entry in app.models}
    models = apps.get_app_config("reporting").get_models()
    assert declared == {model for model in models if not model.__name__.startswith("Historical")}
    for entry in app.models:
        assert entry.load("views").model is entry.model
        assert entry.load("resource")._meta.model is entry.model
        assert entry.load("api").model is entry.model
        reverse(f"reporting:{entry.model._meta.model_name}_list")  # the URL of its plural
    writers = {entry.label: type(entry.load("writer")()) for entry in app.models if entry.writer}
    assert writers == {
        "reporting.Reopening": ReopeningWriter,
        "reporting.ReviewComment": ReviewCommentWriter,
        "reporting.Submission": SubmissionWriter,
        "reporting.Value": ValueWriter,
    }


def test_the_plurals_stay_the_addresses_they_were():
    plurals = {
        entry.label: (entry.plural, entry.route) for entry in registry.app("reporting").models
    }
    assert plurals == {
        "reporting.Indicator": ("indicators", "indicators"),
        "reporting.Form": ("report-forms", "forms"),
        "reporting.FormVersion": ("form-versions", "form-versions"),
        "reporting.Section": ("form-sections", "form-sections"),
        "reporting.SectionItem": ("section-items", "section-items"),
        "reporting.Period": ("report-periods", "periods"),
        "reporting.Reopening": ("reopenings", "reopenings"),
        "reporting.ValidationRule": ("validation-rules", "validation-rules"),
        "reporting.Submission": ("submissions", "submissions"),
        "reporting.Value": ("report-values", "values"),
        "reporting.ReviewComment": ("review-comments", "review-comments"),
        "reporting.Attachment": ("submission-attachments", "attachments"),
    }
    assert reverse("reporting:form_list") == "/reporting/report-forms/"
