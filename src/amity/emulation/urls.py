from django.urls import path  # noqa: F401  (each area adds its pages beside the generic ones)

from amity.emulation.views import awards, regulations, review, scoring, scoring_pages

app_name = "emulation"
urlpatterns = [
    *regulations.RegulationViews.urls(),
    *awards.AwardFormViews.urls(),
    *awards.AwardProposalViews.urls(),
    *awards.AwardDocumentViews.urls(),
    *awards.CouncilMemberViews.urls(),
    *awards.AwardVoteViews.urls(),
    *awards.AwardDecisionViews.urls(),
    *awards.honours_urls(),
    *review.ReviewViews.urls(),
    *scoring.CriteriaTableViews.urls(),
    *scoring.CriteriaSectionViews.urls(),
    *scoring.CriterionViews.urls(),
    *scoring.ClusterViews.urls(),
    *scoring.CampaignViews.urls(),
    *scoring.ScoreSheetViews.urls(),
    *scoring.ScoreViews.urls(),
    *scoring_pages.urls(),
]
