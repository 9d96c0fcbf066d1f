from django.urls import path  # noqa: F401  (each area adds its pages beside the generic ones)

from amity.emulation.views import awards, regulations, review

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
]
