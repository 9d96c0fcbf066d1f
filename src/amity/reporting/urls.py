from django.urls import path

from amity.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.reporting_home, name="home"),
    path("consolidation/", views.consolidated, name="consolidation"),
    path("submissions/<int:pk>/entry/", views.entry, name="entry"),
    path("submissions/<int:pk>/entry/field/", views.entry_field, name="entry_field"),
    path("submissions/<int:pk>/submit/", views.submit, name="submit"),
    path("submissions/<int:pk>/review/", views.review, name="review"),
    path(
        "submissions/<int:pk>/document.docx", views.submission_document, name="submission_document"
    ),
    path("submissions/<int:pk>/print/", views.submission_print, name="submission_print"),
    path(
        "submissions/<int:pk>/workbook.xlsx", views.submission_workbook, name="submission_workbook"
    ),
    path(
        "submissions/<int:pk>/workbook/upload/",
        views.submission_workbook_upload,
        name="submission_workbook_upload",
    ),
    path("submissions/<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path(
        "submission-attachments/<int:pk>/remove/", views.attachment_remove, name="attachment_remove"
    ),
    path(
        "submission-attachments/<int:pk>/download/",
        views.attachment_download,
        name="attachment_download",
    ),
    path("report-periods/<int:pk>/start/", views.start, name="start"),
    path("report-periods/<int:pk>/board/", views.board, name="board"),
    path("report-periods/<int:pk>/lock/", views.period_lock, name="period_lock"),
    path("report-periods/<int:pk>/reopen/", views.period_reopen, name="period_reopen"),
    path("report-periods/<int:pk>/report.docx", views.consolidated_report, name="report"),
    path(
        "form-versions/<int:pk>/publish/",
        views.version_action,
        {"action": "publish"},
        name="version_publish",
    ),
    path(
        "form-versions/<int:pk>/copy/",
        views.version_action,
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
