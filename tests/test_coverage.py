"""Meta-test: every model of Amity has its generic view/API test class (STYLE.md item 11)."""

import importlib
from pathlib import Path

from django.apps import apps

from tests.generic import ModelTestCase

TESTS = Path(__file__).parent
# Models that are not records users manage through generic views: users are managed in the
# admin, jobs are an import's or export's own progress, places and fields of work are
# read-only reference data.
NOT_GENERIC = {
    "accounts.user",
    "accounts.apitoken",  # a credential of its user: seen and revoked on its own page
    "core.job",
    "core.tablepreference",  # a user's own choice of columns on a list: not a record
    # the search's index and vocabulary, derived from the records (tests/core/test_search_*)
    "core.searchentry",
    "core.searchword",
    "events.calendartoken",  # a credential of its user, like the user itself: not a record
    "aid.yearflow",  # derived from the transactions by the database's triggers: not a record
    "documents.registercounter",  # the register's numbering counter, under its entries
    "geo.province",
    "geo.country",
    "partners.fieldofwork",
    # the one identity of the network, edited by the administrator on its own page, and the
    # uploaded templates, checked, replaced and reverted in the template gallery: both tested
    # in tests/documents/library
    "documents.identity",
    "documents.documenttemplate",
    # a user's own messages and e-mail choice: tested in tests/inbox
    "inbox.notification",
    "inbox.notificationpreference",
    # the scheduler's record of each job's day: tested in tests/deploy/test_locks.py and
    # tests/inbox/test_schedule.py
    "core.scheduledrun",
}


def _import_all_test_modules():
    for path in TESTS.rglob("test_*.py"):
        module = ".".join(path.relative_to(TESTS.parent).with_suffix("").parts)
        importlib.import_module(module)


def _all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _all_subclasses(subclass)


def test_every_model_has_generic_tests():
    _import_all_test_modules()
    tested = {case.views.model._meta.label_lower for case in _all_subclasses(ModelTestCase)}
    amity_models = {
        model._meta.label_lower
        for model in apps.get_models()
        if model.__module__.startswith("amity.") and not model.__name__.startswith("Historical")
    }
    missing = sorted(amity_models - tested - NOT_GENERIC)
    assert missing == []


def test_every_filter_set_has_filter_tests():
    """Every list's filter set is tested filter by filter (`tests/filtersets.py`)."""
    from amity.core.views import ModelViews
    from tests.filtersets import FilterSetTestCase

    _import_all_test_modules()
    tested = {case.model_case.views.plural for case in _all_subclasses(FilterSetTestCase)}
    with_filters = {plural for plural, views in ModelViews.registry().items() if views.filterset}
    assert sorted(with_filters - tested) == []
