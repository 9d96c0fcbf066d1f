import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from amity.core.tables import BaseTable
from amity.emulation import models


class AwardFormTable(BaseTable):
    name_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.AwardForm
        fields = ("code", "name_vi", "level", "nominee_kinds", "min_interval_years")


class AwardProposalTable(BaseTable):
    id = tables.Column(linkify=True, verbose_name=_("Id"))
    nominee = tables.Column(verbose_name=_("nominee"), accessor="nominee_label", orderable=False)

    class Meta(BaseTable.Meta):
        model = models.AwardProposal
        fields = ("id", "year", "award_form", "nominee", "organization", "state")


class AwardDocumentTable(BaseTable):
    original_name = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.AwardDocument
        fields = ("original_name", "kind", "title", "proposal", "size")


class CouncilMemberTable(BaseTable):
    user = tables.Column(linkify=lambda record: record.get_absolute_url())

    class Meta(BaseTable.Meta):
        model = models.CouncilMember
        fields = ("year", "user", "role", "organization")


class AwardVoteTable(BaseTable):
    choice = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.AwardVote
        fields = ("proposal", "member", "choice", "note")


class AwardDecisionTable(BaseTable):
    number = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.AwardDecision
        fields = ("number", "decided_on", "award_form", "signer_name", "revoked_at")
