from amity.core.imports import ScopedResource
from amity.emulation import models
from amity.emulation.forms import awards as forms


class AwardFormResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.AwardForm
        fields = ("id", *forms.AWARD_FORM_FIELDS)


class AwardProposalResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.AwardProposal
        fields = ("id", *forms.AWARD_PROPOSAL_FIELDS, "state")
        export_order = ("id", *forms.AWARD_PROPOSAL_FIELDS, "state")
        readonly_fields = ("state",)


class AwardDocumentResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.AwardDocument
        fields = ("id", *forms.AWARD_DOCUMENT_FIELDS, "original_name", "size")
        readonly_fields = ("original_name", "size")


class CouncilMemberResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.CouncilMember
        fields = ("id", *forms.COUNCIL_MEMBER_FIELDS)


class AwardVoteResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.AwardVote
        fields = ("id", *forms.AWARD_VOTE_FIELDS)


class AwardDecisionResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.AwardDecision
        fields = ("id", *forms.AWARD_DECISION_FIELDS)
