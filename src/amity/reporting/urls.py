from django.urls import path

from amity.reporting import views
from amity.reporting.views import consolidation, design, documents, submissions

app_name = "reporting"
urlpatterns = [
    path("", design.reporting_home, name="home"),
    path("consolidation/", consolidation.consolidated, name="consolidation"),
    path("submissions/<int:pk>/entry/", submissions.entry, name="entry"),
    path("submissions/<int:pk>/entry/field/", submissions.entry_field, name="entry_field"),
    path("submissions/<int:pk>/submit/", submissions.submit, name="submit"),
    path("submissions/<int:pk>/review/", submissions.review, name="review"),
    path(
        "submissions/<int:pk>/document.docx",
        documents.submission_document,
        name="submission_document",
    ),
    path("submissions/<int:pk>/print/", documents.submission_print, name="submission_print"),
    path(
        "submissions/<int:pk>/workbook.xlsx",
        documents.submission_workbook,
        name="submission_workbook",
    ),
    path(
        "submissions/<int:pk>/workbook/upload/",
        documents.submission_workbook_upload,
        name="submission_workbook_upload",
    ),
    path(
        "submissions/<int:pk>/attachments/", documents.attachment_upload, name="attachment_upload"
    ),
    path(
        "submission-attachments/<int:pk>/remove/",
        documents.attachment_remove,
        name="attachment_remove",
    ),
    path(
        "submission-attachments/<int:pk>/download/",
        documents.attachment_download,
        name="attachment_download",
    ),
    path("report-periods/<int:pk>/start/", submissions.start, name="start"),
    path("report-periods/<int:pk>/board/", consolidation.board, name="board"),
    path("report-periods/<int:pk>/lock/", design.period_lock, name="period_lock"),
    path("report-periods/<int:pk>/reopen/", design.period_reopen, name="period_reopen"),
    path("report-periods/<int:pk>/report.docx", consolidation.consolidated_report, name="report"),
    path(
        "form-versions/<int:pk>/publish/",
        design.version_action,
        {"action": "publish"},
        name="version_publish",
    ),
    path(
        "form-versions/<int:pk>/copy/",
        design.version_action,
        {"action": "copy"},
        name="version_copy",
    ),
    *views.FormViews.urls(),
    *views.IndicatorViews.urls(),
    *views.FormVersionViews.urls(),
    *views.SectionViews.urls(),
    *views.SectionItemViews.urls(),
    *views.PeriodViews.urls(),
    *views.ReopeningViews.urls(),
    *views.ValidationRuleViews.urls(),
    *views.SubmissionViews.urls(),
    *views.ValueViews.urls(),
    *views.ReviewCommentViews.urls(),
    *views.AttachmentViews.urls(),
]
