from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.proposals import models


@admin.register(models.Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    list_display = ("title", "organization", "addressed_to", "status", "answer_state", "due_on")
    list_filter = ("status", "answer_state", "source")
    search_fields = ("title", "text")


for model in (
    models.Topic,
    models.StatusLabel,
    models.ProposalAction,
    models.Consultation,
    models.ConsultationArticle,
    models.ConsultationResponse,
    models.ArticlePosition,
):
    admin.site.register(model, SimpleHistoryAdmin)
