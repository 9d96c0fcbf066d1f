"""Browser tests: Debian's Chromium driven by Playwright against the app on a live server."""

import os
import sqlite3
from pathlib import Path
from urllib.parse import urlparse

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls of the fixtures below
# happen before any page is driven, so Django's async-safety guard can stand down here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).parent / "artifacts"
# axe-core from npm (a dev package): injected into the page under test, never served to users.
AXE = Path(__file__).parent.parent / "node_modules" / "axe-core" / "axe.min.js"
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LOCAL_HOSTS = {"127.0.0.1", "localhost", ""}
# Chromium's own background traffic would be refused by the closed network anyway; switched off.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class DemoSnapshot:
    """The demo data set, loaded once for the session and copied back before each test.

    Each test starts from the demo as `amity demo` writes it and may change it (the server runs
    in another thread, so the data are committed; the transactional test flushes them after).
    Loading it takes many seconds, so on the embedded database (in memory for the tests) the
    first load is copied aside with SQLite's backup API and copied back for each next test: the
    same rows, the same ids. Elsewhere (PostgreSQL) each test loads it."""

    def __init__(self):
        self.copy = None  # an in-memory sqlite3 connection holding the loaded demo

    def load(self):
        from django.core.management import call_command
        from django.db import connection

        embedded = connection.vendor == "sqlite" and connection.is_in_memory_db()
        if not embedded:
            call_command("demo", verbosity=0)
            return
        connection.ensure_connection()
        if self.copy is None:
            call_command("demo", verbosity=0)
            self.copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.copy)
        else:
            self.copy.backup(connection.connection)


DEMO = DemoSnapshot()


@pytest.fixture
def demo_data(transactional_db):
    DEMO.load()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make browser`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A browser page that remembers every host it asked for."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.requested_hosts = set()
        page.on(
            "request",
            lambda request: self.requested_hosts.add(urlparse(request.url).hostname or ""),
        )

    def go(self, path):
        self.page.goto(self.base_url + path)
        return self.page

    def screenshot(self, name):
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def log_in(self, username, password="amity-demo"):
        page = self.go("/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        with page.expect_navigation():
            page.click("main button[type=submit]")
        return page

    @property
    def foreign_hosts(self):
        return self.requested_hosts - LOCAL_HOSTS - {None}


@pytest.fixture
def visit(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield Visit(context.new_page(), live_server.url)
    context.close()


@pytest.fixture
def phone_visit(browser, live_server, demo_data):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    yield Visit(context.new_page(), live_server.url)
    context.close()


def signed_in(browser, base_url, username, language="vi", phone=False, **options):
    """A browser context with `username` logged in and `language` chosen for the session: one
    per user and language, reused for every page a test visits (a log-in costs a password
    hash)."""
    viewport = PHONE if phone else LAPTOP
    context = browser.new_context(viewport=viewport, is_mobile=phone, **options)
    visit = Visit(context.new_page(), base_url)
    visit.log_in(username)
    visit.go(f"/?lang={language}")
    return context, visit


def axe_violations(page, impacts=("serious", "critical")):
    """The axe-core violations of the page as it is now, of the given impacts: a list of
    (rule id, its help, the fix hint and the target of each node)."""
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed at {AXE}: run `npm ci`.")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({target: n.target.join(" "), fix: n.failureSummary})),
            }));
        }"""
    )
    return [violation for violation in found if violation["impact"] in impacts]


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
