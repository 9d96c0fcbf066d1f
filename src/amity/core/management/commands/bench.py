"""`amity bench`: the benchmarks of bench/ (see bench/run.py), on a database of their own.

The benchmarks empty the database they run on, so this command never hands them the
application's own: they get a fresh SQLite file in var/bench/ (or BENCH_VAR_DIR), or the
PostgreSQL database named by BENCH_DATABASE_URL. Their options pass through:
`amity bench --suite aid --scale 0.1`.
"""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

ROOT = Path(__file__).resolve().parents[5]
RUNNER = ROOT / "bench" / "run.py"


class Command(BaseCommand):
    help = "Run the benchmarks (bench/run.py) on a database of their own."

    def add_arguments(self, parser):
        parser.add_argument("options", nargs="*", help="options of bench/run.py, after --")

    def run_from_argv(self, argv):
        # Everything after `amity bench` belongs to bench/run.py, whose own --help lists it.
        self.execute(*argv[2:])

    def execute(self, *args, **options):
        if not RUNNER.exists():
            raise CommandError(f"The benchmarks are not installed here ({RUNNER} is missing).")
        var = os.environ.get("BENCH_VAR_DIR") or str(ROOT / "var" / "bench")
        environment = {**os.environ, "AMITY_VAR_DIR": var}
        environment.pop("DATABASE_URL", None)
        if os.environ.get("BENCH_DATABASE_URL"):
            environment["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
        command = [sys.executable, str(RUNNER), *[str(arg) for arg in args]]
        status = subprocess.call(command, cwd=ROOT, env=environment)
        if status:
            raise CommandError(f"The benchmarks stopped with status {status}.")
