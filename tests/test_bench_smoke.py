"""The benchmarks keep working: a tiny run of each suite (the real runs are `make bench`)."""

import pytest
from bench import harness, partners


@pytest.mark.django_db
def test_partner_benchmarks_run_at_a_tiny_scale():
    figures, parameters = partners.run(scale=0.0005, requests=3)
    names = [figure.name for figure in figures]
    assert parameters["partners"] == 50
    assert "list page (unit officer) p95" in names
    assert "search (central officer) p95" in names
    assert "import 20 partners" in names
    by_name = {figure.name: figure for figure in figures}
    assert by_name["import 20 partners"].target == 10
    assert by_name["list page (central officer) p95"].verdict in ("meets", "misses")


def test_percentile_and_verdicts():
    assert harness.percentile([5, 1, 4, 2, 3], 0.5) == 3
    assert harness.percentile([1, 2, 3, 4, 100], 0.95) == 100
    assert harness.Figure("x", 9, "s", 10).verdict == "meets"
    assert harness.Figure("x", 11, "s", 10).verdict == "misses"
    assert harness.Figure("x", 11, "rows/s", 10, direction="min").verdict == "meets"
