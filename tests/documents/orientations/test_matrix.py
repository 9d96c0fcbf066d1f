"""The issuer's matrix of recipients × tasks, its filters and its XLSX; a unit's "orientations
for us" and its tab; the covering letter; the groups of the distribution form."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from simple_history.utils import bulk_create_with_history

from amity.documents import models
from amity.documents.distribution import organization_ids, recipient_groups
from amity.documents.orientation_drafts import draft
from amity.documents.orientations_matrix import matrix
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


def _big(orgs, recipients=200, tasks=50):
    orientation = build.orientation(orgs.central, 9)
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
                name=f"Liên hiệp {i}",
                kind=OrganizationKind.PROVINCIAL_UNION,
                parent=orgs.central,
                tree_path=f"{orgs.central.tree_path}x{i}/",
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


def test_200_recipients_by_50_tasks_in_three_queries(orgs):
    orientation = _big(orgs)
    with CaptureQueriesContext(connection) as queries:
        table = matrix(orientation)
    assert len(queries.captured_queries) == 3
    assert len(table.rows) == 200 and len(table.tasks) == 50
    assert sum(row.done for row in table.rows) == 100 * 50


def test_the_matrix_page_and_its_export_do_not_grow_with_rows(
    client, orgs, users, login, reported, django_assert_max_num_queries
):
    login(users.central)
    url = f"/documents/orientations/{reported.pk}/"
    with CaptureQueriesContext(connection) as small:
        assert client.get(url, {"tab": "matrix"}).status_code == 200
    big = _big(orgs)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(f"/documents/orientations/{big.pk}/", {"tab": "matrix"})
    assert len(page.context["matrix"].rows) == 200
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


def test_the_matrix_filter_by_group(client, orgs, users, login, reported):
    group = cluster(orgs.central, members=[orgs.danang], name="Cụm miền Trung")
    login(users.central)
    key = f"emulation-cluster-{group.pk}"
    page = client.get(f"/documents/orientations/{reported.pk}/", {"tab": "matrix", "group": key})
    assert [row.recipient.organization for row in page.context["matrix"].rows] == [orgs.danang]


def test_a_recipient_sees_only_its_own_row(client, orgs, users, login, reported):
    login(users.hanoi)
    page = client.get(f"/documents/orientations/{reported.pk}/", {"tab": "matrix"})
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
