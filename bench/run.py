"""Run the benchmarks: `make bench` (or `amity bench`) on a database of their own.

    python bench/run.py [--scale 1.0] [--requests 200] [--suite partners]

The database is a fresh SQLite file in var/bench/ unless DATABASE_URL names one (it is
emptied first: never point it at real data).
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITES = ("partners", "aid", "reporting", "events", "proposals")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--suite", choices=SUITES, default="partners")
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
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from importlib import import_module

    from bench import harness

    suite = import_module(f"bench.{options.suite}")
    figures, parameters = suite.run(scale=options.scale, requests=options.requests)
    harness.print_table(figures)
    if not options.no_save:
        print("results:", harness.write_results(options.suite, figures, parameters))
    return 0


if __name__ == "__main__":
    sys.exit(main())
