"""The agreements benchmark (`bench/agreements.py`) runs at a tiny scale and says its targets."""

import pytest
from bench import agreements


@pytest.mark.django_db
def test_agreements_benchmarks_run_at_a_tiny_scale():
    figures, parameters = agreements.run(scale=0.01, requests=3)
    assert (parameters["agreements"], parameters["partners"]) == (50, 10)
    by_name = {figure.name: figure for figure in figures}
    for who in ("central", "union"):
        assert by_name[f"agreements list ({who}) p95"].target == 100
        assert by_name[f"expiring board ({who}) p95"].target == 100
        assert by_name[f"expiring board ({who}) p95"].verdict in ("meets", "misses")
