"""The register's benchmarks keep working: a tiny run (the real one is `make bench`)."""

import pytest
from bench import documents


@pytest.mark.django_db
def test_register_benchmarks_run_at_a_tiny_scale():
    figures, parameters = documents.run(scale=0.002, requests=3)
    assert parameters == {"organizations": 61, "entries": 100}
    by_name = {figure.name: figure for figure in figures}
    assert by_name["register list (unit officer) p95"].target == 100
    assert by_name["generate a draft's DOCX p95"].target == 300
    assert by_name["register list, filtered and searched (central officer) p95"].value > 0
