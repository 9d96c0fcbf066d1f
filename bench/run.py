"""Run the benchmarks: `make bench` (or `amity bench`) on a database of their own.

    python bench/run.py [--scale 1.0] [--requests 200] [--suite partners|…|pages|all]
    python bench/run.py generate [--scale 1.0]   (every domain's data set, and its build time)

The database is a fresh SQLite file in var/bench/ unless DATABASE_URL names one (it is
emptied first: never point it at real data).
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOMAINS = ("partners", "aid", "reporting", "events", "proposals")
#: every suite `--suite all` runs: the domains', then the imports from XLSX
ALL = (*DOMAINS, "imports")
SUITES = (*ALL, "pages", "generate")


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

    from django.core.management import call_command

    from bench import harness

    for suite in ALL if options.suite == "all" else (options.suite,):
        call_command("flush", interactive=False, verbosity=0)
        call_command("migrate", verbosity=0)
        module = import_module(f"bench.{suite}")
        figures, parameters = module.run(scale=options.scale, requests=options.requests)
        print(f"\n{suite}")
        harness.print_table(figures)
        if not options.no_save:
            print("results:", harness.write_results(suite, figures, parameters))
    return 0


if __name__ == "__main__":
    sys.exit(main())
