from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.emulation import models

for model in (
    models.Regulation,
    models.AwardForm,
    models.AwardProposal,
    models.AwardDocument,
    models.CouncilMember,
    models.AwardVote,
    models.AwardDecision,
    models.Review,
    models.CriteriaTable,
    models.CriteriaSection,
    models.Criterion,
    models.Cluster,
    models.Campaign,
    models.ScoreSheet,
    models.Score,
):
    admin.site.register(model, SimpleHistoryAdmin)
