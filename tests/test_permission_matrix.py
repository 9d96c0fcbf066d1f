"""Every URL of the app and of the API, for every role, with records in and out of scope.

Generated from the URL configuration: a new view or API endpoint is covered without being
listed here. Records are made by the generic test classes' builders (one owned by the Ha Noi
Union, one by the Da Nang Union); what each user may see and edit is asked of the model's own
`visible_to` / `editable_by`, and every page and endpoint must agree with it:

- a record a user may not see: 404 on every page and to every API method about it (its
  existence is not told), also on the pages and API actions beyond the generic ones;
- a record a user sees but may not edit: its edit and delete pages and API writes are 403, and
  the record is left as it was;
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

PUBLIC = {
    "accounts:login",
    "healthz",
    "readyz",
    "metrics",
    "api:token",
    "api:schema",
    "api:docs",
    "api:root",
}
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


def area_of(name: str, callback) -> str:
    """The part of the project a route belongs to, so that the long tests below run one part
    per worker: its namespace ("partners", "core", "" for the root), and for the API the app of
    its view set's model ("api" for the API's own routes)."""
    namespace = name.rpartition(":")[0].split(":")[0]
    model = getattr(getattr(callback, "cls", None), "model", None)
    if namespace == "api" and model is not None:
        return model._meta.app_label
    return namespace


#: every part that has a route, read from the URL configuration when the tests are collected
AREAS = sorted({area_of(name, callback) for name, _pattern, callback in url_patterns()})
#: the parts whose records the generic tests build (the domain apps): the scoping tests' parts
MODEL_AREAS = sorted({model._meta.app_label for model in generic_cases()})


def make_records(orgs, apps=None) -> dict:
    """Model → {"hanoi": record, "danang": record}, for the models of `apps` (all by default).
    Builders make the parents they need with unique fields from `index`: each model its own."""
    made = {}
    for number, (model, case) in enumerate(generic_cases().items()):
        if apps is None or model._meta.app_label in apps:
            made[model] = {
                "hanoi": case.make(orgs, orgs.hanoi, index=100 + 2 * number),
                "danang": case.make(orgs, orgs.danang, index=101 + 2 * number),
            }
    return made


@pytest.fixture
def records(orgs, users):
    return make_records(orgs)


@pytest.fixture
def area_records(orgs, users, area):
    """The records of one part's models (`area`, a parameter of the test)."""
    return make_records(orgs, {area})


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


@pytest.mark.parametrize("area", MODEL_AREAS)
def test_pages_agree_with_the_models_scoping(client, users, area, area_records):
    records = area_records
    routes = page_routes()
    checked = 0
    failures = []
    for name, pattern, callback in url_patterns():
        if name not in routes or parameters(pattern) != {"pk"} or area_of(name, callback) != area:
            continue
        model, action = routes[name]
        if model not in records:
            continue
        for role, user in as_each_role(client, users):
            for record in records[model].values():
                url = reverse(name, kwargs={"pk": record.pk})
                seen, editable = may(user, record, "see"), may(user, record, "edit")
                status = client.get(url).status_code
                refused = 403 if seen else 404
                if action in ("detail", "history"):
                    expected = 200 if seen else 404
                else:  # an edit page is a write
                    expected = 200 if editable else refused
                if status != expected:
                    failures.append(f"GET {url} as {role}: {status}, expected {expected}")
                if action in ("edit", "delete") and not editable:
                    status = client.post(url, {}).status_code
                    if status != refused or not unchanged(record):
                        failures.append(f"POST {url} as {role}: {status}, or changed")
                checked += 1
    assert not failures, "\n".join(failures)
    # every page of the part's records, to every role, about both records
    assert checked >= 4 * len(ROLES) * 2


@pytest.mark.parametrize("area", MODEL_AREAS)
def test_api_agrees_with_the_models_scoping(client, users, area, area_records):
    records = area_records
    checked = 0
    failures = []
    for name, pattern, callback in url_patterns():
        if area_of(name, callback) != area:
            continue
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
                    body = {"version": record.version}
                    for method in (client.put, client.patch, client.delete):
                        status = method(url, body, content_type="application/json").status_code
                        if status != (403 if seen else 404) or not unchanged(record):
                            failures.append(f"{method.__name__} {url} as {role}: {status}")
                checked += 1
    assert not failures, "\n".join(failures)
    assert checked >= 2 * len(ROLES)  # a list and a record at least


def custom_record_routes():
    """(URL name, model) of every page and API action about one record beyond the generic
    ones: a page's model is the one whose plural its path names (`/reporting/submissions/<pk>/
    submit/`), an API action's the model of its view set."""
    generic = page_routes()
    for name, pattern, callback in url_patterns():
        if name in generic or parameters(pattern) != {"pk"}:
            continue
        view_set = getattr(callback, "cls", None)
        if view_set is not None:
            if not name.endswith("-detail") and getattr(view_set, "model", None) is not None:
                yield name, view_set.model
            continue
        segments = reverse(name, kwargs={"pk": MISSING}).strip("/").split("/")
        views = ModelViews.for_plural(segments[1]) if len(segments) > 2 else None
        if views is not None:
            yield name, views.model


def test_a_record_out_of_sight_is_404_on_every_page_and_action(client, users, records):
    """A workflow step, a download, an upload about a record the user may not see answers as
    about a record that does not exist, whatever the method (405 tells nothing either)."""
    failures = []
    routes = list(custom_record_routes())
    for role, user in as_each_role(client, users):
        for name, model in routes:
            for record in records.get(model, {}).values():
                if may(user, record, "see"):
                    continue
                url = reverse(name, kwargs={"pk": record.pk})
                for method in (client.get, client.post):
                    status = method(url, {}).status_code
                    if status not in (404, 405) or not unchanged(record):
                        failures.append(f"{method.__name__} {url} as {role}: {status}")
    assert not failures, "\n".join(failures)
    covered = {name for name, model in routes if model in records}
    assert {
        "reporting:submit",
        "organizations:record_attendance",
        "api:partner-merge",
        "api:submission-approve",
        "proposals:proposal_approve",
    } <= covered


@pytest.mark.parametrize("area", [area for area in AREAS if area != "admin"])
def test_every_address_answers_every_role_without_a_server_error(client, users, area, area_records):
    failures = []
    answered = 0
    for name, pattern, callback in url_patterns():
        if area_of(name, callback) != area or "format" in parameters(pattern):
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
    assert answered >= len(ROLES)


def test_the_parts_cover_the_project():
    """The parts the long tests are split by: every domain app, the API's own routes, and
    every route of the project in one of them (admin's aside)."""
    assert {"organizations", "partners", "aid", "reporting", "events", "proposals"} <= set(
        MODEL_AREAS
    )
    assert {"api", "core", "accounts", *MODEL_AREAS} <= set(AREAS)
    routes = [name for name, _pattern, _callback in url_patterns()]
    assert len([name for name in routes if not name.startswith("admin:")]) > 500 // len(ROLES)


def test_a_job_is_seen_only_by_its_user(client, users):
    from amity.core.models import Job

    job = Job.objects.create(
        user=users.danang, model_label="partners", original_name="x.csv", status=Job.Status.CHECKED
    )
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
    names = [
        name for name, pattern, _callback in url_patterns() if "format" not in parameters(pattern)
    ]
    assert sorted({name for name in names if names.count(name) > 1}) == []


# --- what a probe sends: never a 500, the filter's error said, nothing cached -------------------


def api_list_routes():
    """(URL name, view set) of every API collection on a model."""
    for name, pattern, callback in url_patterns():
        view_set = getattr(callback, "cls", None)
        if name.endswith("-list") and not parameters(pattern) and hasattr(view_set, "model"):
            yield name, view_set


def date_filters(filterset_class) -> list[str]:
    import django_filters

    return [
        name
        for name, filter_ in filterset_class.base_filters.items()
        if isinstance(filter_, django_filters.DateFilter)
    ]


def test_api_lists_refuse_a_bad_limit_and_bound_dates_and_filters(client, users, records):
    log_in(client, users.hanoi)
    failures = []
    dated = 0
    for name, view_set in api_list_routes():
        url = reverse(name)
        for limit, expected in (
            ("99999999999999999999", 200),
            ("2000", 200),
            ("-1", 400),
            ("0", 400),
            ("abc", 400),
            ("1.5", 400),
        ):
            response = client.get(url, {"limit": limit})
            if response.status_code != expected:
                failures.append(f"GET {url}?limit={limit}: {response.status_code}")
            elif expected == 200 and len(response.json()["results"]) > 1000:
                failures.append(f"GET {url}?limit={limit}: more than 1000 rows")
        for offset, expected in (("99999999999999999999", 400), ("-1", 400), ("12", 200)):
            if client.get(url, {"offset": offset}).status_code != expected:
                failures.append(f"GET {url}?offset={offset}")
        for filter_name in date_filters(view_set.filterset_class):
            dated += 1
            for value in ("0001-01-01", "9999-12-31"):
                if client.get(url, {filter_name: value}).status_code != 200:
                    failures.append(f"GET {url}?{filter_name}={value}")
            wrong = client.get(url, {filter_name: "notadate"})
            if wrong.status_code != 400 or filter_name not in wrong.json():
                failures.append(f"GET {url}?{filter_name}=notadate: {wrong.status_code}")
    assert not failures, "\n".join(failures)
    assert dated >= 10


def nested(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def test_api_writes_refuse_deep_json_and_lone_surrogates(client, users, records):
    """A surrogate in every choice field, JSON nested a hundred thousand levels deep, on every
    collection and record: 400, nothing written."""
    from rest_framework import serializers

    log_in(client, users.central)
    failures = []
    choices = 0
    for name, view_set in api_list_routes():
        url = reverse(name)
        record = next(iter(records.get(view_set.model, {}).values()), None)
        targets = [(client.post, url)]
        if record is not None:
            targets.append((client.patch, f"{url}{record.pk}/"))
        serializer = view_set.serializer_class()
        fields = [
            field_name
            for field_name, field in serializer.fields.items()
            if isinstance(field, serializers.ChoiceField) and not field.read_only
        ]
        for method, target in targets:
            for body in ("[" * 100000 + "]" * 100000, nested(100000), nested(40)):
                status = method(target, body, content_type="application/json").status_code
                if status != 400:
                    failures.append(f"{method.__name__} {target} deep: {status}")
            for field_name in fields:
                choices += 1
                data = {field_name: "x\ud800y", "version": getattr(record, "version", 1)}
                response = method(target, data, content_type="application/json")
                if response.status_code != 400:
                    failures.append(f"{method.__name__} {target} {field_name}: surrogate")
        if record is not None and not unchanged(record):
            failures.append(f"{url}{record.pk}/ changed")
    for body in ('{"username": "x\\ud800y", "password": "a"}', nested(100000)):
        response = client.post(reverse("api:token"), body, content_type="application/json")
        if response.status_code != 400:
            failures.append(f"POST token: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert choices > 20


def test_list_pages_say_a_filter_is_wrong_and_show_no_rows(client, users, records):
    """A date filter that is no date, or a model field that is no filter: the list page shows
    the error and no row (not every row), the export refuses, the API answers 400."""
    log_in(client, users.central)
    failures = []
    for views in ModelViews.registry().values():
        if views.model not in records:
            continue
        url = reverse(views.url_name("list"))
        api_url = f"/api/{views.model._meta.app_label}/{views.plural}/"
        wrong = [(name, "notadate") for name in date_filters(views.filterset)]
        unknown = next(
            (
                field.name
                for field in views.model._meta.concrete_fields
                if field.name not in views.filterset.base_filters
            ),
            None,
        )
        wrong.append((unknown, "1"))
        for name, value in wrong:
            page = client.get(url, {name: value})
            rows = len(page.context["table"].rows) if page.status_code == 200 else None
            if rows != 0 or name not in page.context["filter"].errors:
                failures.append(f"GET {url}?{name}={value}: {page.status_code}, {rows} rows")
            elif not all(
                str(error) in page.content.decode() for error in page.context["filter"].errors[name]
            ):
                failures.append(f"GET {url}?{name}={value}: the error is not shown")
            export = client.get(url, {name: value, "export": "csv"})
            if export.status_code != 302 or "export" in export["Location"]:
                failures.append(f"GET {url}?{name}={value}&export=csv: {export.status_code}")
            api = client.get(api_url, {name: value})
            if api.status_code not in (400, 404):  # 404: a model with no API of its own
                failures.append(f"GET {api_url}?{name}={value}: {api.status_code}")
        for name in date_filters(views.filterset):
            for value in ("0001-01-01", "9999-12-31"):
                if client.get(url, {name: value}).status_code != 200:
                    failures.append(f"GET {url}?{name}={value}")
    assert not failures, "\n".join(failures)


def test_nothing_personal_is_cached(client, users, records):
    log_in(client, users.hanoi)
    record = records[ModelViews.for_plural("partners").model]["hanoi"]
    private = [
        reverse("home"),
        reverse("partners:partner_list"),
        reverse("partners:partner", args=[record.pk]),
        reverse("partners:partner_list") + "?export=csv",
        reverse("partners:partner_list") + "?export=xlsx",
        "/api/partners/partners/",
        f"/api/partners/partners/{record.pk}/",
        reverse("events:calendar_feed"),
    ]
    for url in private:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "no-store, private", url
    client.logout()
    token = client.post(
        reverse("api:token"),
        {"username": "hanoi", "password": "amity-demo"},
        content_type="application/json",
    )
    assert token.status_code == 200
    assert token["Cache-Control"] == "no-store, private"
    by_token = client.get(
        "/api/partners/partners/", headers={"Authorization": f"Token {token.json()['token']}"}
    )
    assert by_token["Cache-Control"] == "no-store, private"
    login_page = client.get(reverse("accounts:login"))["Cache-Control"]
    assert {"no-store", "private"} <= {part.strip() for part in login_page.split(",")}
    static = client.get("/static/amity/amity.css")
    assert static.status_code == 200
    assert "no-store" not in static.get("Cache-Control", "")
