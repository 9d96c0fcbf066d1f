"""Every list reads like a spreadsheet: one link per row, codes that do not wrap, key columns
on a phone, a filter panel that folds away and the columns a user chose, kept per user."""

import re

import pytest
from django.urls import reverse

from amity.core.models import TablePreference
from amity.partners.models import Partner, RelationshipHolder

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(orgs):
    for name, acronym in (("Friends of Viet Nam", "FVN"), ("Amis du Viet Nam", "AVN")):
        partner = Partner.objects.create(kind="ngo", name=name, acronym=acronym)
        RelationshipHolder.objects.create(partner=partner, organization=orgs.hanoi)


def rows(html):
    return re.findall(r"<tr[^>]*>(.*?)</tr>", html.split("<tbody", 1)[1], re.S)


def header_cells(html):
    thead = re.search(r"<thead.*?</thead>", html, re.S).group(0)
    return re.findall(r"<th\b([^>]*)>\s*(?:<a[^>]*>)?([^<]*)", thead)


def test_each_row_has_one_link_on_the_name(client, users, orgs):
    # An organization's row linked its name and its parent: now only its name.
    client.force_login(users.central)
    html = client.get(reverse("organizations:organization_list")).content.decode()
    for row in rows(html):
        assert len(re.findall(r"<a ", row)) == 1, row
    hanoi_row = next(row for row in rows(html) if orgs.hanoi.name in row)
    assert f'<a href="{orgs.hanoi.get_absolute_url()}">' in hanoi_row
    assert f'href="{orgs.central.get_absolute_url()}"' not in hanoi_row  # the parent is text


def test_a_table_may_name_a_link_column_declared_without_linkify():
    from amity.aid.tables import ActivityTable

    table = ActivityTable([])
    assert table.link_column == "title"
    linked = [column.name for column in table.columns if column.link is not None]
    assert linked == ["title"]


def test_codes_and_dates_do_not_wrap_and_a_phone_shows_the_key_columns(client, users, partners):
    client.force_login(users.hanoi)
    html = client.get(reverse("partners:partner_list")).content.decode()
    classes = {label.strip(): attrs for attrs, label in header_cells(html)}
    assert "d-none" not in classes["Tên"] and "d-none" not in classes["Tên viết tắt"]
    assert 'class="d-md-table-cell d-none orderable"' in classes["Loại"]
    assert "text-nowrap" in classes["Tên viết tắt"]  # a code
    assert "text-nowrap" in classes["Lần liên hệ gần nhất"]  # a date
    assert "text-nowrap" not in classes["Tên"]
    first = rows(html)[0]
    cells = re.findall(r"<td([^>]*)>", first)
    assert cells[1] == ' class="text-nowrap"' and "d-md-table-cell d-none" in cells[2]


def test_the_filter_panel_folds_away_and_counts_its_active_filters(client, users, partners):
    client.force_login(users.hanoi)
    html = client.get(reverse("partners:partner_list"), {"q": "viet", "kind": "ngo"}).content
    html = html.decode()
    assert (
        '<button type="button" class="btn btn-outline-secondary btn-sm" data-filters-toggle '
        'aria-controls="list-filters" aria-expanded="true">' in html
    )
    assert '<aside class="col-12 col-lg-3 order-lg-2 list-filters" id="list-filters"' in html
    assert 'Bộ lọc <span class="badge text-bg-primary">2</span>' in html


def test_the_columns_a_user_hides_stay_hidden_for_that_user_only(client, users, partners):
    url = reverse("partners:partner_list")
    chooser = reverse("core:table_columns", args=["partners"])
    client.force_login(users.hanoi)
    shown = ["acronym", "kind", "country", "status"]  # not strength, last contact, sensitivity
    response = client.post(chooser, {"column": shown, "next": f"{url}?q=viet"})
    assert response.status_code == 302 and response.url == f"{url}?q=viet"
    preference = TablePreference.objects.get(user=users.hanoi, table="partners")
    assert preference.hidden_columns == ["last_contact_on", "sensitivity", "strength"]

    html = client.get(url).content.decode()
    headers = [label.strip() for _attrs, label in header_cells(html)]
    assert headers == ["Tên", "Tên viết tắt", "Loại", "Quốc gia đặt trụ sở", "Trạng thái"]
    assert 'value="strength" id="column-strength">' in html  # offered again, unticked
    assert 'value="kind" id="column-kind" checked>' in html
    assert len(re.findall(r"<td", rows(html)[0])) == 5

    client.force_login(users.danang)  # another user's list keeps every column
    headers = [label for _attrs, label in header_cells(client.get(url).content.decode())]
    assert len(headers) == 8

    client.force_login(users.hanoi)
    client.post(chooser, {"reset": "1", "column": shown})
    assert not TablePreference.objects.filter(user=users.hanoi).exists()


def test_the_column_chooser_refuses_what_is_not_a_choice(client, users, partners):
    chooser = reverse("core:table_columns", args=["partners"])
    client.force_login(users.hanoi)
    assert client.get(chooser).status_code == 405
    assert client.post(reverse("core:table_columns", args=["nothing"])).status_code == 404
    # Unknown names are ignored; the name column cannot be hidden; a foreign `next` is not
    # followed.
    response = client.post(
        chooser, {"column": ["acronym", "bogus"], "next": "https://evil.example/"}
    )
    assert response.url == reverse("partners:partner_list")
    hidden = TablePreference.objects.get(user=users.hanoi).hidden_columns
    assert hidden == ["country", "kind", "last_contact_on", "sensitivity", "status", "strength"]
    client.logout()
    assert client.post(chooser, {"column": ["acronym"]}).status_code == 302  # to the log-in
    assert TablePreference.objects.count() == 1


def test_the_list_reads_the_preference_in_one_query_whatever_it_holds(
    client, users, partners, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(users.hanoi)
    url = reverse("partners:partner_list")
    client.get(url)
    with CaptureQueriesContext(connection) as without:
        client.get(url)
    TablePreference.objects.create(user=users.hanoi, table="partners", hidden_columns=["kind"])
    with CaptureQueriesContext(connection) as with_preference:
        client.get(url)
    assert len(with_preference.captured_queries) == len(without.captured_queries)
