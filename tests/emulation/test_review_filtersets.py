"""Each filter of the reviews' list narrows it as it says."""

from tests.emulation import test_models_generic_review as generic
from tests.filtersets import FilterSetTestCase


class TestReviewFilters(FilterSetTestCase):
    model_case = generic.TestReview
    not_filtered = {
        "period_start": "the year is the list's period; a chosen period is read on the record",
        "period_end": "the year is the list's period; a chosen period is read on the record",
        "merge_into": "named only by a proposal to merge, read on the review's page",
        "decided_on": "the state says whether it is decided; the day is read on the record",
        "decided_by": "who decided is in the record and its history",
    }
