"""`amity bench` runs the benchmarks on a database of their own, never the application's."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
AMITY = Path(sys.executable).parent / "amity"


def test_amity_bench_passes_its_options_to_the_runner():
    done = subprocess.run([AMITY, "bench", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "--suite" in done.stdout and "--scale" in done.stdout


# The command runs in a subprocess on its own SQLite file whatever the suite's database: the
# PostgreSQL pass would repeat the same run, step for step (two minutes of a worker).
@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="runs on its own SQLite database: once, in the SQLite pass",
)
def test_amity_bench_never_runs_on_the_applications_database(tmp_path):
    # The application's database is one the benchmarks cannot reach: were it handed to them,
    # they would fail to connect (and, reachable, would be emptied).
    environment = {
        **os.environ,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/app",
        "BENCH_VAR_DIR": str(tmp_path),
    }
    environment.pop("BENCH_DATABASE_URL", None)
    # Every suite, one after another on the one database: each starts from what the
    # migrations loaded (a suite after the first once found no countries left).
    options = ["--suite", "all", "--scale", "0.0005", "--requests", "2", "--no-save"]
    done = subprocess.run(
        [AMITY, "bench", *options],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    headings = [line for line in done.stdout.splitlines() if line and " " not in line]
    assert headings == [
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
        "imports",
        "matching",
    ]
    assert "import 20 partners" in done.stdout
    assert (tmp_path / "amity.sqlite3").exists()


def test_amity_bench_generate_takes_a_scale():
    done = subprocess.run(
        [AMITY, "bench", "generate", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert "--scale" in done.stdout


@pytest.mark.django_db
def test_generate_builds_every_domain_at_the_issues_sizes_times_the_scale():
    from bench import generate

    from amity.aid.models import Activity, Transaction
    from amity.events.models import Event
    from amity.partners.models import Interaction, Partner
    from amity.proposals.models import Proposal
    from amity.reporting.models import Submission

    built = generate.build(0.002)
    donors = Partner.objects.filter(name__startswith="Bench NGO").count()  # the aid's donors
    assert (Partner.objects.count() - donors, donors, Interaction.objects.count()) == (
        200,
        10,
        1000,
    )
    assert (Activity.objects.count(), Transaction.objects.count()) == (20, 200)
    assert Event.objects.count() == 100
    assert Proposal.objects.filter(title__startswith="Kiến nghị số").count() == 50
    assert Submission.objects.count() == 12 * 2  # at least 12 organizations and 2 periods
    names = [figure.name for figure in built["figures"]]
    assert names[-1] == "build the whole data set (scale 0.002)"
    assert all(figure.value > 0 for figure in built["figures"])
    assert built["parameters"]["partners"] == 200


def test_results_of_a_day_and_database_go_to_one_file(tmp_path, monkeypatch):
    from bench import harness

    monkeypatch.setattr(harness, "RESULTS", tmp_path)
    harness.write_results("partners", [harness.Figure("search p95", 40, "ms", 50)], {"n": 1})
    harness.write_results("aid", [harness.Figure("page p95", 300, "ms", 200)], {"n": 2})
    path = harness.write_results("partners", [harness.Figure("search p95", 60, "ms", 50)], {})
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert path.name == f"{date.today():%Y-%m-%d}-{connection.vendor}.json"
    document = json.loads(path.read_text())
    assert sorted(document["suites"]) == ["aid", "partners"]
    (figure,) = document["suites"]["partners"]["figures"]
    assert (figure["value"], figure["target"], figure["verdict"]) == (60, 50, "misses")
    assert document["suites"]["aid"]["parameters"] == {"n": 2}
