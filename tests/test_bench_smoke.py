"""The benchmarks keep working: a tiny run of each suite (the real runs are `make bench`)."""

import pytest
from bench import aid, events, harness, imports, partners, proposals, reporting, training


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


@pytest.mark.django_db
def test_aid_benchmarks_run_at_a_tiny_scale():
    figures, parameters = aid.run(scale=0.004, requests=3)
    assert (parameters["activities"], parameters["transactions"]) == (20, 200)
    by_name = {figure.name: figure for figure in figures}
    assert by_name["statistics page p95"].target == 200
    assert by_name["page / SQL (median of ratios)"].target == 1.5
    assert by_name["hand-written SQL, same figures p95"].value > 0
    assert by_name["page p95 / SQL p95"].verdict in ("meets", "misses")


@pytest.mark.django_db
def test_reporting_benchmarks_run_at_a_tiny_scale():
    figures, parameters = reporting.run(scale=0.01, requests=3)
    assert (parameters["organizations"], parameters["periods"]) == (12, 4)
    by_name = {figure.name: figure for figure in figures}
    assert by_name["completeness board p95"].target == 150
    assert by_name["pivot page, all indicators, one period p95"].target == 200
    assert by_name["pivot / SQL (median of ratios)"].target == 1.5
    assert by_name["hand-written SQL, same figures p95"].value > 0


@pytest.mark.django_db
def test_events_benchmarks_run_at_a_tiny_scale():
    figures, parameters = events.run(scale=0.002, requests=3)
    assert parameters["events"] == 100
    by_name = {figure.name: figure for figure in figures}
    assert by_name["calendar month (unit officer) p95"].target == 100
    assert by_name["calendar month (central officer) p95"].verdict in ("meets", "misses")


@pytest.mark.django_db
def test_proposals_benchmarks_run_at_a_tiny_scale():
    figures, parameters = proposals.run(scale=0.0025, requests=3)
    assert parameters["proposals"] == 50
    by_name = {figure.name: figure for figure in figures}
    assert by_name["proposals board (unit officer) p95"].target == 100
    assert by_name["proposals board (central officer) p95"].verdict in ("meets", "misses")


@pytest.mark.django_db
def test_import_benchmarks_run_at_a_tiny_scale():
    figures, parameters = imports.run(scale=0.001)
    # 20 partners; 5 Unions x 80 indicators of values
    assert (parameters["partner_rows"], parameters["value_rows"]) == (20, 400)
    by_name = {figure.name: figure for figure in figures}
    assert by_name["import 20 partners from XLSX"].target == 10
    assert by_name["report values: rows per second"].value > 0
    assert by_name["report values: import / reading only"].value > 1  # reading is the floor


@pytest.mark.django_db
def test_training_benchmarks_run_at_a_tiny_scale():
    figures, parameters = training.run(scale=0.0025, requests=3)
    assert (parameters["people"], parameters["courses"]) == (50, 10)
    assert parameters["nominations"] == 10 * 20
    by_name = {figure.name: figure for figure in figures}
    assert by_name["course page p95"].target == 100
    assert by_name["organization's training overview p95"].target == 100
    assert by_name["gaps of every organization (service)"].target == 1
    assert by_name["gaps page, every organization p95"].target == 1000
    assert by_name["gaps page, every organization p95"].verdict in ("meets", "misses")


def test_percentile_and_verdicts():
    assert harness.percentile([5, 1, 4, 2, 3], 0.5) == 3
    assert harness.percentile([1, 2, 3, 4, 100], 0.95) == 100
    assert harness.Figure("x", 9, "s", 10).verdict == "meets"
    assert harness.Figure("x", 11, "s", 10).verdict == "misses"
    assert harness.Figure("x", 11, "rows/s", 10, direction="min").verdict == "meets"
