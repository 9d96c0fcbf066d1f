from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    """Kinds of event; the codes are part of the API."""

    CONFERENCE = "conference", _("Conference")
    ONLINE_CONFERENCE = "online_conference", _("Online conference")
    WORKING_MEETING = "working_meeting", _("Working meeting")
    INCOMING_DELEGATION = "incoming_delegation", _("Incoming delegation")
    OUTGOING_DELEGATION = "outgoing_delegation", _("Outgoing delegation")
    RECEPTION = "reception", _("Reception")
    CEREMONY = "ceremony", _("Ceremony")
    EXCHANGE = "exchange", _("Exchange")
    OTHER = "other", _("Other")


#: the kinds that are a delegation: they name partners and countries, and show in their timeline
DELEGATION_KINDS = (EventKind.INCOMING_DELEGATION, EventKind.OUTGOING_DELEGATION)


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class ParticipantRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SPEAKER = "speaker", _("Speaker")
    DELEGATE = "delegate", _("Delegate")
    GUEST = "guest", _("Guest")
    INTERPRETER = "interpreter", _("Interpreter")


class Attendance(models.TextChoices):
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    ATTENDED = "attended", _("Attended")


class DocumentKind(models.TextChoices):
    DOCUMENT = "document", _("Document")
    PHOTO = "photo", _("Photo")
