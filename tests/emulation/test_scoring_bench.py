"""The emulation benchmarks keep working: a tiny run (the real run is `make bench`)."""

import pytest
from bench import emulation


@pytest.mark.django_db
def test_emulation_benchmarks_run_at_a_tiny_scale():
    figures, parameters = emulation.run(scale=0.02, requests=3)
    assert parameters == {"organizations": 4, "criteria": 5, "years": 5, "scores": 100}
    by_name = {figure.name: figure for figure in figures}
    assert by_name["cluster board p95"].target == 100
    assert by_name["scoring sheet p95"].target == 100
    assert by_name["compute every computed criterion, 2026"].target == 5
    assert by_name["ranking / SQL (median of ratios)"].target == 1.5
    assert by_name["hand-written SQL, same totals p95"].value > 0
