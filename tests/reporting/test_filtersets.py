"""Each filter of the reporting lists narrows them as it says."""

from amity.reporting import models
from tests.filtersets import Case, FilterSetTestCase
from tests.reporting import test_models_generic as generic
from tests.reporting.factories import form_with, period


class TestIndicatorFilters(FilterSetTestCase):
    model_case = generic.TestIndicator


class TestFormFilters(FilterSetTestCase):
    model_case = generic.TestForm


class TestFormVersionFilters(FilterSetTestCase):
    model_case = generic.TestFormVersion
    not_filtered = {"published_on": "a form's versions are few: read on its page"}


class TestSectionFilters(FilterSetTestCase):
    model_case = generic.TestSection


class TestSectionItemFilters(FilterSetTestCase):
    model_case = generic.TestSectionItem


class TestPeriodFilters(FilterSetTestCase):
    model_case = generic.TestPeriod
    not_filtered = {
        "starts_on": "a period is found by its form, kind and year, which its dates follow",
        "ends_on": "a period is found by its form, kind and year, which its dates follow",
        "opens_on": "a period is found by its form, kind and year, which its dates follow",
        "deadline": "a period is found by its form, kind and year, which its dates follow",
    }


class TestReopeningFilters(FilterSetTestCase):
    model_case = generic.TestReopening
    not_filtered = {
        "expires_on": "a reopening is found by its period and organization",
        "granted_by": "who granted it is read on the record",
    }


class TestValidationRuleFilters(FilterSetTestCase):
    model_case = generic.TestValidationRule
    not_filtered = {
        "left": "a version's rules are few: read on the version's page",
        "right": "a version's rules are few: read on the version's page",
        "operator": "a version's rules are few: read on the version's page",
    }


def form_case(self, orgs, a, b):
    """The form through the period: `b` is moved to a period of another form."""
    other = period(form_with(orgs.central, "OTHER").form)
    models.Submission.all_objects.filter(pk=b.pk).update(period=other)
    return Case({"form": a.period.form_id}, [a])


class TestSubmissionFilters(FilterSetTestCase):
    model_case = generic.TestSubmission
    cases = {"form": form_case}
    not_filtered = {
        "form_version": "the form (through the period) is the list's criterion",
        "submitted_by": "who submitted is read on the record and its history",
        "approved_by": "who approved is read on the record and its history",
        "returned_by": "who returned it is read on the record and its history",
    }


class TestValueFilters(FilterSetTestCase):
    model_case = generic.TestValue


class TestReviewCommentFilters(FilterSetTestCase):
    model_case = generic.TestReviewComment
    links = {"indicator": lambda record: models.Indicator.objects.order_by("pk").first()}
    not_filtered = {"author": "who wrote it is read on the record"}


class TestAttachmentFilters(FilterSetTestCase):
    model_case = generic.TestAttachment
