"""One set of checks for every way a file comes in: the import page, a background task and the
command line (`amity import KIND FILE`, `amity import iati FILE`) refuse the same files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation

from amity.core.models import Job
from amity.partners.models import Partner
from tests.core.test_hostile_files import incompressible, padded_workbook

pytestmark = pytest.mark.django_db

HEADER = "kind,name,country,sensitivity\n"


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def partners_csv(count: int) -> bytes:
    lines = [f"ngo,Partner số {number},FR,internal\n" for number in range(count)]
    return (HEADER + "".join(lines)).encode()


def import_command(path, *options):
    return call_command("import", "partners", str(path), *options)


def test_the_command_line_refuses_a_file_over_the_web_size_limit(settings, tmp_path, users):
    settings.IMPORT_MAX_BYTES = 64 * 1024
    path = tmp_path / "partners.csv"
    path.write_bytes(partners_csv(3000))
    assert path.stat().st_size > settings.IMPORT_MAX_BYTES
    with pytest.raises(CommandError, match="larger than 0.0625 MB"):
        import_command(path)
    assert Partner.objects.count() == 0
    # deliberately raised, the same file goes in
    import_command(path, "--max-size", "1")
    assert Partner.objects.count() == 3000


def test_the_command_line_refuses_nul_characters(tmp_path, users):
    path = tmp_path / "partners.csv"
    path.write_bytes(HEADER.encode() + b"ngo,Mek\x00ong,FR,internal\n")
    with pytest.raises(CommandError, match="NUL characters"):
        import_command(path)
    assert Partner.objects.count() == 0


def test_the_command_line_refuses_a_padded_workbook(tmp_path, users):
    path = tmp_path / "partners.xlsx"
    path.write_bytes(padded_workbook(incompressible(25 * 1024 * 1024)))
    with pytest.raises(CommandError, match="markup that no spreadsheet program writes"):
        import_command(path)
    assert Partner.objects.count() == 0


def test_the_iati_import_applies_the_same_size_limit(settings, tmp_path, users):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    path = tmp_path / "activities.xml"
    path.write_bytes(b'<iati-activities version="2.03">' + b" " * 2**21 + b"</iati-activities>")
    with pytest.raises(CommandError, match="larger than 1 MB"):
        call_command("import", "iati", str(path))


def test_the_iati_import_refuses_more_activities_than_the_row_limit(settings, tmp_path, users):
    settings.IMPORT_MAX_ROWS = 2
    path = tmp_path / "activities.xml"
    path.write_bytes(
        b'<iati-activities version="2.03">' + b"<iati-activity/>" * 3 + b"</iati-activities>"
    )
    with pytest.raises(CommandError, match="more than 2 activities"):
        call_command("import", "iati", str(path))


def test_the_import_page_refuses_a_padded_workbook_writing_nothing(client, english, users, login):
    login(users.hanoi)
    content = padded_workbook(incompressible(25 * 1024 * 1024))
    upload = SimpleUploadedFile("partners.xlsx", content)
    response = client.post(reverse("partners:partner_import"), {"file": upload})
    # large unpacked: the page answers at once, and the task reading it refuses it
    job = Job.objects.get()
    assert response["Location"] == reverse("core:job", args=[job.pk])
    assert job.status == Job.Status.INVALID
    assert job.summary["errors"] == [
        {"line": 0, "errors": ["This workbook holds markup that no spreadsheet program writes."]}
    ]
    assert Partner.objects.count() == 0


def test_the_import_page_refuses_an_oversized_file_at_once(client, english, settings, users, login):
    settings.IMPORT_MAX_BYTES = 64 * 1024
    settings.IMPORT_INLINE_BYTES = 1024
    login(users.hanoi)
    upload = SimpleUploadedFile("partners.csv", partners_csv(3000))
    response = client.post(reverse("partners:partner_import"), {"file": upload})
    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert error.startswith("The file is larger than")
    assert Job.objects.count() == 0
    assert Partner.objects.count() == 0


def test_a_large_file_is_checked_in_a_background_task_then_confirmed(
    client, english, settings, users, login
):
    settings.IMPORT_INLINE_BYTES = 100
    login(users.hanoi)
    upload = SimpleUploadedFile("partners.csv", partners_csv(5))
    response = client.post(reverse("partners:partner_import"), {"file": upload})
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("core:job", args=[job.pk])
    # the task ran at once here (the immediate backend); the page shows the check and a button
    assert job.status == Job.Status.CHECKED, job.summary
    assert (job.total_rows, job.summary["new"], job.summary["errors"]) == (5, 5, [])
    page = client.get(response["Location"]).content.decode()
    assert 'name="confirm"' in page
    assert Partner.objects.count() == 0
    client.post(reverse("partners:partner_import"), {"confirm": job.pk})
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert Partner.objects.count() == 5


def test_a_large_file_refused_by_its_background_check_writes_nothing(
    client, english, settings, users, login
):
    settings.IMPORT_INLINE_BYTES = 100
    settings.IMPORT_MAX_ROWS = 3
    login(users.hanoi)
    upload = SimpleUploadedFile("partners.csv", partners_csv(5))
    client.post(reverse("partners:partner_import"), {"file": upload})
    job = Job.objects.get()
    assert job.status == Job.Status.INVALID
    assert job.summary["errors"] == [
        {"line": 0, "errors": ["The file has more than 3 rows; split it into smaller files."]}
    ]
    assert Partner.objects.count() == 0
