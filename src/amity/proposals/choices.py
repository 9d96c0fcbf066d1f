from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalSource(models.TextChoices):
    """Where a proposal was raised."""

    EVENT = "event", _("At an event")
    REPORT = "report", _("In a report")
    CONSULTATION = "consultation", _("In a consultation")
    LETTER = "letter", _("In a letter")
    OTHER = "other", _("Other")


class ProposalStatus(models.TextChoices):
    """The built-in labels; the centre may rename them (StatusLabel)."""

    RECEIVED = "received", _("Received")
    UNDER_REVIEW = "under_review", _("Under review")
    ANSWERED = "answered", _("Answered")
    ACCEPTED = "accepted", _("Accepted")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined")


#: statuses after which nothing more is owed to the proposer
CLOSED_STATUSES = (ProposalStatus.DONE, ProposalStatus.DECLINED)
#: statuses that say the proposer has had an answer
ANSWERED_STATUSES = (
    ProposalStatus.ANSWERED,
    ProposalStatus.ACCEPTED,
    ProposalStatus.IN_PROGRESS,
    ProposalStatus.DONE,
    ProposalStatus.DECLINED,
)


class AnswerState(models.TextChoices):
    NONE = "", _("No answer yet")
    DRAFT = "draft", _("Drafted")
    RETURNED = "returned", _("Sent back")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


class ActionState(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("In preparation")
    OPEN = "open", _("Open for responses")
    CLOSED = "closed", _("Closed")


class Position(models.TextChoices):
    AGREE = "agree", _("Agree")
    DISAGREE = "disagree", _("Disagree")
    AMEND = "amend", _("Proposes a wording")
