"""Each filter of the proposals lists narrows them as it says."""

from datetime import date, timedelta

from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization
from amity.proposals import models
from amity.proposals.choices import ProposalStatus
from tests.events.factories import event
from tests.filtersets import Case, FilterSetTestCase
from tests.proposals import builders
from tests.proposals import test_models_generic as generic


class TestTopicFilters(FilterSetTestCase):
    model_case = generic.TestTopic


class TestStatusLabelFilters(FilterSetTestCase):
    model_case = generic.TestStatusLabel


def department(record):
    """A second department of the centre, beside the one every proposal is made to."""
    centre = Organization.objects.get(kind=OrganizationKind.CENTRAL_UNION)
    return Organization.objects.create(
        name="Ban Đối ngoại nhân dân", kind=OrganizationKind.STANDING_UNIT, parent=centre
    )


def set_proposal(record, **values):
    models.Proposal.all_objects.filter(pk=record.pk).update(**values)


def overdue_case(self, orgs, a, b):
    yesterday = date.today() - timedelta(days=1)
    set_proposal(a, due_on=yesterday, status=ProposalStatus.RECEIVED)
    set_proposal(b, due_on=yesterday, status=ProposalStatus.DONE)  # closed: not overdue
    return Case({"overdue": "true"}, [a])


def open_case(self, orgs, a, b):
    set_proposal(a, status=ProposalStatus.RECEIVED)
    set_proposal(b, status=ProposalStatus.DECLINED)
    return Case({"open": "true"}, [a])


class TestProposalFilters(FilterSetTestCase):
    model_case = generic.TestProposal
    cases = {"overdue": overdue_case, "open": open_case}
    links = {
        "addressed_to": department,
        "responsible_department": department,
        "topic": lambda record: models.Topic.objects.get(code="training"),
        "event": lambda record: event(record.organization),
        "consultation": lambda record: builders.consultation(record.organization.parent),
    }
    not_filtered = {
        "raised_on": "proposals are found by status and due date; the day raised is on the record",
        "raised_by": "the person who raised it is read on the record",
        "answer_drafted_by": "who drafted the answer is the history's, not a list's, criterion",
        "answer_approved_by": "who approved the answer is the history's, not a list's, criterion",
    }


class TestProposalActionFilters(FilterSetTestCase):
    model_case = generic.TestProposalAction
    links = {"responsible": lambda record: record.proposal.organization}
    not_filtered = {"due_on": "a proposal's actions are few: read on its page"}


class TestConsultationFilters(FilterSetTestCase):
    model_case = generic.TestConsultation
    not_filtered = {
        "opens_on": "a consultation is found by its status, which its dates decide",
        "deadline": "a consultation is found by its status, which its dates decide",
        "last_reminded_on": "the reminders' own bookkeeping",
    }


class TestConsultationArticleFilters(FilterSetTestCase):
    model_case = generic.TestConsultationArticle


class TestConsultationResponseFilters(FilterSetTestCase):
    model_case = generic.TestConsultationResponse
    not_filtered = {"submitted_on": "a consultation's responses are read on its page"}


class TestArticlePositionFilters(FilterSetTestCase):
    model_case = generic.TestArticlePosition
