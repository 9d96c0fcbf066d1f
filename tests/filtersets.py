"""Generic filter set tests: a model's filter tests are only the cases its generic code cannot
make up.

A test class subclasses `FilterSetTestCase` and names the `ModelTestCase` whose `make` builds its
records. Every filter declared in the model's filter set then gets a test (`test_filter_narrows`,
one per filter) that asserts exactly which records come back, alike through the filter set, the
list page and the API collection, and that the filter narrows the list (some record is left out).

The case of a filter is made up from two records `a` and `b` when the filter is a plain lookup on
a field of the model (a choice, a yes/no, a foreign key, a date or a number, `exact`, `gte`, `lte`
or `isnull`): the two are given different values and the filter must keep exactly the records
whose value satisfies it. Any other filter (a method, a path through a relation, a free-text
lookup) needs an explicit case in `cases`; without one its test fails and says so.

`test_missing_filters` fails when a field a list is naturally filtered by (a choice, a yes/no, a
foreign key, a date) has no filter and is not in the class's `not_filtered`, each with its reason:
a field added later without its filter is noticed.
"""

from datetime import date
from typing import NamedTuple

import pytest
from django.db import IntegrityError, models, transaction
from django.http import QueryDict

#: fields every model has from the base models; none of them is a list's filter
BASE_FIELDS = {"id", "created_at", "updated_at", "version", "deleted_at", "notes"}

EARLY, LATE, BETWEEN = date(2020, 1, 10), date(2020, 12, 10), date(2020, 6, 1)
#: after any date a record is made with (a start, an issue)
LATER, LATEST, LATE_BETWEEN = date(2030, 6, 1), date(2099, 12, 31), date(2050, 1, 1)
SEARCHED = "Zanzibarian"  # a word no record holds


class Case(NamedTuple):
    """The query string of a filter and exactly the records it must give (to the user central)."""

    params: dict
    expected: list


def ids(records) -> set[int]:
    return {record.pk for record in records}


@pytest.mark.django_db
class FilterSetTestCase:
    model_case = None  # the ModelTestCase of the model
    #: filter name → function(self, orgs, a, b) returning a Case
    cases: dict = {}
    #: field name → why no list filters by it (a comment is not enough: a test reads it)
    not_filtered: dict = {}
    #: filter name → a pytest mark (`xfail` with the bug) for a filter known to be wrong
    xfail: dict = {}
    #: foreign key → function(record) making a record for `a` to refer to, where `make` leaves it
    #: empty (a session's topic)
    links: dict = {}

    @property
    def views(self):
        return self.model_case.views

    @property
    def model(self):
        return self.views.model

    @property
    def api_url(self):
        return self.model_case.api_url

    def pair(self, orgs):
        """Two records the cases give different values: one of Ha Noi, one of Da Nang."""
        maker = self.model_case()
        return maker.make(orgs, orgs.hanoi, 0), maker.make(orgs, orgs.danang, 1)

    def pytest_generate_tests(self, metafunc):
        if "filter_name" in metafunc.fixturenames:
            names = sorted(metafunc.cls.model_case.views.filterset.base_filters)
            marks = metafunc.cls.xfail
            params = [pytest.param(name, marks=marks.get(name, ()), id=name) for name in names]
            metafunc.parametrize("filter_name", params)

    # --- what comes back, three ways ---------------------------------------------------------

    def filterset_ids(self, user, params) -> set[int]:
        query = QueryDict(mutable=True)
        query.update(params)
        filterset = self.views.filterset_for(user, query)
        assert filterset.is_valid(), filterset.errors
        return ids(filterset.qs)

    def page_ids(self, client, params) -> set[int]:
        response = client.get(self.model_case().url("list"), params)
        assert response.status_code == 200
        return ids(response.context["table"].data)

    def api_ids(self, client, params) -> set[int]:
        response = client.get(self.api_url, {**params, "limit": 1000})
        assert response.status_code == 200, response.content[:300]
        return {item["id"] for item in response.json()["results"]}

    # --- the cases ---------------------------------------------------------------------------

    def case_for(self, name, orgs, a, b) -> Case | None:
        if name in self.cases:
            return self.cases[name](self, orgs, a, b)
        filter_ = self.views.filterset.base_filters[name]
        if name == "q":
            return self.search_case(a, b)
        if filter_.method is not None or "__" in filter_.field_name:
            return None
        try:
            field = self.model._meta.get_field(filter_.field_name)
        except models.FieldDoesNotExist:
            return None
        if not field.concrete or field.many_to_many:
            return None
        return self.lookup_case(name, field, filter_.lookup_expr, a, b)

    def set(self, record, **values) -> bool:
        """Write `values` on `record` behind every form's back; False if the database refuses."""
        try:
            with transaction.atomic():
                type(record)._base_manager.filter(pk=record.pk).update(**values)
        except IntegrityError:
            return False
        return True

    def lookup_case(self, name, field, lookup, a, b) -> Case | None:
        attname = field.attname
        if lookup == "isnull":
            # a record whose date is set, one whose date is not (a date after the other dates)
            if not self.give(a, b, attname, [(None, LATER), (None, LATEST)]):
                return None
            return self.matching({name: "true"}, lambda record: getattr(record, attname) is None)
        if lookup in ("gte", "lte") and isinstance(field, models.DateField):
            ranges = ((EARLY, LATE, BETWEEN), (LATER, LATEST, LATE_BETWEEN))
            between = next(
                (mid for early, late, mid in ranges if self.give(a, b, attname, [(early, late)])),
                None,
            )
            if between is None:
                return None
            if lookup == "gte":
                test = lambda record: (getattr(record, attname) or date.min) >= between  # noqa: E731
            else:
                test = lambda record: (getattr(record, attname) or date.max) <= between  # noqa: E731
            return self.matching({name: between.isoformat()}, test)
        if lookup != "exact":
            return None
        value = self.give(a, b, attname, self.value_pairs(field, a, b))
        if value is None:
            return None
        if isinstance(value, bool):
            param = "true" if value else "false"
        elif isinstance(value, date):
            param = value.isoformat()
        else:
            param = str(value)
        return self.matching({name: param}, lambda record: getattr(record, attname) == value)

    def value_pairs(self, field, a, b) -> list[tuple]:
        attname = field.attname
        if field.choices:
            codes = [code for code, _label in field.flatchoices if code != ""]  # "": no filter
            return list(zip(codes, codes[1:], strict=False))
        if isinstance(field, models.BooleanField):
            return [(True, False), (False, True)]
        if isinstance(field, models.DateField):
            return [(EARLY, LATE), (LATER, LATEST)]
        if isinstance(field, models.IntegerField):
            return [(getattr(a, attname), getattr(b, attname)), (1, 2), (2001, 2002)]
        if isinstance(field, models.ForeignKey):
            pair = (getattr(a, attname), getattr(b, attname))
            if (pair[0] is None or pair[0] == pair[1]) and field.name in self.links:
                pair = (self.links[field.name](a).pk, pair[1])
            return [pair] if pair[0] is not None else []
        return []

    def give(self, a, b, attname, pairs):
        """Give `a` and `b` the first pair of different values of `attname` the database takes;
        the value `a` has then (True for a None), or None when none is taken."""
        for first, second in pairs:
            if first == second:
                continue
            if self.set(a, **{attname: first}) and self.set(b, **{attname: second}):
                return True if first is None else first
        return None

    def search_case(self, a, b) -> Case | None:
        """`q`: a word written into a text field of `a` (or of a record it refers to) finds
        exactly the records that show it."""
        search_fields = getattr(self.views.filterset, "search_fields", ())
        for path in search_fields:
            *hops, name = path.split("__")
            target = a
            for hop in hops:
                target = getattr(target, hop, None)
                if not isinstance(target, models.Model):
                    break
            if not isinstance(target, models.Model) or not self._holds_a_word(target, name):
                continue
            if not self.set(target, **{name: SEARCHED}):
                continue
            return self.matching(
                {"q": SEARCHED[:8].lower()},
                lambda record: any(SEARCHED == follow(record, p) for p in search_fields),
            )
        return None

    @staticmethod
    def _holds_a_word(record, name) -> bool:
        """Whether the field takes free text as long as SEARCHED (not a code of three letters
        with choices, which PostgreSQL would refuse and SQLite keep)."""
        field = record._meta.get_field(name)
        max_length = getattr(field, "max_length", None)
        return not field.choices and (max_length is None or max_length >= len(SEARCHED))

    def reread(self, record):
        return type(record)._base_manager.get(pk=record.pk)

    def matching(self, params, test) -> Case:
        """The records of the model meeting `test`, read after every change the case made."""
        return Case(params, [record for record in self.model.objects.all() if test(record)])

    # --- the tests ---------------------------------------------------------------------------

    def test_filter_narrows(self, filter_name, client, orgs, users, login):
        a, b = self.pair(orgs)
        case = self.case_for(filter_name, orgs, a, b)
        assert case is not None, f"no case for the filter {filter_name!r}: add one to `cases`"
        expected = ids(case.expected)
        everything = self.filterset_ids(users.central, {})
        assert expected, "a case must keep some record"
        assert expected < everything, "a case must leave some record out"
        assert self.filterset_ids(users.central, case.params) == expected
        login(users.central)
        assert self.page_ids(client, case.params) == expected
        assert self.api_ids(client, case.params) == expected

    def test_missing_filters(self):
        filters = self.views.filterset.base_filters.values()
        filtered = {f.field_name.split("__")[0] for f in filters} | set(self.not_filtered)
        missing = sorted(
            field.name
            for field in self.model._meta.concrete_fields
            if field.name not in BASE_FIELDS and is_filterable(field) and field.name not in filtered
        )
        assert missing == [], f"fields without a filter, nor a reason in `not_filtered`: {missing}"
        unknown = set(self.not_filtered) - {field.name for field in self.model._meta.get_fields()}
        assert unknown == set(), "`not_filtered` names fields the model does not have"


def follow(record, path):
    """The value at the end of `path` ("person__full_name") from `record`, or None."""
    value = record
    for hop in path.split("__"):
        value = getattr(value, hop, None)
        if value is None or not isinstance(value, models.Model | str):
            return value if isinstance(value, str) else None
    return value


def is_filterable(field) -> bool:
    """A field lists are naturally filtered by: a choice, a yes/no, a relation, a date."""
    if isinstance(field, models.DateTimeField):
        return False  # a moment, not a day a list is filtered by
    kinds = (models.BooleanField, models.ForeignKey, models.DateField)
    return bool(field.choices) or isinstance(field, kinds)
