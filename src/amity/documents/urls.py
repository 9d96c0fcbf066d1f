from django.urls import path

from amity.documents.views import generation, glossary, orientations, register, templates

app_name = "documents"
urlpatterns: list = []

# templates
urlpatterns += [
    path("templates/", templates.gallery, name="template_gallery"),
    path("templates/<slug:kind>/", templates.kind_page, name="template_kind"),
    path("templates/<slug:kind>/sample.docx", templates.sample, name="template_sample"),
    path("templates/<slug:kind>/template.docx", templates.template_file, name="template_file"),
    path("templates/<slug:kind>/upload/", templates.upload, name="template_upload"),
    path("templates/<slug:kind>/revert/", templates.revert, name="template_revert"),
    path("identity/", templates.identity, name="identity"),
]

# orientations
urlpatterns += [
    *orientations.OrientationViews.urls(),
    *orientations.TaskViews.urls(),
    *orientations.RecipientViews.urls(),
    *orientations.TaskReportViews.urls(),
    *orientations.EvidenceViews.urls(),
]

# register
urlpatterns += [
    *register.RegisterEntryViews.urls(),
    *register.RegisterFileViews.urls(),
    *glossary.TermViews.urls(),
    path(
        "draft/<str:app_label>/<str:model_name>/<int:pk>/",
        generation.draft_page,
        name="draft",
    ),
]
