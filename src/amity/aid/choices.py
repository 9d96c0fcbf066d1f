"""Choices of the aid domain. Codes from IATI 2.03 keep IATI's codes."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from amity.partners.choices import PartnerKind


class ActivityKind(models.TextChoices):
    PROJECT = "project", _("Project")
    PROGRAMME = "programme", _("Programme")
    NON_PROJECT = "non_project", _("Non-project aid")
    EMERGENCY = "emergency", _("Emergency relief")


class ActivityStatus(models.TextChoices):
    """IATI ActivityStatus."""

    PIPELINE = "1", _("Pipeline/identification")
    IMPLEMENTATION = "2", _("Implementation")
    FINALISATION = "3", _("Finalisation")
    CLOSED = "4", _("Closed")
    CANCELLED = "5", _("Cancelled")
    SUSPENDED = "6", _("Suspended")


class OrganisationRole(models.TextChoices):
    """IATI OrganisationRole."""

    FUNDING = "1", _("Funding")
    ACCOUNTABLE = "2", _("Accountable")
    EXTENDING = "3", _("Extending")
    IMPLEMENTING = "4", _("Implementing")


class TransactionType(models.TextChoices):
    """IATI TransactionType, the codes a foreign NGO's aid uses."""

    INCOMING_FUNDS = "1", _("Incoming funds")
    OUTGOING_COMMITMENT = "2", _("Outgoing commitment")
    DISBURSEMENT = "3", _("Disbursement")
    EXPENDITURE = "4", _("Expenditure")
    INCOMING_COMMITMENT = "11", _("Incoming commitment")


#: what the statistics count as committed and as disbursed (incoming flows would count twice)
COMMITMENT_TYPES = (TransactionType.OUTGOING_COMMITMENT,)
DISBURSEMENT_TYPES = (TransactionType.DISBURSEMENT, TransactionType.EXPENDITURE)
#: actual flows of money: never before the activity starts, never in the future (IATI's rules)
ACTUAL_FLOW_TYPES = (TransactionType.DISBURSEMENT, TransactionType.EXPENDITURE)

#: the partners that may be an activity's donor: IATI's reporting organisation is an
#: organisation, never a person (an individual friend of Viet Nam gives through one)
MAY_BE_DONOR = ~Q(kind=PartnerKind.INDIVIDUAL)


class BudgetType(models.TextChoices):
    """IATI BudgetType."""

    ORIGINAL = "1", _("Original")
    REVISED = "2", _("Revised")


class BudgetStatus(models.TextChoices):
    """IATI BudgetStatus."""

    INDICATIVE = "1", _("Indicative")
    COMMITTED = "2", _("Committed")


class DocumentCategory(models.TextChoices):
    """IATI DocumentCategory, the activity-level codes (A01–A12)."""

    PRE_AND_POST = "A01", _("Pre- and post-project impact appraisal")
    OBJECTIVES = "A02", _("Objectives / purpose of activity")
    BENEFICIARIES = "A03", _("Intended ultimate beneficiaries")
    CONDITIONS = "A04", _("Conditions")
    BUDGET = "A05", _("Budget")
    SUMMARY = "A06", _("Summary information about contract")
    EVALUATION = "A07", _("Review of project performance and evaluation")
    RESULTS = "A08", _("Results, outcomes and outputs")
    MOU = "A09", _("Memorandum of understanding")
    TENDER = "A10", _("Tender")
    CONTRACT = "A11", _("Contract")
    WEB_PAGE = "A12", _("Activity web page")


class Lineage(models.TextChoices):
    """How the statistics place the provinces merged on 1 July 2025."""

    CURRENT = "current", _("Rolled up into today's 34 provinces")
    AS_RECORDED = "as_recorded", _("As they were when recorded")


class PlaceMethod(models.TextChoices):
    """How an imported activity's place was found to be in a province."""

    NAME = "name", _("by name")
    POINT = "point", _("by point")
    CODE = "code", _("by code")
    CHOSEN = "chosen", _("chosen by hand earlier")


class UnplacedReason(models.TextChoices):
    """Why a place an imported activity names is in no province."""

    COUNTRY = "country", _("country level only")
    NO_LOCATION = "no_location", _("no location given")
    UNKNOWN_NAME = "unknown_name", _("names no province")
    SEVERAL = "several", _("names several provinces")
    OUTSIDE = "outside", _("point outside every province")
    UNKNOWN_CODE = "unknown_code", _("unknown code")
