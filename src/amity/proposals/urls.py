from django.urls import path

from amity.proposals import views

app_name = "proposals"
urlpatterns = [
    path("board/", views.board, name="board"),
    path("mine/", views.mine, name="mine"),
    path("proposals/<int:pk>/answer/", views.draft_answer, name="proposal_answer"),
    path("proposals/<int:pk>/approve/", views.approve_answer, name="proposal_approve"),
    path("proposals/<int:pk>/send-back/", views.return_answer, name="proposal_return"),
    path("proposals/<int:pk>/publish/", views.publish_answer, name="proposal_publish"),
    path("approvals/", views.approvals, name="approvals"),
    path("consultations/<int:pk>/respond/", views.respond, name="consultation_respond"),
    path(
        "consultations/<int:pk>/synthesis.xlsx",
        views.synthesis_download,
        {"file_format": "xlsx"},
        name="consultation_synthesis_xlsx",
    ),
    path(
        "consultations/<int:pk>/synthesis.docx",
        views.synthesis_download,
        {"file_format": "docx"},
        name="consultation_synthesis_docx",
    ),
    *views.ProposalViews.urls(),
    *views.ProposalActionViews.urls(),
    *views.TopicViews.urls(),
    *views.StatusLabelViews.urls(),
    *views.ConsultationViews.urls(),
    *views.ConsultationArticleViews.urls(),
    *views.ConsultationResponseViews.urls(),
    *views.ArticlePositionViews.urls(),
]
