"""Each filter of the scoring lists narrows them as it says."""

from datetime import date

from amity.emulation.models import Campaign
from tests.emulation import scoring_builders as build
from tests.emulation import test_models_generic_scoring as generic
from tests.filtersets import Case, FilterSetTestCase


def year_case(self, orgs, a, b):
    """A year within those kept (a far-out year is refused by the filter)."""
    self.set(a, year=2031)
    self.set(b, year=2032)
    return Case({"year": "2031"}, [a])


class TestCriteriaTableFilters(FilterSetTestCase):
    model_case = generic.TestCriteriaTable


class TestCriteriaSectionFilters(FilterSetTestCase):
    model_case = generic.TestCriteriaSection


class TestCriterionFilters(FilterSetTestCase):
    model_case = generic.TestCriterion


class TestClusterFilters(FilterSetTestCase):
    model_case = generic.TestCluster
    cases = {"year": year_case}
    links = {"criteria_table": lambda record: build.table(record.organization, 300)}
    not_filtered = {
        "head": "the head and deputy are read on the cluster board, a cluster at a time",
        "deputy": "the head and deputy are read on the cluster board, a cluster at a time",
        "pact_signed_on": "a pact is signed at the start of the cluster's year: the year filters",
    }


class TestCampaignFilters(FilterSetTestCase):
    model_case = generic.TestCampaign
    links = {"criteria_table": lambda record: build.table(record.organization, 301)}
    not_filtered = {
        "starts_on": "campaigns are few: their periods are read in the list",
        "ends_on": "campaigns are few: their periods are read in the list",
    }


def campaign_for(record):
    return Campaign.objects.create(
        organization=record.organization,
        name_vi="Thi đua chào mừng Đại hội",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 6, 30),
    )


class TestScoreSheetFilters(FilterSetTestCase):
    model_case = generic.TestScoreSheet
    cases = {"year": year_case}
    links = {
        "cluster": lambda record: build.cluster(
            record.organization, [record.organization], year=record.year, name="Cụm lọc"
        ),
        "campaign": campaign_for,
    }


class TestScoreFilters(FilterSetTestCase):
    model_case = generic.TestScore
