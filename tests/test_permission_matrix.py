"""Every URL of the app and of the API, for every role, with records in and out of scope.

Generated from the URL configuration: a new view or API endpoint is covered without being
listed here. Records are made by the generic test classes' builders (one owned by the Ha Noi
Union, one by the Da Nang Union); what each user may see and edit is asked of the model's own
`visible_to` / `editable_by`, and every page and endpoint must agree with it:

- a record a user may not see: 404 on every page and API read about it;
- a record a user may not edit: its edit and delete pages and API writes are refused (403 or
  404) and the record is left as it was;
- every list, page and API list answers without a server error, to every role; an API list
  holds only records the user may see;
- anonymous users are sent to the log-in page (pages) or refused (API), except on the few
  public addresses.
"""

import importlib
import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from amity.core.views import ModelViews
from tests.conftest import log_in
from tests.generic import ModelTestCase

pytestmark = pytest.mark.django_db

PUBLIC = {"accounts:login", "healthz", "api:token", "api:schema", "api:docs", "api:root"}
ROLES = ("admin", "central", "viewer", "hanoi", "hanoi_viewer", "danang")
MISSING = 999999


def url_patterns(patterns=None, namespace=""):
    """(full URL name, pattern, view callback) for every named route of the project."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from url_patterns(entry.url_patterns, inner.strip(":"))
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, entry.pattern, entry.callback


def parameters(pattern) -> set[str]:
    converters = getattr(pattern, "converters", None)
    if converters is not None and not hasattr(pattern, "regex") or converters:
        return set(converters)
    return set(pattern.regex.groupindex)


def generic_cases() -> dict:
    """Model → an instance of its generic test class (the builders of its records)."""
    for path in Path(__file__).parent.rglob("test_models_generic*.py"):
        module = ".".join(path.relative_to(Path(__file__).parent.parent).with_suffix("").parts)
        importlib.import_module(module)
    cases = {}
    pending = list(ModelTestCase.__subclasses__())
    while pending:
        case = pending.pop()
        pending.extend(case.__subclasses__())
        if case.views is not None:
            cases[case.views.model] = case()
    return cases


def page_routes():
    """URL name → (model, action) for the pages of every ModelViews."""
    routes = {}
    for views in ModelViews.registry().values():
        routes[views.url_name()] = (views.model, "detail")
        for action in ("history", "edit", "delete"):
            routes[views.url_name(action)] = (views.model, action)
    return routes


@pytest.fixture
def records(orgs, users):
    """Model → {"hanoi": record, "danang": record}."""
    made = {}
    # Builders make the parents they need with unique fields from `index`: each model its own.
    for number, (model, case) in enumerate(generic_cases().items()):
        made[model] = {
            "hanoi": case.make(orgs, orgs.hanoi, index=100 + 2 * number),
            "danang": case.make(orgs, orgs.danang, index=101 + 2 * number),
        }
    return made


def as_each_role(client, users):
    """(role, user) for every role, the client logged in as that user."""
    for role in ROLES:
        user = getattr(users, role)
        client.logout()
        log_in(client, user)
        yield role, user


def may(user, record, how) -> bool:
    manager = getattr(type(record), "all_objects", type(record).objects)
    queryset = manager.visible_to(user) if how == "see" else manager.editable_by(user)
    return queryset.filter(pk=record.pk, deleted_at__isnull=True).exists()


def unchanged(record) -> bool:
    fresh = type(record).all_objects.get(pk=record.pk)
    return fresh.version == record.version and fresh.deleted_at is None


def test_pages_agree_with_the_models_scoping(client, users, records):
    routes = page_routes()
    checked = 0
    failures = []
    for name, pattern, _callback in url_patterns():
        if name not in routes or parameters(pattern) != {"pk"}:
            continue
        model, action = routes[name]
        if model not in records:
            continue
        for role, user in as_each_role(client, users):
            for record in records[model].values():
                url = reverse(name, kwargs={"pk": record.pk})
                seen, editable = may(user, record, "see"), may(user, record, "edit")
                status = client.get(url).status_code
                if action in ("detail", "history"):
                    allowed = {200} if seen else {404}
                else:  # an edit page is a write: refused, 403 or 404, whether seen or not
                    allowed = {200} if editable else {403, 404}
                if status not in allowed:
                    failures.append(f"GET {url} as {role}: {status}, expected {allowed}")
                if action in ("edit", "delete") and not editable:
                    status = client.post(url, {}).status_code
                    if status not in (403, 404) or not unchanged(record):
                        failures.append(f"POST {url} as {role}: {status}, or changed")
                checked += 1
    assert not failures, "\n".join(failures)
    assert checked > 300


def test_api_agrees_with_the_models_scoping(client, users, records):
    checked = 0
    failures = []
    for name, pattern, callback in url_patterns():
        view_set = getattr(callback, "cls", None)
        model = getattr(view_set, "model", None)
        standard = name.endswith(("-list", "-detail"))  # extra actions have rules of their own
        if model not in records or not standard or "format" in parameters(pattern):
            continue
        for role, user in as_each_role(client, users):
            if parameters(pattern) == set():
                response = client.get(reverse(name))
                body = response.json()
                rows = body.get("results", []) if isinstance(body, dict) else body
                listed = {row.get("id") for row in rows}
                visible = set(model.objects.visible_to(user).values_list("pk", flat=True))
                if response.status_code != 200 or not listed <= visible or None in listed:
                    failures.append(f"GET {reverse(name)} as {role}: {response.status_code}")
                checked += 1
                continue
            for record in records[model].values():
                url = reverse(name, kwargs={"pk": record.pk})
                seen, editable = may(user, record, "see"), may(user, record, "edit")
                status = client.get(url).status_code
                if status != (200 if seen else 404):
                    failures.append(f"GET {url} as {role}: {status}")
                if not editable:
                    for method in (client.patch, client.delete):
                        status = method(url, {}, content_type="application/json").status_code
                        if status not in (403, 404) or not unchanged(record):
                            failures.append(f"{method.__name__} {url} as {role}: {status}")
                checked += 1
    assert not failures, "\n".join(failures)
    assert checked > 100


def test_every_address_answers_every_role_without_a_server_error(client, users, records):
    failures = []
    answered = 0
    for name, pattern, _callback in url_patterns():
        if name.startswith("admin:") or "format" in parameters(pattern):
            continue
        kwargs = {key: "partners" if key == "plural" else MISSING for key in parameters(pattern)}
        try:
            url = reverse(name, kwargs=kwargs)
        except Exception:  # a route whose parameters are not plain ids or names
            failures.append(f"cannot build {name} from {kwargs}")
            continue
        client.logout()
        anonymous = client.get(url, follow=True)  # a redirect must end at the log-in page
        landed = anonymous.redirect_chain[-1][0] if anonymous.redirect_chain else ""
        if name not in PUBLIC and not (
            anonymous.status_code in (401, 403, 404, 405) or "/accounts/login/" in landed
        ):
            failures.append(f"GET {url} anonymous: {anonymous.status_code} at {landed}")
        for role, _user in as_each_role(client, users):
            status = client.get(url).status_code
            if status >= 500 or (kwargs and status == 200 and "plural" not in kwargs):
                failures.append(f"GET {url} as {role}: {status}")
            answered += 1
    assert not failures, "\n".join(failures)
    assert answered > 500


def test_a_job_is_seen_only_by_its_user(client, users):
    from amity.core.models import Job

    job = Job.objects.create(user=users.danang, model_label="partners", original_name="x.csv",
                             status=Job.Status.CHECKED)  # fmt: skip
    for role in ROLES:
        log_in(client, getattr(users, role))
        expected = 200 if role == "danang" else 404
        assert client.get(reverse("core:job", args=[job.pk])).status_code == expected, role
        assert client.get(reverse("core:job_download", args=[job.pk])).status_code == 404, role


def test_the_routes_are_found():
    names = {name for name, _pattern, _callback in url_patterns()}
    assert {"partners:partner", "partners:partner_edit", "api:root"} <= names
    assert any(re.match(r"api:.*-detail$", name) for name in names)


def test_no_two_routes_share_a_name():
    """Two apps' routers under one namespace with a name in common make `reverse` (and the API's
    own links) point at the wrong app."""
    names = [name for name, pattern, _callback in url_patterns()
             if "format" not in parameters(pattern)]  # fmt: skip
    assert sorted({name for name in names if names.count(name) > 1}) == []
