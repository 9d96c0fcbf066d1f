"""The unified periodic reports: indicators, forms, periods, submissions and their review.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`): the writers of `services.py` give the form, the API and the
import the same steps around a save."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "reporting",
        demo="amity.reporting.demo",
        daily=("reporting_reminders",),
        menu=[
            Menu(_("Reports"), "reporting:form_list", "clipboard-data", order=60, group="reports"),
        ],
        models=[
            Model(
                "reporting.Indicator",
                "indicators",
                views="amity.reporting.views.IndicatorViews",
                resource="amity.reporting.imports.IndicatorResource",
                api="amity.reporting.api.IndicatorViewSet",
            ),
            Model(
                "reporting.Form",
                "report-forms",
                views="amity.reporting.views.FormViews",
                resource="amity.reporting.imports.FormResource",
                api="amity.reporting.api.FormViewSet",
                api_plural="forms",
                search=("name", "name_en"),
            ),
            Model(
                "reporting.FormVersion",
                "form-versions",
                views="amity.reporting.views.FormVersionViews",
                resource="amity.reporting.imports.FormVersionResource",
                api="amity.reporting.api.FormVersionViewSet",
            ),
            Model(
                "reporting.Section",
                "form-sections",
                views="amity.reporting.views.SectionViews",
                resource="amity.reporting.imports.SectionResource",
                api="amity.reporting.api.SectionViewSet",
            ),
            Model(
                "reporting.SectionItem",
                "section-items",
                views="amity.reporting.views.SectionItemViews",
                resource="amity.reporting.imports.SectionItemResource",
                api="amity.reporting.api.SectionItemViewSet",
            ),
            Model(
                "reporting.Period",
                "report-periods",
                views="amity.reporting.views.PeriodViews",
                resource="amity.reporting.imports.PeriodResource",
                api="amity.reporting.api.PeriodViewSet",
                api_plural="periods",
            ),
            Model(
                "reporting.Reopening",
                "reopenings",
                views="amity.reporting.views.ReopeningViews",
                resource="amity.reporting.imports.ReopeningResource",
                api="amity.reporting.api.ReopeningViewSet",
                writer="amity.reporting.services.ReopeningWriter",
            ),
            Model(
                "reporting.ValidationRule",
                "validation-rules",
                views="amity.reporting.views.ValidationRuleViews",
                resource="amity.reporting.imports.ValidationRuleResource",
                api="amity.reporting.api.ValidationRuleViewSet",
            ),
            Model(
                "reporting.Submission",
                "submissions",
                views="amity.reporting.views.SubmissionViews",
                resource="amity.reporting.imports.SubmissionResource",
                api="amity.reporting.api.SubmissionViewSet",
                writer="amity.reporting.services.SubmissionWriter",
            ),
            Model(
                "reporting.Value",
                "report-values",
                views="amity.reporting.views.ValueViews",
                resource="amity.reporting.imports.ValueResource",
                api="amity.reporting.api.ValueViewSet",
                writer="amity.reporting.services.ValueWriter",
                api_plural="values",
            ),
            Model(
                "reporting.ReviewComment",
                "review-comments",
                views="amity.reporting.views.ReviewCommentViews",
                resource="amity.reporting.imports.ReviewCommentResource",
                api="amity.reporting.api.ReviewCommentViewSet",
                writer="amity.reporting.services.ReviewCommentWriter",
            ),
            Model(
                "reporting.Attachment",
                "submission-attachments",
                views="amity.reporting.views.AttachmentViews",
                resource="amity.reporting.imports.AttachmentResource",
                api="amity.reporting.api.AttachmentViewSet",
                api_plural="attachments",
                api_basename="submissionattachment",
            ),
        ],
    )
)
