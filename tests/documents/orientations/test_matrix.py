"""The issuer's matrix of recipients × tasks, its filters and its XLSX; a unit's "orientations
for us" and its tab; the covering letter; the groups of the distribution form."""

import io
import re
from datetime import date
from urllib.parse import parse_qs

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from simple_history.utils import bulk_create_with_history

from amity.documents import models
from amity.documents.distribution import organization_ids, recipient_groups
from amity.documents.orientation_drafts import draft
from amity.documents.orientations_matrix import matrix, matrix_page
from amity.geo.models import Country
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization
from amity.partners.models import Partner, RelationshipHolder
from tests.documents.orientations import builders as build
from tests.emulation.scoring_builders import cluster

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(orgs):
    """Ha Noi acknowledged and reported (done, in progress); Da Nang did neither."""
    orientation = build.orientation(orgs.central)
    first, second = build.task(orientation, 1), build.task(orientation, 2)
    hanoi = build.recipient(
        orientation, orgs.hanoi, acknowledged_on=date(2030, 1, 20), acknowledged_by="VP"
    )
    build.recipient(orientation, orgs.danang)
    build.report(hanoi, first, "done")
    build.report(hanoi, second, "in_progress")
    return orientation


def test_the_matrix_cells(orgs, reported):
    table = matrix(reported)
    assert [[str(row.recipient.organization), row.cells] for row in table.rows] == [
        [str(orgs.hanoi), ["done", "in_progress"]],
        [str(orgs.danang), ["", ""]],
    ]
    behind = matrix(reported, status="not_acknowledged")
    assert [row.recipient.organization for row in behind.rows] == [orgs.danang]
    assert matrix(reported, status="all_done").rows == []


def _big(orgs, recipients=200, tasks=50, index=9):
    """An orientation of `index` sent to `recipients` new unions, with `tasks` tasks; every
    second union (the first, the third…) has done every task, the others reported nothing."""
    orientation = build.orientation(orgs.central, index)
    made = bulk_create_with_history(
        [
            models.OrientationTask(orientation=orientation, order=i, title=f"T{i}")
            for i in range(tasks)
        ],
        models.OrientationTask,
    )
    units = Organization.objects.bulk_create(
        [
            Organization(
                name=f"Liên hiệp {index}-{i:03d}",
                kind=OrganizationKind.PROVINCIAL_UNION,
                parent=orgs.central,
                tree_path=f"{orgs.central.tree_path}x{index}-{i:03d}/",
            )
            for i in range(recipients)
        ]
    )
    rows = models.Recipient.objects.bulk_create(
        [models.Recipient(orientation=orientation, organization=unit) for unit in units]
    )
    models.TaskReport.objects.bulk_create(
        [
            models.TaskReport(recipient=row, task=task, progress="done")
            for row in rows[::2]
            for task in made
        ]
    )
    return orientation


def _names(page) -> list[str]:
    return [row.recipient.organization.name for row in page.context["matrix"].rows]


def _page_links(page) -> list[dict]:
    """The query of each link of the page's pagination."""
    nav = re.search(r'<nav aria-label="Pages of the list">.*?</nav>', page.content.decode(), re.S)
    assert nav is not None
    hrefs = re.findall(r'href="\?([^"]*)"', nav.group(0))
    return [parse_qs(href.replace("&amp;", "&")) for href in hrefs]


def test_200_recipients_by_50_tasks_in_three_queries(orgs):
    orientation = _big(orgs)
    with CaptureQueriesContext(connection) as queries:
        table = matrix(orientation)
    assert len(queries.captured_queries) == 3
    assert len(table.rows) == 200 and len(table.tasks) == 50
    assert sum(row.done for row in table.rows) == 100 * 50


def test_the_matrix_page_reads_a_fixed_number_of_queries(client, orgs, users, login):
    """The tab's queries: the tasks, the count, the page's recipients, their reports, the
    footer's counts; the same at 60 and at 200 recipients (bell query included)."""
    login(users.central)
    counts = []
    for index, recipients in ((8, 60), (9, 200)):
        orientation = _big(orgs, recipients, index=index)
        url = f"/documents/orientations/{orientation.pk}/"
        client.get(url, {"tab": "matrix"})  # the session and the caches warm
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url, {"tab": "matrix", "page": "2"})
        assert page.status_code == 200
        assert len(page.context["matrix"].rows) == (10 if recipients == 60 else 50)
        counts.append(len(queries.captured_queries))
    assert counts == [14, 14]


def test_the_matrix_service_reads_a_page_in_five_queries(orgs):
    orientation = _big(orgs, 200)
    with CaptureQueriesContext(connection) as queries:
        table = matrix_page(orientation, status="behind", page=2)
    assert len(queries.captured_queries) == 5
    assert table.count == 100 and table.page.number == 2 and len(table.rows) == 50
    assert [row.done for row in table.rows] == [0] * 50
    assert table.done_per_task == [0] * 50
    assert matrix_page(orientation).done_per_task == [100] * 50


def test_the_matrix_page_shows_50_rows_and_a_second_page_with_the_rest(client, orgs, users, login):
    orientation = _big(orgs, 60, tasks=3)
    every = sorted(
        models.Recipient.objects.filter(orientation=orientation).select_related("organization"),
        key=lambda row: row.organization.tree_path,
    )
    login(users.central)
    url = f"/documents/orientations/{orientation.pk}/"
    first = client.get(url, {"tab": "matrix"})
    assert _names(first) == [row.organization.name for row in every[:50]]
    assert first.content.decode().count('<tr><th scope="row" class="fw-normal">') == 50
    assert "60 recipients" in first.content.decode()
    assert [(link["tab"], link["page"]) for link in _page_links(first)] == [
        (["matrix"], ["2"]),  # the page 2
        (["matrix"], ["2"]),  # Next
    ]
    second = client.get(url, {"tab": "matrix", "page": "2"})
    assert _names(second) == [row.organization.name for row in every[50:]]
    assert [link["page"] for link in _page_links(second)] == [["1"], ["1"]]  # Previous, 1


def test_the_matrix_filters_with_pages(client, orgs, users, login):
    orientation = _big(orgs, 200, tasks=2)
    done_by_all = [
        row.organization.name
        for row in sorted(
            models.Recipient.objects.filter(orientation=orientation).select_related("organization"),
            key=lambda row: row.organization.tree_path,
        )
    ][::2]
    login(users.central)
    url = f"/documents/orientations/{orientation.pk}/"
    query = {"tab": "matrix", "status": "all_done", "group": "provincial-unions"}
    first = client.get(url, query)
    assert first.context["matrix"].count == 100
    assert _names(first) == done_by_all[:50]
    assert _page_links(first)[0] == {
        "tab": ["matrix"],
        "status": ["all_done"],
        "group": ["provincial-unions"],
        "page": ["2"],
    }
    second = client.get(url, {**query, "page": "2"})
    assert _names(second) == done_by_all[50:]
    behind = client.get(url, {"tab": "matrix", "status": "behind", "page": "2"})
    assert behind.context["matrix"].count == 100
    assert {row.done for row in behind.context["matrix"].rows} == {0}
    acknowledged = client.get(url, {"tab": "matrix", "status": "acknowledged"})
    assert acknowledged.context["matrix"].count == 0
    assert acknowledged.context["matrix"].page.number == 1


def test_the_footer_counts_every_filtered_recipient(client, orgs, users, login):
    """The footer's counts against counts made here from the data set, over every page."""
    orientation = build.orientation(orgs.central, 3)
    tasks = [build.task(orientation, order) for order in (1, 2, 3, 4)]
    units = Organization.objects.bulk_create(
        [
            Organization(
                name=f"Liên hiệp {i:03d}",
                kind=OrganizationKind.PROVINCIAL_UNION,
                parent=orgs.central,
                tree_path=f"{orgs.central.tree_path}f{i:03d}/",
            )
            for i in range(70)
        ]
    )
    rows = models.Recipient.objects.bulk_create(
        [
            models.Recipient(
                orientation=orientation,
                organization=unit,
                acknowledged_on=date(2030, 2, 1) if i % 4 else None,
            )
            for i, unit in enumerate(units)
        ]
    )
    progress = {}
    for i, row in enumerate(rows):
        for j, task in enumerate(tasks):
            value = ("done", "in_progress", "", "done")[(i * j + i) % 4] if i % 7 else "done"
            if value:
                progress[row.pk, task.pk] = value
    models.TaskReport.objects.bulk_create(
        [
            models.TaskReport(recipient_id=recipient, task_id=task, progress=value)
            for (recipient, task), value in progress.items()
        ]
    )
    gone = models.TaskReport.objects.filter(progress="done").order_by("pk").first()
    gone.delete()  # a deleted report is no report
    del progress[gone.recipient_id, gone.task_id]

    def done(row):
        return sum(progress.get((row.pk, task.pk)) == "done" for task in tasks)

    kept = {
        "": lambda row: True,
        "acknowledged": lambda row: row.acknowledged_on is not None,
        "not_acknowledged": lambda row: row.acknowledged_on is None,
        "all_done": lambda row: done(row) == len(tasks),
        "behind": lambda row: done(row) < len(tasks),
    }
    login(users.central)
    for status, keep in kept.items():
        chosen = [row for row in rows if keep(row)]
        expected = [
            sum(progress.get((row.pk, task.pk)) == "done" for row in chosen) for task in tasks
        ]
        page = client.get(
            f"/documents/orientations/{orientation.pk}/", {"tab": "matrix", "status": status}
        )
        table = page.context["matrix"]
        assert (status, table.count, table.done_per_task) == (status, len(chosen), expected)
        assert 0 < len(chosen) and len(table.rows) == min(50, len(chosen))
        footer = re.search(r'<tr id="matrix-done">(.*?)</tr>', page.content.decode()).group(1)
        shown = re.findall(r'<td class="text-center small">(\d+)</td>', footer)
        assert shown == [str(count) for count in expected]


@pytest.mark.parametrize(
    ("asked", "shown"),
    [("0", 2), ("-1", 2), ("99999", 2), ("abc", 1), ("", 1), ("2", 2), ("9" * 5000, 1)],
)
def test_a_bad_page_answers_a_page_as_the_lists_do(client, orgs, users, login, asked, shown):
    """Not a number: the first page; out of range: the last (as the core lists answer)."""
    orientation = _big(orgs, 60, tasks=2)
    login(users.central)
    page = client.get(
        f"/documents/orientations/{orientation.pk}/", {"tab": "matrix", "page": asked}
    )
    assert page.status_code == 200
    assert page.context["matrix"].page.number == shown
    assert len(page.context["matrix"].rows) == (50 if shown == 1 else 10)


def test_the_export_and_the_api_have_every_row(client, orgs, users, login, reported):
    login(users.central)
    export = client.get(
        f"/documents/orientations/{reported.pk}/matrix.xlsx", {"status": "acknowledged"}
    )
    sheet = load_workbook(io.BytesIO(export.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == [
        "Recipient",
        "Acknowledged on",
        "Acknowledged by",
        "1. Nhiệm vụ 1",
        "2. Nhiệm vụ 2",
    ]
    assert values[1][0] == str(orgs.hanoi)
    assert values[1][2:] == ["VP", "Done", "In progress"]
    assert len(values) == 2
    big = _big(orgs, 60, tasks=2)
    export = client.get(f"/documents/orientations/{big.pk}/matrix.xlsx", {"status": "behind"})
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet.max_row == 1 + 30
    export = client.get(f"/documents/orientations/{big.pk}/matrix.xlsx", {"page": "2"})
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet.max_row == 1 + 60
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [
        f"Liên hiệp 9-{i:03d}" for i in range(60)
    ]
    answer = client.get(f"/api/documents/orientations/{big.pk}/matrix/").json()
    assert answer["tasks"] == list(big.tasks.order_by("order").values_list("pk", flat=True))
    assert len(answer["rows"]) == 60
    assert answer["rows"][1] == {
        "organization": Organization.objects.get(name="Liên hiệp 9-001").pk,
        "name": "Liên hiệp 9-001",
        "acknowledged_on": None,
        "cells": ["", ""],
    }


def test_the_matrix_filter_by_group(client, orgs, users, login, reported):
    group = cluster(orgs.central, members=[orgs.danang], name="Cụm miền Trung")
    login(users.central)
    key = f"emulation-cluster-{group.pk}"
    page = client.get(f"/documents/orientations/{reported.pk}/", {"tab": "matrix", "group": key})
    assert [row.recipient.organization for row in page.context["matrix"].rows] == [orgs.danang]


def test_a_recipient_sees_only_its_own_row(client, orgs, users, login, reported):
    login(users.hanoi)
    page = client.get(f"/documents/orientations/{reported.pk}/", {"tab": "matrix"})
    table = page.context["matrix"]
    assert [row.recipient.organization for row in table.rows] == [orgs.hanoi]
    assert (table.count, table.done_per_task) == (1, [1, 0])  # its own, not Da Nang's
    for asked in ("2", "99999"):
        page = client.get(
            f"/documents/orientations/{reported.pk}/", {"tab": "matrix", "page": asked}
        )
        assert [row.recipient.organization for row in page.context["matrix"].rows] == [orgs.hanoi]


def test_orientations_for_us(client, orgs, users, login, reported):
    laos = Country.objects.get(code="LA")
    for_laos = build.orientation(orgs.central, 5, kind="country")
    for_laos.countries.set([laos])
    build.orientation(orgs.central, 6, kind="country").countries.set(
        [Country.objects.get(code="FR")]
    )
    asia = build.orientation(orgs.central, 7, kind="region", region="asia")
    partner = Partner.objects.create(kind="ngo", name="Lao Friends", country=laos)
    RelationshipHolder.objects.create(partner=partner, organization=orgs.danang)
    login(users.danang)
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/documents/orientations/for-us/")
    concerns = page.context["concerns"]
    assert {concern.orientation for concern in concerns} == {reported, for_laos, asia}
    sent = next(concern for concern in concerns if concern.orientation == reported)
    assert sent.owes_acknowledgement
    assert [task.order for task, _progress in sent.open_tasks] == [1, 2]
    assert next(c for c in concerns if c.orientation == asia).recipient is None
    login(users.hanoi)
    mine = client.get("/documents/orientations/for-us/").context["concerns"]
    assert [(c.orientation, c.owes_acknowledgement) for c in mine] == [(reported, False)]
    assert [task.order for task, progress in mine[0].open_tasks] == [2]  # the first is done
    tab = client.get(f"/organizations/organizations/{orgs.hanoi.pk}/", {"tab": "orientations"})
    assert [c.orientation for c in tab.context["concerns"]] == [reported]
    assert len(queries.captured_queries) < 20


def test_the_covering_letter(orgs, reported):
    letter = draft(reported)
    assert letter.kind == "official_letter"
    assert letter.issuer == orgs.central
    assert letter.subject == f"Re: implementing the {reported.title}"
    assert letter.paragraphs[1:] == [
        "1. Nhiệm vụ 1 (due on 30/06/2030)",
        "2. Nhiệm vụ 2 (due on 30/06/2030)",
    ]
    assert letter.recipients == [str(orgs.hanoi), str(orgs.danang), "Filed"]
    assert letter.on == reported.issued_on


def test_the_groups(orgs):
    group = cluster(orgs.central, members=[orgs.hanoi, orgs.danang], name="Cụm")
    keys = [item.key for item in recipient_groups()]
    assert keys[:2] == ["provincial-unions", "central-associations"]
    assert f"emulation-cluster-{group.pk}" in keys
    assert organization_ids(["provincial-unions"]) == {orgs.hanoi.pk, orgs.danang.pk}
    assert organization_ids([f"emulation-cluster-{group.pk}", "nonsense"]) == {
        orgs.hanoi.pk,
        orgs.danang.pk,
    }
    partner = Partner.objects.create(
        kind="ngo", name="Lao Friends", country=Country.objects.get(code="LA")
    )
    RelationshipHolder.objects.create(partner=partner, organization=orgs.hanoi_member)
    assert organization_ids(["associations-asia"]) == {orgs.hanoi_member.pk}
    assert organization_ids(["associations-europe"]) == set()


def test_without_tasks_every_recipient_has_done_all_and_none_is_behind(orgs):
    orientation = build.orientation(orgs.central, 7)
    build.recipient(orientation, orgs.hanoi)
    build.recipient(orientation, orgs.danang)
    everyone = {orgs.hanoi, orgs.danang}
    assert {row.recipient.organization for row in matrix(orientation).rows} == everyone
    done = matrix(orientation, status="all_done")
    assert {row.recipient.organization for row in done.rows} == everyone
    assert matrix(orientation, status="behind").rows == []
    assert matrix_page(orientation, status="behind").count == 0


def test_a_recipient_is_behind_until_its_last_task_is_done(orgs, reported):
    """Reports of another orientation's tasks, or deleted, do not count toward this one's."""
    first, second = reported.tasks.order_by("order")
    hanoi = reported.recipients.get(organization=orgs.hanoi)
    other = build.orientation(orgs.central, 8)
    elsewhere = build.recipient(other, orgs.hanoi)
    build.report(elsewhere, build.task(other, 1), "done")
    behind = {row.recipient.organization for row in matrix(reported, status="behind").rows}
    assert behind == {orgs.hanoi, orgs.danang}
    report = models.TaskReport.objects.get(recipient=hanoi, task=second)
    report.progress = "done"
    report.save()
    assert [row.recipient.organization for row in matrix(reported, status="all_done").rows] == [
        orgs.hanoi
    ]
    report.delete()
    assert matrix(reported, status="all_done").rows == []
