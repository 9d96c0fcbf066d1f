"""`amity bench` runs the benchmarks on a database of their own, never the application's."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AMITY = Path(sys.executable).parent / "amity"


def test_amity_bench_passes_its_options_to_the_runner():
    done = subprocess.run([AMITY, "bench", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "--suite" in done.stdout and "--scale" in done.stdout


def test_amity_bench_never_runs_on_the_applications_database(tmp_path):
    # The application's database is one the benchmarks cannot reach: were it handed to them,
    # they would fail to connect (and, reachable, would be emptied).
    environment = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/app",
                   "BENCH_VAR_DIR": str(tmp_path)}  # fmt: skip
    environment.pop("BENCH_DATABASE_URL", None)
    options = ["--suite", "partners", "--scale", "0.0005", "--requests", "2", "--no-save"]
    done = subprocess.run([AMITY, "bench", *options], capture_output=True, text=True, cwd=ROOT,
                          env=environment, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "import 20 partners" in done.stdout
    assert (tmp_path / "amity.sqlite3").exists()
