"""A sent report changes only through its workflow (issue 16, fault 3): no generic edit, delete,
API write or import touches it, and what identifies a draft (organization, period, version)
never changes once it is made. One rule, the writer's, serves every channel."""

import pytest
from django.urls import reverse
from tablib import Dataset

from amity.core.imports import import_dataset
from amity.reporting import imports
from amity.reporting.choices import SubmissionState
from amity.reporting.models import Submission, Value
from tests.reporting.factories import period, submission

pytestmark = pytest.mark.django_db

API = "/api/reporting/submissions"
SENT = (SubmissionState.SUBMITTED, SubmissionState.APPROVED)


def stored(sub):
    """What identifies `sub` and may change by an edit, as stored, and whether it is deleted."""
    sub = Submission.all_objects.get(pk=sub.pk)
    return (
        sub.organization_id,
        sub.period_id,
        sub.form_version_id,
        sub.notes,
        sub.version,
        sub.deleted_at,
    )


@pytest.mark.parametrize("state", SENT)
def test_a_sent_report_shows_no_edit_nor_delete_and_its_pages_refuse(
    state, client, report, orgs, users
):
    sub = submission(orgs.hanoi, report.version, report.h1, state=state)
    before = stored(sub)
    client.force_login(users.hanoi)
    detail = client.get(sub.get_absolute_url()).content.decode()
    assert reverse("reporting:submission_edit", args=[sub.pk]) not in detail
    assert reverse("reporting:submission_delete", args=[sub.pk]) not in detail
    for name in ("submission_edit", "submission_delete"):
        url = reverse(f"reporting:{name}", args=[sub.pk])
        page = client.get(url)
        assert page.status_code == 403
        assert "it can no longer be edited or deleted" in page.content.decode()
        posted = client.post(url, {"notes": "sửa", "version": sub.version})
        assert posted.status_code == 403
    assert stored(sub) == before


@pytest.mark.parametrize("state", SENT)
def test_the_api_refuses_to_change_or_delete_a_sent_report(state, client, report, orgs, users):
    sub = submission(orgs.hanoi, report.version, report.h1, state=state)
    before = stored(sub)
    client.force_login(users.hanoi)
    patched = client.patch(
        f"{API}/{sub.pk}/",
        {"notes": "sửa", "version": sub.version},
        content_type="application/json",
    )
    assert patched.status_code == 403
    assert "it can no longer be edited or deleted" in patched.json()["detail"]
    assert client.delete(f"{API}/{sub.pk}/").status_code == 403
    assert stored(sub) == before


def test_an_import_refuses_a_row_of_a_sent_report(report, orgs, users):
    sub = submission(orgs.hanoi, report.version, report.h1, state=SubmissionState.SUBMITTED)
    before = stored(sub)
    dataset = Dataset(headers=["id", "organization", "form_version", "period", "notes", "version"])
    dataset.append([sub.pk, orgs.hanoi.pk, report.version.pk, report.h1.pk, "sửa", sub.version])
    summary = import_dataset(imports.SubmissionResource, dataset, users.hanoi, dry_run=False)
    assert len(summary["errors"]) == 1
    assert "it can no longer be edited" in str(summary["errors"][0])
    assert stored(sub) == before


def test_a_value_of_a_sent_report_cannot_be_edited_by_the_api(client, report, orgs, users):
    sub = submission(
        orgs.hanoi,
        report.version,
        report.h1,
        state=SubmissionState.SUBMITTED,
        values={report.items.delegations_in: 3},
    )
    value = Value.objects.get(submission=sub)
    client.force_login(users.hanoi)
    response = client.patch(
        f"/api/reporting/values/{value.pk}/",
        {"number": "9", "version": value.version},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert client.get(reverse("reporting:value_edit", args=[value.pk])).status_code == 403
    value.refresh_from_db()
    assert value.number == 3


def test_a_draft_keeps_what_identifies_it_on_the_page(client, report, orgs, users):
    sub = submission(orgs.hanoi, report.version, report.h1)
    other = period(report.form, 2025, 2)
    client.force_login(users.hanoi)
    url = reverse("reporting:submission_edit", args=[sub.pk])
    response = client.post(
        url,
        {
            "organization": orgs.hanoi_member.pk,
            "period": other.pk,
            "form_version": report.version.pk,
            "notes": "ghi chú",
            "version": sub.version,
        },
    )
    assert response.status_code == 302
    sub.refresh_from_db()
    assert (sub.organization, sub.period, sub.notes) == (orgs.hanoi, report.h1, "ghi chú")


def test_the_api_refuses_to_move_a_draft_to_another_period(client, report, orgs, users):
    sub = submission(orgs.hanoi, report.version, report.h1)
    other = period(report.form, 2025, 2)
    before = stored(sub)
    client.force_login(users.hanoi)
    response = client.patch(
        f"{API}/{sub.pk}/",
        {"period": other.pk, "organization": orgs.hanoi_member.pk, "version": sub.version},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"period", "organization"}
    assert stored(sub) == before
    notes = client.patch(
        f"{API}/{sub.pk}/",
        {"notes": "ghi chú", "version": sub.version},
        content_type="application/json",
    )
    assert notes.status_code == 200
    sub.refresh_from_db()
    assert (sub.period, sub.notes) == (report.h1, "ghi chú")


def test_an_import_refuses_to_move_a_draft(report, orgs, users):
    sub = submission(orgs.hanoi, report.version, report.h1)
    other = period(report.form, 2025, 2)
    before = stored(sub)
    dataset = Dataset(headers=["id", "organization", "form_version", "period", "notes", "version"])
    dataset.append([sub.pk, orgs.hanoi.pk, report.version.pk, other.pk, "", sub.version])
    summary = import_dataset(imports.SubmissionResource, dataset, users.hanoi, dry_run=False)
    assert len(summary["errors"]) == 1
    assert stored(sub) == before


def test_the_workflow_still_moves_a_sent_report(client, report, orgs, users):
    """The refusal is of edits: the reviewer still returns a submitted report."""
    sub = submission(orgs.hanoi, report.version, report.h1, state=SubmissionState.SUBMITTED)
    client.force_login(users.central)
    response = client.post(
        f"{API}/{sub.pk}/return/", {"comment": "Thiếu số liệu"}, content_type="application/json"
    )
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.state == SubmissionState.RETURNED
