"""The registry: every app declares its models once, and the central places read it."""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from amity.core.models import BaseModel
from amity.core.registry import registry

ENTRIES = registry.models()


def test_every_record_model_of_amity_is_registered():
    registered = {entry.model for entry in ENTRIES}
    models = [
        model
        for model in apps.get_models()
        if issubclass(model, BaseModel) and model.__module__.startswith("amity.")
    ]
    assert models, "no record model found: the check would pass vacuously"
    assert [m._meta.label for m in models if m not in registered] == []


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.plural)
def test_an_entry_names_classes_of_its_own_model(entry):
    views = entry.load("views")
    if views is not None:  # the identity and the templates have pages of their own
        assert views.model is entry.model
        assert views.plural == entry.plural  # the plural is the registry's, not written again
    resource = entry.resource_class()
    if resource is not None:
        assert resource._meta.model is entry.model
    if entry.api:
        viewset = entry.load("api")
        model = getattr(viewset, "model", None) or viewset.serializer_class.Meta.model
        assert model is entry.model
    for lookup in entry.search:  # a text field of the model or of a related one
        model, *path, last = [entry.model, *lookup.split("__")]
        for step in path:
            model = model._meta.get_field(step).related_model
        assert model._meta.get_field(last).get_internal_type() in {"CharField", "TextField"}


def test_plurals_and_api_routes_are_unique():
    plurals = [entry.plural for entry in ENTRIES]
    assert len(plurals) == len(set(plurals))
    for app in registry.apps():
        routes = [entry.route for entry in app.models if entry.api]
        assert len(routes) == len(set(routes)), app.label


def test_registering_a_plural_twice_is_refused():
    from amity.core.registry import App, Model, Registry

    again = Registry()
    again.register(App("one", models=[Model("partners.Partner", "partners")]))
    with pytest.raises(ValueError, match="partners"):
        again.register(App("two", models=[Model("aid.Activity", "partners")]))


@pytest.mark.django_db
def test_the_api_root_lists_every_domain_of_the_registry(client, django_user_model):
    expected = {app.label for app in registry.apps() if app.has_api}
    assert {"organizations", "partners", "aid", "reporting", "events", "proposals"} <= expected
    user = django_user_model.objects.create_user("reader", password="x-Amity-2026")
    client.force_login(user)
    response = client.get("/api/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    listed = set(response.json()) - {"schema", "docs"}
    assert listed == expected
    for label in expected:  # each domain's own root answers with its collections
        routes = client.get(f"/api/{label}/", HTTP_ACCEPT="application/json").json()
        app = registry.app(label)
        collections = {entry.route for entry in app.models if entry.api}
        assert set(routes) == collections | {route.prefix for route in app.routes}


@pytest.mark.django_db
def test_the_navigation_is_the_registry_menu_grouped_in_order(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x-Amity-2026")
    client.force_login(user)
    navigation = client.get(reverse("home")).context["navigation"]
    with translation.override("en"):  # the labels are lazy: read in English
        shown = [
            (str(entry["label"]), [str(item["label"]) for item in entry.get("items", [])])
            for entry in navigation
        ]
    # A group of several apps' entries is a drop-down; a group of one is its entry's link.
    assert shown == [
        (
            "Network",
            [
                "Organizations",
                "People",
                "Committees",
                "Places",
                "Training",
                "Training gaps",
                "Training plan",
                "Document register",
                "Glossary",
            ],
        ),
        ("Partners & aid", ["Partners", "Agreements", "Aid"]),
        (
            "Reports",
            [
                "Reports",
                "The year in one picture",
                "Work orientations",
                "Orientations for us",
                "Document templates",
            ],
        ),
        ("Events & proposals", ["Events", "Proposals"]),
        (
            "Emulation & awards",
            [
                "Emulation regulations",
                "Emulation clusters",
                "Score sheets",
                "Emulation campaigns",
                "Award proposals",
                "Award decisions",
                "Reviews of member organizations",
            ],
        ),
    ]
    urls = [item["url"] for entry in navigation for item in entry.get("items", [entry])]
    assert sorted(urls) == sorted(reverse(item.url_name) for item in registry.menu())
    # organizations (3), partners, aid, reports, events, proposals, places, emulation (7),
    # training (3: courses, gaps, plan), agreements, the register and glossary (2),
    # orientations (2), the document templates, the year in one picture
    assert len(urls) == 26


def test_a_menu_entry_must_name_a_known_group():
    from amity.core.registry import App, Menu, Registry

    with pytest.raises(ValueError, match="unknown menu groups"):
        Registry().register(App("stray", menu=[Menu("Stray", "home", "x", group="misc")]))


@pytest.mark.django_db
def test_the_group_of_the_current_page_is_marked_active(client, users):
    client.force_login(users.hanoi)
    navigation = client.get(reverse("partners:partner_list")).context["navigation"]
    active = [entry["key"] for entry in navigation if entry.get("active")]
    assert active == ["partners"]
    partners = next(entry for entry in navigation if entry.get("key") == "partners")
    assert [item.get("active", False) for item in partners["items"]] == [True, False, False]
    html = client.get(reverse("partners:partner_list")).content.decode()
    assert 'id="menu-partners"' in html
    assert 'class="dropdown-item active" aria-current="page" href="/partners/partners/"' in html
