"""The page of the year in one picture: who may ask for what, odd input, the XLSX files."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db

URL = reverse("overview:dashboard")


def test_an_anonymous_visitor_is_sent_to_the_log_in_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ["admin", "central", "viewer"])
def test_the_centre_sees_the_network_and_may_choose_any_union(
    client, orgs, users, login, english, year_records, role
):
    login(getattr(users, role))
    response = client.get(URL, {"year": 2025})
    assert response.status_code == 200
    page = response.content.decode()
    assert "The whole network · 2025" in page
    offered = {choice.pk for choice in response.context["form"].fields["organization"].queryset}
    assert offered == {orgs.hanoi.pk, orgs.danang.pk, year_records.haiphong.pk}
    assert response.context["data"].organization is None
    assert 'id="chart-provinces"' in page and 'id="table-provinces"' in page


def test_a_unit_officer_sees_their_union_and_no_other(client, orgs, users, login, year_records):
    login(users.hanoi)
    response = client.get(URL, {"year": 2025})
    assert response.status_code == 200
    assert response.context["data"].organization == orgs.hanoi
    offered = list(response.context["form"].fields["organization"].queryset)
    assert offered == [orgs.hanoi]
    assert response.context["form"].fields["organization"].empty_label is None


@pytest.mark.parametrize("value", ["danang", "central", "999999", "abc", "1e3", "٣", "9" * 40])
def test_another_organization_answers_404_not_its_figures(
    client, orgs, users, login, year_records, value
):
    login(users.hanoi)
    ids = {"danang": orgs.danang.pk, "central": orgs.central.pk}
    asked = ids.get(value, value)
    for url in (URL, reverse("overview:review")):
        response = client.get(url, {"year": 2025, "organization": asked})
        assert response.status_code == 404
    response = client.get(URL, {"year": 2025, "organization": asked, "export": "xlsx"})
    assert response.status_code == 404


@pytest.mark.parametrize("year", ["0", "99999", "abc", "-5", "2025.5", "20 25", "1" * 400])
def test_an_odd_year_is_refused_with_a_message(client, users, login, english, year):
    login(users.central)
    for url in (URL, reverse("overview:review")):
        response = client.get(url, {"year": year})
        assert response.status_code == 400
        assert response.context["form"].errors["year"]
        assert "data" not in response.context


def test_the_workbook_holds_the_figures_and_every_table(
    client, users, login, english, year_records
):
    login(users.central)
    response = client.get(URL, {"year": 2025, "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Figures",
        "Partners by world region",
        "Aid disbursed by province (USD)",
        "Aid by donor's world region",
        "Aid disbursed by sector group (",
        "Events and delegations",
    ]
    rows = list(book["Figures"].values)
    assert rows[0] == ("Figure", "2025", "2024", "Change (%)", "Cluster average")
    assert rows[5] == ("Aid disbursed (USD)", 650.0, 100.0, 550.0, None)
    assert rows[8] == ("Events", 3, 1, 200.0, None)
    events = list(book["Events and delegations"].values)
    assert events == [
        ("Kind", "2025", "2024"),
        ("Conferences", 2, 0),
        ("Delegations received", 1, 1),
        ("Delegations sent", 0, 0),
        ("Other events", 0, 0),
    ]


def test_one_tables_workbook_and_an_unknown_table(client, users, login, english, year_records):
    login(users.hanoi)
    response = client.get(URL, {"year": 2025, "export": "xlsx", "table": "provinces"})
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Aid disbursed by province (USD)"]
    assert list(book.active.values) == [
        ("Code", "Province", "Committed (USD)", "Disbursed (USD)"),
        ("01", "Ha Noi", 1000, 400),
    ]
    response = client.get(URL, {"year": 2025, "export": "xlsx", "table": "nothing"})
    assert response.status_code == 404


def test_the_union_page_shows_the_cluster_average(
    client, orgs, users, login, english, year_records
):
    login(users.hanoi)
    page = client.get(URL, {"year": 2025}).content.decode()
    assert "the emulation cluster “Cụm các thành phố” (3 members)" in page
    assert 'id="figure-events"' in page
    assert page.count("Cluster average") == 16
