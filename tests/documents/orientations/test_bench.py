"""The orientations' benchmark runs at a tiny scale (`bench/orientations.py`)."""

import pytest
from bench import orientations


@pytest.mark.django_db
def test_the_orientations_benchmark_runs_at_a_tiny_scale():
    figures, parameters = orientations.run(scale=0.05, requests=3)
    assert parameters == {"recipients": 10, "tasks": 5, "orientations": 5}
    by_name = {figure.name: figure for figure in figures}
    assert by_name["matrix (service) p95"].target == 100
    assert by_name["matrix page p95"].target == 100
    assert by_name["matrix page p95"].verdict in ("meets", "misses")
