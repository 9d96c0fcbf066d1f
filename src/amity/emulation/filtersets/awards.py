from amity.core.filtersets import BaseFilterSet
from amity.emulation import models


class AwardFormFilterSet(BaseFilterSet):
    search_fields = ("code", "name_vi", "name_en")

    class Meta:
        model = models.AwardForm
        fields = ["organization", "level"]


class AwardProposalFilterSet(BaseFilterSet):
    search_fields = (
        "achievements",
        "nominee_organization__name",
        "nominee_person__full_name",
        "nominee_contact__full_name",
        "nominee_partner__name",
    )

    class Meta:
        model = models.AwardProposal
        fields = [
            "organization",
            "award_form",
            "year",
            "state",
            "nominee_organization",
            "nominee_person",
            "nominee_contact",
            "nominee_partner",
            "decision",
        ]


class AwardDocumentFilterSet(BaseFilterSet):
    search_fields = ("title", "original_name")

    class Meta:
        model = models.AwardDocument
        fields = ["proposal", "kind"]


class CouncilMemberFilterSet(BaseFilterSet):
    search_fields = ("user__username", "user__first_name", "user__last_name")

    class Meta:
        model = models.CouncilMember
        fields = ["organization", "year", "role", "user"]


class AwardVoteFilterSet(BaseFilterSet):
    search_fields = ("note",)

    class Meta:
        model = models.AwardVote
        fields = ["proposal", "member", "choice"]


class AwardDecisionFilterSet(BaseFilterSet):
    search_fields = ("number", "signer_name")

    class Meta:
        model = models.AwardDecision
        fields = ["organization", "award_form", "decided_on"]
