"""The reporting app as the rest of Amity sees it: its models with their URL plurals, views,
import resources, API routes and writers, its menu entry and its demo data (core/registry.py)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry


def _model(name, plural, *, api_plural="", writer=""):
    return Model(
        f"reporting.{name}",
        plural,
        views=f"amity.reporting.views.{name}Views",
        resource=f"amity.reporting.imports.{name}Resource",
        api=f"amity.reporting.api.{name}ViewSet",
        api_plural=api_plural,
        writer=f"amity.reporting.services.{writer}" if writer else "",
    )


registry.register(
    App(
        "reporting",
        menu=[Menu(_("Reports"), "reporting:form_list", "clipboard-data", order=60)],
        demo="amity.reporting.demo",
        models=[
            _model("Indicator", "indicators"),
            _model("Form", "report-forms", api_plural="forms"),
            _model("FormVersion", "form-versions"),
            _model("Section", "form-sections"),
            _model("SectionItem", "section-items"),
            _model("Period", "report-periods", api_plural="periods"),
            _model("Reopening", "reopenings", writer="ReopeningWriter"),
            _model("ValidationRule", "validation-rules"),
            _model("Submission", "submissions", writer="SubmissionWriter"),
            _model("Value", "report-values", api_plural="values", writer="ValueWriter"),
            _model("ReviewComment", "review-comments", writer="ReviewCommentWriter"),
            _model("Attachment", "submission-attachments", api_plural="attachments"),
        ],
    )
)
