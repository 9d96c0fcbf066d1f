"""Run the benchmarks: `make bench` (or `amity bench`) on a database of their own.

    python bench/run.py [--scale 1.0] [--requests 200] [--suite partners|…|pages|peer|all]
    python bench/run.py generate [--scale 1.0]   (every domain's data set, and its build time)

The database is a fresh SQLite file in var/bench/ unless DATABASE_URL names one (it is
emptied first: never point it at real data).
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOMAINS = (
    "partners",
    "aid",
    "reporting",
    "events",
    "proposals",
    "emulation",
    "training",
    "orientations",
    "agreements",
    "documents",
    "overview",
    "search",
)
#: every suite `--suite all` runs: the domains', then the imports from XLSX and the matching of
#: partner names (issue 22)
ALL = (*DOMAINS, "imports", "matching")
#: suites only run by name: the served pages, the home's inbox, the data set alone, the peer CRM
#: side by side
SUITES = (*ALL, "pages", "inbox", "generate", "peer")


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["generate"]:  # `amity bench generate --scale N`
        argv = ["--suite", "generate", *argv[1:]]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--suite",
        choices=(*SUITES, "all"),
        default="partners",
        help="all: each domain's suite and the imports, one after another, on a fresh database",
    )
    parser.add_argument("--no-save", action="store_true", help="do not write bench/results/")
    options = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("AMITY_VAR_DIR", str(ROOT / "var" / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")
    database = Path(os.environ["AMITY_VAR_DIR"]) / "amity.sqlite3"
    if "DATABASE_URL" not in os.environ and database.exists():
        database.unlink()
    import django

    django.setup()
    from importlib import import_module

    from bench import harness

    reference = fresh_database()
    for number, suite in enumerate(ALL if options.suite == "all" else (options.suite,)):
        if number:
            empty_database(reference)
        module = import_module(f"bench.{suite}")
        figures, parameters = module.run(scale=options.scale, requests=options.requests)
        print(f"\n{suite}")
        harness.print_table(figures)
        if not options.no_save:
            print("results:", harness.write_results(suite, figures, parameters))
    return 0


def fresh_database() -> str:
    """Migrate an empty database; what the migrations loaded into it (countries, provinces,
    fields of work, proposal topics), serialized for `empty_database`."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":  # a database of an earlier run: emptied, not reused
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    return connection.creation.serialize_db_to_string()


def empty_database(reference: str) -> None:
    """The database as `fresh_database` left it, for the next suite: `flush` alone would leave
    no countries, which the migrations loaded once."""
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    # post_migrate would make the content types and permissions again, before their rows
    # come back from `reference`
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(reference)
    # The rows come back with their ids: the sequences flush reset must start after them.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


if __name__ == "__main__":
    sys.exit(main())
