"""Each app's `registry.py` says what its URLs, imports, API routes and menu say today: the
plurals, dotted paths and routes it declares are the ones the views, the resources and the
routers use, so that the central places can read the registry in their stead (issue 15)."""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from amity.core.registry import registry
from amity.core.views import ModelViews

APPS = ("organizations", "geo", "events", "proposals")


@pytest.fixture(scope="module", autouse=True)
def _registered():
    for label in APPS:
        import_module(f"amity.{label}.registry")


def _entries(label):
    return registry.app(label).models


def _routes(label) -> dict[str, type]:
    router = import_module(f"amity.{label}.api").router
    return {prefix: viewset for prefix, viewset, _basename in router.registry}


@pytest.mark.parametrize("label", APPS)
def test_every_model_with_pages_is_registered_once_under_its_url_plural(label):
    registered = {entry.label for entry in _entries(label)}
    with_pages = {
        views.model._meta.label
        for views in ModelViews.registry().values()
        if views.model._meta.app_label == label
    }
    assert registered == with_pages
    for entry in _entries(label):
        views = entry.load("views")
        assert (views.plural, views.model) == (entry.plural, entry.model)


@pytest.mark.parametrize("label", APPS)
def test_resources_are_the_importable_ones_under_the_same_plural(label):
    for entry in _entries(label):
        resource = entry.load("resource")
        if resource is None:
            assert label == "geo"  # places are loaded by a data migration, never imported
            continue
        assert (resource.plural, resource._meta.model) == (entry.plural, entry.model)


@pytest.mark.parametrize("label", APPS)
def test_api_routes_are_the_routers_and_name_their_viewsets(label):
    declared = {entry.route: entry.load("api") for entry in _entries(label)}
    assert declared == _routes(label)
    for entry in _entries(label):
        viewset = entry.load("api")
        assert viewset.serializer_class.Meta.model is entry.model


def test_the_api_keeps_its_shorter_routes_for_proposal_topics_and_labels():
    routes = {entry.plural: entry.route for entry in _entries("proposals")}
    assert routes["proposal-topics"] == "topics"
    assert routes["proposal-status-labels"] == "status-labels"
    assert routes["proposals"] == "proposals"


def test_menu_entries_are_todays_navigation_in_its_order(db):
    menu = [item for item in registry.menu() if item.url_name.split(":")[0] in APPS]
    with translation.override("en"):
        labels = [(str(item.label), item.url_name, item.order) for item in menu]
    assert labels == [
        ("Organizations", "organizations:tree", 10),
        ("People", "organizations:person_list", 20),
        ("Committees", "organizations:committee_list", 30),
        ("Events", "events:calendar", 70),
        ("Proposals", "proposals:board", 80),
        ("Places", "geo:province_list", 90),
    ]
    for item in menu:
        assert reverse(item.url_name)


def test_search_fields_and_demo_loaders_exist():
    for label in APPS:
        app = registry.app(label)
        if app.demo:
            assert callable(import_module(app.demo).load)
        for entry in app.models:
            for name in entry.search:
                entry.model._meta.get_field(name)
    searched = {
        entry.label: entry.search for label in APPS for entry in _entries(label) if entry.search
    }
    assert searched == {
        "organizations.Organization": ("name", "name_en", "short_name", "short_name_en"),
        "organizations.Person": ("full_name",),
        "events.Event": ("title_vi", "title_en"),
        "proposals.Proposal": ("title",),
    }
    assert registry.app("geo").demo == ""
    assert apps.get_app_config("geo")
