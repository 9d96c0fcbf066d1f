"""The API fuzzed from its own OpenAPI schema (schemathesis), as a unit officer.

Every operation of `/api/schema/` gets a bounded number of generated requests, valid ones and
invalid ones, against records in and out of the officer's scope (the permission matrix's
builders make one of each per model). Zero server errors, and every documented response must
match the schema. Each request runs in a savepoint rolled back afterwards, so that one
operation's writes never change what the next one sees.
"""

from contextlib import contextmanager
from functools import cache

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.urls import resolve
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from amity.accounts.services import create_api_token
from tests.test_permission_matrix import area_of, make_records, url_patterns

pytestmark = pytest.mark.django_db

#: Generated requests per operation and mode: ~320 operations × 5 fit in about a minute.
EXAMPLES = {GenerationMode.POSITIVE: 3, GenerationMode.NEGATIVE: 2}
CHECKS = [not_a_server_error, response_schema_conformance]


@contextmanager
def connection_kept_open():
    """What Django's test client does around a request: the WSGI handler would otherwise close
    the test's connection at the end of each request, and with it the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def records(orgs, part):
    """Model → [the Ha Noi Union's record, the Da Nang Union's record], for the models of the
    part under test (`part`, the test's parameter)."""
    return {model: list(made.values()) for model, made in make_records(orgs, {part}).items()}


#: the parts of the API, one test each so that they spread over the workers: the apps of the
#: view sets' models, and "api" for the API's own routes
PARTS = sorted(
    {area_of(name, callback) for name, _pattern, callback in url_patterns() if name[:4] == "api:"}
)


@cache
def api_schema():
    """The schema served at /api/schema/, read once per worker: it is the same for every part
    (an anonymous read, of the code's routes), and generating it takes seconds."""
    return schemathesis.openapi.from_wsgi("/api/schema/", WSGIHandler())


def part_of(path: str) -> str:
    """The part an operation of the schema belongs to (as `area_of` says of its route)."""
    match = resolve(path.replace("{id}", "1"))
    return area_of(f"{match.namespace}:{match.url_name}", match.func)


def existing_ids(path: str, records) -> list[int]:
    """The ids of the records behind a detail path, in and out of the officer's scope."""
    match = resolve(path.replace("{id}", "1"))
    view_set = getattr(match.func, "cls", None)
    model = getattr(view_set, "model", None) or view_set.serializer_class.Meta.model
    if model in records:
        return [record.pk for record in records[model]]
    return list(model.objects.order_by("pk").values_list("pk", flat=True)[:2])  # e.g. geo


def strategy(operation, records):
    """(mode, examples, strategy) for one operation; a detail path gets a few requests about
    each record that exists (in scope and out of it) beside those with a random id."""
    runs = []
    for mode, count in EXAMPLES.items():
        pks = existing_ids(operation.path, records) if "{id}" in operation.path else []
        if mode is GenerationMode.POSITIVE and pks:
            for pk in pks:
                fixed = operation.as_strategy(generation_mode=mode, path_parameters={"id": pk})
                runs.append((mode, count - 1, fixed))
            count = 1
        runs.append((mode, count, operation.as_strategy(generation_mode=mode)))
    return runs


def fuzz(operation, cases, count, send):
    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases)
    def run(case):
        send(case)

    run()


def describe(error: BaseException) -> str:
    """The reasons schemathesis gives (one per failed check), without the long bodies."""
    found = getattr(error, "exceptions", None) or [error]
    return "; ".join(" ".join(str(each).split())[:400] for each in found)


@pytest.mark.parametrize("part", PARTS)
def test_every_operation_answers_generated_requests_without_error(users, records, part):
    _token, key = create_api_token(users.hanoi)
    headers = {"Authorization": f"Token {key}"}
    statuses: dict[str, set[int]] = {}
    unreadable = set()
    failures = []

    def send(case):
        with transaction.atomic():
            response = case.call(headers=headers)
            statuses.setdefault(case.operation.label, set()).add(response.status_code)
            transaction.set_rollback(True)
        case.validate_response(response, checks=CHECKS, headers=headers)

    with connection_kept_open():
        schema = api_schema()
        every_operation = [result.ok() for result in schema.get_all_operations()]
        operations = [each for each in every_operation if part_of(each.path) == part]
        for operation in operations:
            if "{id}" in operation.path and not existing_ids(operation.path, records):
                unreadable.add(operation.label)  # a model with no record to read
            for mode, count, cases in strategy(operation, records):
                try:
                    fuzz(operation, cases, count, send)
                except Unsatisfiable:  # nothing to send wrong to an operation without input
                    assert mode is GenerationMode.NEGATIVE, operation.label
                except (Exception, BaseExceptionGroup) as error:  # one report per operation
                    failures.append(f"{operation.label}: {describe(error)}")
                    break

    assert failures == [], "\n\n".join(failures)
    assert len(every_operation) > 300 and operations
    assert set(statuses) == {operation.label for operation in operations}
    # The token worked for every operation (no 401), and every read found something to read.
    assert {label for label, seen in statuses.items() if 401 in seen} == set()
    unread = {
        label for label, seen in statuses.items() if label.startswith("GET ") and 200 not in seen
    }
    assert unread == unreadable
    assert len(unreadable) <= 3  # of all the parts together: geo's few
