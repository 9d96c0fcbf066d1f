from django.urls import path

# register
from amity.documents.views import generation, glossary, register

app_name = "documents"
urlpatterns: list = [
    # register
    *register.RegisterEntryViews.urls(),
    *register.RegisterFileViews.urls(),
    *glossary.TermViews.urls(),
    path(
        "draft/<str:app_label>/<str:model_name>/<int:pk>/",
        generation.draft_page,
        name="draft",
    ),
]
