"""What every page shares: health, language, security headers, exports, imports, errors."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from amity.core.exports import neutralise
from amity.core.models import Job
from amity.organizations.models import Organization, Person

pytestmark = pytest.mark.django_db


def test_healthz_reports_its_checks(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "tasks": "ok", "tasks_backend": "ImmediateBackend"},
    }


def test_vietnamese_is_the_default_whatever_the_browser_says(client, users, login):
    login(users.hanoi)
    response = client.get(reverse("organizations:tree"), HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert response["Content-Language"] == "vi"


def test_language_choice_sticks_to_the_session(client, users, login):
    login(users.hanoi)
    assert client.get("/organizations/?lang=en")["Content-Language"] == "en"
    assert client.get("/organizations/people/")["Content-Language"] == "en"
    assert client.get("/organizations/?lang=vi")["Content-Language"] == "vi"
    assert client.get("/organizations/people/")["Content-Language"] == "vi"


def test_unknown_language_falls_back_to_vietnamese(client, users, login):
    login(users.hanoi)
    assert client.get("/organizations/?lang=xx")["Content-Language"] == "vi"


def test_security_headers(client):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Hà Nội", "Hà Nội"),
        (-5, -5),
        (None, None),
    ],
)
def test_formula_cells_are_neutralised(value, expected):
    assert neutralise(value) == expected


def test_export_neutralises_formulas_in_xlsx(client, orgs, users, login):
    Person.objects.create(full_name="=cmd|' /C calc'!A0", organization=orgs.hanoi)
    login(users.hanoi)
    response = client.get(reverse("organizations:person_list"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["'=cmd|' /C calc'!A0"]


def test_export_honours_the_filters(client, orgs, users, login):
    Person.objects.create(full_name="Nguyễn An", organization=orgs.hanoi)
    Person.objects.create(full_name="Trần Bình", organization=orgs.hanoi)
    login(users.hanoi)
    response = client.get(reverse("organizations:person_list"), {"export": "csv", "q": "Bình"})
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 2
    assert "Trần Bình" in lines[1]


def _post_import(client, name, content):
    upload = SimpleUploadedFile(name, content)
    return client.post(reverse("organizations:person_import"), {"file": upload})


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("people.xlsx", b"this is not a workbook", "not an Excel workbook"),
        ("people.xlsx", b"PK\x03\x04broken zip", "cannot be read"),
        ("people.csv", "họ tên".encode("utf-16"), "not in UTF-8"),
        ("people.exe", b"MZ", ".xlsx or .csv"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(
    client, users, login, english, name, content, message
):
    login(users.hanoi)
    response = _post_import(client, name, content)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert message in errors
    assert Job.objects.count() == 0


def test_xlsx_import_creates_rows_with_history(client, orgs, users, login):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "full_name", "organization", "gender", "is_full_time", "external_ref"])
    sheet.append(["", "Vũ Thị Lan", orgs.hanoi.pk, "female", "1", "hn-001"])
    sheet.append(["", "Đỗ Văn Nam", orgs.hanoi_member.pk, "male", "0", "hn-002"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    login(users.hanoi)
    checked = _post_import(client, "people.xlsx", buffer.getvalue())
    job = checked.context["job"]
    assert (job.status, job.total_rows, job.summary["new"]) == ("checked", 2, 2)
    assert Person.objects.count() == 0  # the check wrote nothing
    client.post(reverse("organizations:person_import"), {"confirm": job.pk})
    people = {p.external_ref: p for p in Person.objects.all()}
    assert set(people) == {"hn-001", "hn-002"}
    assert people["hn-001"].full_name == "Vũ Thị Lan"
    assert people["hn-002"].organization == orgs.hanoi_member
    assert people["hn-001"].history.get().history_user == users.hanoi
    progress = client.get(reverse("core:job", args=[job.pk]))
    assert progress.context["job"].percent == 100


def test_reimport_by_external_ref_updates_instead_of_duplicating(client, orgs, users, login):
    Person.objects.create(full_name="Cũ", organization=orgs.hanoi, external_ref="hn-9")
    content = f"full_name,organization,external_ref\nMới,{orgs.hanoi.pk},hn-9\n".encode()
    login(users.hanoi)
    job = _post_import(client, "people.csv", content).context["job"]
    assert (job.summary["new"], job.summary["update"]) == (0, 1)
    client.post(reverse("organizations:person_import"), {"confirm": job.pk})
    assert list(Person.objects.values_list("full_name", flat=True)) == ["Mới"]


def test_a_confirmed_job_cannot_be_run_twice_or_by_another_user(client, orgs, users, login):
    content = f"full_name,organization\nLý Văn Phúc,{orgs.hanoi.pk}\n".encode()
    login(users.hanoi)
    job = _post_import(client, "people.csv", content).context["job"]
    login(users.central)
    assert (
        client.post(reverse("organizations:person_import"), {"confirm": job.pk}).status_code == 404
    )
    login(users.hanoi)
    client.post(reverse("organizations:person_import"), {"confirm": job.pk})
    assert (
        client.post(reverse("organizations:person_import"), {"confirm": job.pk}).status_code == 404
    )
    assert Person.objects.filter(full_name="Lý Văn Phúc").count() == 1


def test_template_download_has_the_import_columns(client, users, login):
    login(users.hanoi)
    response = client.get(reverse("organizations:person_import"), {"template": "csv"})
    header = response.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:3] == ["id", "full_name", "gender"]
    assert "external_ref" in header
    assert "organization_name" not in header  # read-only columns are not imported


def test_stale_edit_shows_what_the_other_person_changed(client, orgs, users, login, english):
    person = Person.objects.create(full_name="Hồ Văn A", organization=orgs.hanoi)
    stale_version = person.version
    person.expertise = "ngoại giao nhân dân"
    person._history_user = users.central
    person.save()
    login(users.hanoi)
    data = {"full_name": "Hồ Văn B", "organization": orgs.hanoi.pk, "version": stale_version}
    response = client.post(reverse("organizations:person_edit", args=[person.pk]), data)
    assert response.status_code == 200
    conflict = [(c.label, c.old, c.new) for c in response.context["conflict"]]
    assert conflict == [("expertise", "—", "ngoại giao nhân dân")]
    assert "central" in str(response.context["form"].non_field_errors())
    person.refresh_from_db()
    assert person.full_name == "Hồ Văn A"


def test_trash_is_for_system_admins(client, orgs, users, login):
    login(users.central)
    assert client.get(reverse("core:trash")).status_code == 403
    person = Person.objects.create(full_name="X", organization=orgs.hanoi)
    person.soft_delete()
    assert client.post(reverse("core:restore", args=["people", person.pk])).status_code == 403
    login(users.admin)
    page = client.get(reverse("core:trash"))
    assert [record.pk for record in page.context["sections"][0]["records"]] == [person.pk]


def test_deleting_an_organization_in_use_is_refused(client, orgs, users, login):
    login(users.central)
    response = client.post(reverse("organizations:organization_delete", args=[orgs.hanoi.pk]))
    assert response.status_code == 302
    orgs.hanoi.refresh_from_db()
    assert orgs.hanoi.deleted_at is None


def test_a_soft_deleted_record_is_gone_from_lists_and_api(client, orgs, users, login):
    person = Person.objects.create(full_name="Gone", organization=orgs.hanoi)
    person.soft_delete()
    login(users.hanoi)
    assert client.get(reverse("organizations:person", args=[person.pk])).status_code == 404
    assert client.get(f"/api/organizations/people/{person.pk}/").status_code == 404


def test_pages_render_for_every_role(client, orgs, users, login):
    for user in (users.admin, users.central, users.viewer, users.hanoi, users.danang):
        login(user)
        for url in (
            "/organizations/",
            "/organizations/organizations/",
            "/organizations/congresses/schedule/",
            "/geo/provinces/",
            "/geo/countries/",
            f"/organizations/organizations/{user.organization_id}/?tab=lineage",
        ):
            assert client.get(url).status_code == 200, (user, url)


def test_organization_names_are_shown_in_the_chosen_language(client, orgs, users, login):
    login(users.central)
    url = reverse("organizations:organization", args=[orgs.hanoi.pk])
    assert "Ha Noi Union" in client.get(url, {"lang": "en"}).content.decode()
    assert (
        Organization.objects.get(pk=orgs.hanoi.pk).name
        in client.get(url, {"lang": "vi"}).content.decode()
    )


def test_a_long_export_runs_as_a_job_with_a_download(client, orgs, users, login, settings):
    settings.EXPORT_INLINE_ROWS = 3
    for index in range(5):
        Person.objects.create(full_name=f"Đặng Văn {index}", organization=orgs.hanoi)
    Person.objects.create(full_name="Đặng Văn Khác", organization=orgs.danang)
    Person.objects.create(full_name="Bùi Thị Mai", organization=orgs.hanoi)
    login(users.hanoi)
    response = client.get(reverse("organizations:person_list"), {"export": "csv", "q": "Đặng"})
    assert response.status_code == 302
    job = Job.objects.get()
    assert response["Location"] == reverse("core:job", args=[job.pk])
    assert (job.kind, job.status, job.total_rows, job.processed_rows) == ("export", "done", 5, 5)
    page = client.get(response["Location"], HTTP_HX_REQUEST="true")
    assert page.templates[0].name == "core/job_progress.html"
    assert page.context["job"].percent == 100
    download = client.get(reverse("core:job_download", args=[job.pk]))
    lines = b"".join(download.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 6
    assert sorted(line.split(",")[1] for line in lines[1:]) == [f"Đặng Văn {i}" for i in range(5)]
    login(users.danang)
    assert client.get(reverse("core:job_download", args=[job.pk])).status_code == 404
    assert client.get(reverse("core:job", args=[job.pk])).status_code == 404


def test_excel_template_explains_its_columns_in_both_languages(client, users, login):
    login(users.hanoi)
    response = client.get(reverse("organizations:person_import"), {"template": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["data", "Hướng dẫn - Guide"]
    header = [cell.value for cell in workbook["data"][1]]
    assert header[:3] == ["id", "full_name", "gender"]
    guide = {row[0]: row[1:] for row in workbook["Hướng dẫn - Guide"].iter_rows(values_only=True)}
    assert guide["full_name"][:2] == ("tên đầy đủ", "full name")
    assert guide["gender"][2] == "female = Female; male = Male; other = Other"
    assert guide["organization"][2] == "id (organization)"
