app_name = "documents"
urlpatterns: list = []

# register
from django.urls import path  # noqa: E402

from amity.documents.views import generation, glossary, register  # noqa: E402

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
