"""Importing an old export never puts back silently what was changed since: a row that changes a
record carries the version it was exported with, and a record changed since is refused, named,
unless the user asks to overwrite newer changes (the page's box, the command's --overwrite)."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation
from tablib import Dataset

from amity.core.imports import import_dataset
from amity.core.models import Job
from amity.partners.imports import PartnerResource
from amity.partners.models import Partner

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def partner(users):
    """A partner held by Ha Noi, as its import makes one."""
    dataset = Dataset(headers=["kind", "name", "country", "sensitivity"])
    dataset.append(["ngo", "Mekong Fund", "FR", "internal"])
    assert import_dataset(PartnerResource, dataset, users.hanoi, dry_run=False)["errors"] == []
    return Partner.objects.get()


def exported(client) -> bytes:
    response = client.get(reverse("partners:partner_list"), {"export": "csv"})
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def rows_of(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def with_name(content: bytes, name: str) -> bytes:
    rows = rows_of(content)
    rows[0]["name"] = name
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def changed_since(partner, name="Mekong Fund (renamed)"):
    partner.refresh_from_db()
    partner.name = name
    partner.save()
    return partner


def upload(client, content, **extra):
    data = {"file": SimpleUploadedFile("partners.csv", content), **extra}
    return client.post(reverse("partners:partner_import"), data)


def test_an_export_carries_each_records_version(client, english, users, login, partner):
    login(users.hanoi)
    changed_since(partner)
    assert [(row["id"], row["version"]) for row in rows_of(exported(client))] == [
        (str(partner.pk), "2")
    ]


def test_reimporting_an_old_export_over_a_newer_change_is_refused_and_named(
    client, english, users, login, partner
):
    login(users.hanoi)
    old_file = with_name(exported(client), "Mekong Fund (old file)")
    changed_since(partner)
    response = upload(client, old_file)
    job = response.context["job"]
    assert job.status == Job.Status.INVALID
    assert job.summary["errors"] == [
        {
            "line": 2,
            "errors": [
                "version: “Mekong Fund (renamed)” changed since the file was exported: version 1 "
                "in "
                "the file, 2 now. Export it again, or choose to overwrite newer changes."
            ],
        }
    ]
    partner.refresh_from_db()
    assert (partner.name, partner.version) == ("Mekong Fund (renamed)", 2)


def test_with_overwrite_the_old_export_is_written(client, english, users, login, partner):
    login(users.hanoi)
    old_file = with_name(exported(client), "Mekong Fund (old file)")
    changed_since(partner)
    job = upload(client, old_file, overwrite="1").context["job"]
    assert job.status == Job.Status.CHECKED, job.summary
    client.post(reverse("partners:partner_import"), {"confirm": job.pk})
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.summary
    partner.refresh_from_db()
    assert (partner.name, partner.version) == ("Mekong Fund (old file)", 3)


def test_a_current_export_updates_without_overwrite(client, english, users, login, partner):
    login(users.hanoi)
    job = upload(client, with_name(exported(client), "Mekong Fund II")).context["job"]
    assert job.status == Job.Status.CHECKED, job.summary
    client.post(reverse("partners:partner_import"), {"confirm": job.pk})
    partner.refresh_from_db()
    assert (partner.name, partner.version) == ("Mekong Fund II", 2)


def test_a_row_naming_a_record_by_id_without_its_version_is_refused(users, partner):
    dataset = Dataset(headers=["id", "kind", "name", "country", "sensitivity"])
    dataset.append([partner.pk, "ngo", "Mekong Fund (no version)", "FR", "internal"])
    summary = import_dataset(PartnerResource, dataset, users.hanoi, dry_run=False)
    assert summary["errors"] == [
        {
            "line": 2,
            "errors": [
                "version: “Mekong Fund” exists and this row gives no version: import a file "
                "exported "
                "with its version column, or choose to overwrite newer changes."
            ],
        }
    ]
    partner.refresh_from_db()
    assert (partner.name, partner.version) == ("Mekong Fund", 1)
    summary = import_dataset(PartnerResource, dataset, users.hanoi, dry_run=False, overwrite=True)
    assert summary["errors"] == []
    partner.refresh_from_db()
    assert (partner.name, partner.version) == ("Mekong Fund (no version)", 2)


def test_new_rows_need_no_version(users, partner):
    dataset = Dataset(headers=["kind", "name", "country", "sensitivity"])
    dataset.append(["ngo", "Red River Fund", "FR", "internal"])
    summary = import_dataset(PartnerResource, dataset, users.hanoi, dry_run=False)
    assert (summary["errors"], summary["new"]) == ([], 1)


def test_the_command_line_refuses_an_old_export_unless_told_to_overwrite(
    client, english, users, login, partner, tmp_path
):
    login(users.hanoi)
    path = tmp_path / "partners.csv"
    path.write_bytes(with_name(exported(client), "Mekong Fund (old file)"))
    changed_since(partner)
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 row\\(s\\) with errors"):
        call_command("import", "partners", str(path), "--user", "hanoi", stderr=errors)
    assert errors.getvalue().startswith(
        "line 2: version: “Mekong Fund (renamed)” changed since the file was exported: "
        "version 1 in the file, 2 now."
    )
    partner.refresh_from_db()
    assert (partner.name, partner.version) == ("Mekong Fund (renamed)", 2)
    call_command(
        "import", "partners", str(path), "--user", "hanoi", "--overwrite", stdout=io.StringIO()
    )
    partner.refresh_from_db()
    assert (partner.name, partner.version) == ("Mekong Fund (old file)", 3)
