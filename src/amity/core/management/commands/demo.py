"""`amity demo`: load the demo data set (demo only, never in production).

Each domain writes its own part in `<app>.demo.load(stdout)`, the module its registry.py names;
they load in the order of INSTALLED_APPS (a later one may build on what an earlier one made). A
module may also offer `logins()`, the (user name, role, home organization) rows printed at the end.
"""

import time
from datetime import date
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from amity.core import search
from amity.core.demo_dates import demo_day
from amity.core.registry import registry
from amity.core.tree import TreeNode

PASSWORD = "amity-demo"


class Command(BaseCommand):
    help = "Load the demo data set (users, organizations, people, …), marked as demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds an organization.",
        )
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="Draw the demo's dates around this day (YYYY-MM-DD) instead of today.",
        )

    def handle(self, *args, if_empty=False, today=None, **options):
        # the command line speaks English, as `make run` does
        with translation.override("en"), demo_day(today):
            self.load(if_empty)

    @staticmethod
    def holds_a_tree() -> bool:
        """Whether the organizations' tree (reference data aside, what every record hangs on)
        has a node: then the database is in use."""
        trees = [model for model in apps.get_models() if issubclass(model, TreeNode)]
        return any(model._base_manager.exists() for model in trees)

    def load(self, if_empty: bool) -> None:
        if if_empty and self.holds_a_tree():
            self.stdout.write("The database already holds organizations: demo data not loaded.")
            return
        modules = [import_module(app.demo) for app in registry.apps() if app.demo]
        started = time.monotonic()
        with transaction.atomic(), search.paused():
            for module in modules:
                self.stdout.write(f"{module.__name__}:")
                module.load(self.stdout)
            # the loaders write in bulk: the search index is built once, at the end
            written = search.rebuild()
            self.stdout.write(f"Search index: {written} records.")
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Demo data set loaded in {elapsed:.1f} s."))
        rows = [row for module in modules for row in getattr(module, "logins", list)()]
        if rows:
            self.stdout.write(f"Demo log-ins (password {PASSWORD}):")
            width = max(len(name) for name, *_ in rows)
            for name, role, home in rows:
                self.stdout.write(f"  {name:<{width}}  {role} — {home}")
