"""`amity backup` / `amity restore`: a round trip gives back every row, history and file exactly."""

import io
import json
import os
import zipfile

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from amity.accounts.choices import Role
from amity.accounts.models import User
from amity.core.backup import MANIFEST_NAME, restore_backup, write_backup
from amity.organizations.choices import Gender, OrganizationKind
from amity.organizations.models import Organization, Person

# serialized_rollback: the flush after each test would otherwise take the reference data that
# migrations load (countries, fields of work, proposal topics) from the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MODELS = (Organization, Person, User)


def make_records():
    """A parent and a child organization, a person, a user; two or more history entries each."""
    central = Organization.objects.create(
        name="Liên hiệp các tổ chức hữu nghị Việt Nam",
        name_en="Viet Nam Union of Friendship Organizations",
        kind=OrganizationKind.CENTRAL_UNION,
    )
    child = Organization.objects.create(
        name="Liên hiệp các tổ chức hữu nghị thành phố Hà Nội",
        kind=OrganizationKind.PROVINCIAL_UNION,
        parent=central,
        website="https://hanoi.example.org",
    )
    person = Person.objects.create(
        full_name="Nguyễn Thị Hoa",
        gender=Gender.FEMALE,
        birth_year=1980,
        organization=child,
        email="hoa@example.org",
    )
    gone = Person.objects.create(full_name="Trần Văn Nam", organization=central)
    central.short_name = "VUFO"
    central.save()
    person.expertise = "Hợp tác quốc tế"
    person.save()
    child.notes = "Ghi chú"
    child.save()
    child.soft_delete()  # two changes and a soft delete: three history entries
    gone.soft_delete()
    user = User(username="hanoi", role=Role.UNIT_OFFICER, organization=central)
    user.set_password("amity-demo")
    user.save()
    user.first_name = "Hà"
    user.save()
    upload = settings.MEDIA_ROOT / "imports" / "2025" / "01" / "danh-sách.csv"
    upload.parent.mkdir(parents=True)
    upload.write_bytes("tên,email\nHoa,hoa@example.org\n".encode())
    return upload


def snapshot():
    """Every row and every history row of the models under test, with all their values."""
    state = {}
    for model in MODELS:
        manager = model.all_objects if hasattr(model, "all_objects") else model._base_manager
        state[model._meta.label] = list(manager.order_by("pk").values())
        state[f"{model._meta.label} history"] = list(model.history.order_by("history_id").values())
    return state


def counts(state):
    return {label: len(rows) for label, rows in state.items()}


def test_a_restore_gives_back_every_row_history_entry_and_file(tmp_path):
    upload = make_records()
    before = snapshot()
    assert counts(before) == {
        "organizations.Organization": 2,
        "organizations.Organization history": 5,
        "organizations.Person": 2,
        "organizations.Person history": 4,
        "accounts.User": 1,
        "accounts.User history": 2,
    }
    assert Organization.objects.count() == 1 and Organization.all_objects.count() == 2
    backup = tmp_path / "amity.zip"
    manifest = write_backup(backup)
    assert manifest["counts"]["organizations.Organization"] == 2
    assert manifest["counts"]["organizations.HistoricalOrganization"] == 5
    assert manifest["media_files"] == 1
    assert oct(backup.stat().st_mode & 0o777) == oct(0o600)

    call_command("flush", interactive=False, verbosity=0)
    upload.unlink()
    assert Organization.all_objects.count() == 0
    assert Organization.history.count() == 0

    result = restore_backup(backup)

    after = snapshot()
    assert counts(after) == counts(before)
    assert after == before  # every field, timestamps to the microsecond included
    assert result.counts["organizations.Organization"] == 2
    assert result.counts["organizations.HistoricalPerson"] == 4
    assert result.media_files == 1
    assert upload.read_text() == "tên,email\nHoa,hoa@example.org\n"
    child = Organization.all_objects.get(name__endswith="Hà Nội")
    assert child.is_deleted and child.tree_path == f"/{child.parent_id}/{child.pk}/"
    assert Organization.objects.count() == 1 and Person.objects.count() == 1
    assert User.objects.get().check_password("amity-demo")

    # The sequences moved on: new rows and their history rows get fresh keys.
    newest = max(row["id"] for row in before["organizations.Organization"])
    newest_history = max(row["history_id"] for row in before["organizations.Organization history"])
    created = Organization.objects.create(name="Mới", kind=OrganizationKind.LOCAL_MEMBER)
    assert created.pk > newest
    assert created.history.get().history_id > newest_history
    assert Person.objects.create(full_name="Mới", organization=created).pk > max(
        row["id"] for row in before["organizations.Person"]
    )


def test_the_commands_back_up_and_restore_over_existing_data_with_force(tmp_path):
    make_records()
    before = snapshot()
    backup = tmp_path / "amity.zip"
    out = io.StringIO()
    call_command("backup", str(backup), stdout=out)
    assert "Backup written to" in out.getvalue()

    Organization.objects.create(name="Sau sao lưu", kind=OrganizationKind.LOCAL_MEMBER)
    Person.all_objects.update(full_name="Đã sửa")
    changed = snapshot()

    with pytest.raises(CommandError, match="already holds data.*--force"):
        call_command("restore", str(backup))
    assert snapshot() == changed

    out = io.StringIO()
    call_command("restore", str(backup), "--force", stdout=out)
    assert snapshot() == before
    assert "organizations.Organization: 2" in out.getvalue()
    assert "Restored" in out.getvalue()


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    make_records()
    before = snapshot()

    with pytest.raises(CommandError, match="No such file"):
        restore_backup(tmp_path / "missing.zip")

    random_file = tmp_path / "random.zip"
    random_file.write_bytes(os.urandom(4096))
    with pytest.raises(CommandError, match="not an Amity backup"):
        call_command("restore", str(random_file), "--force")

    other_zip = tmp_path / "other.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(CommandError, match="not an Amity backup"):
        restore_backup(other_zip, force=True)

    assert snapshot() == before


def rewrite_manifest(source, target, change):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == MANIFEST_NAME:
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest)
            new.writestr(info, data)


def test_restore_refuses_a_backup_of_a_newer_schema_or_with_wrong_counts(tmp_path):
    make_records()
    before = snapshot()
    backup = tmp_path / "amity.zip"
    write_backup(backup)

    newer = tmp_path / "newer.zip"
    rewrite_manifest(
        backup, newer, lambda m: m["migrations"].append(["organizations", "9999_from_the_future"])
    )
    with pytest.raises(CommandError, match="newer version of Amity.*9999_from_the_future"):
        restore_backup(newer, force=True)
    assert snapshot() == before

    newer_format = tmp_path / "newer-format.zip"
    rewrite_manifest(backup, newer_format, lambda m: m.update(format_version=99))
    with pytest.raises(CommandError, match="newer version of Amity"):
        restore_backup(newer_format, force=True)

    wrong = tmp_path / "wrong.zip"
    rewrite_manifest(backup, wrong, lambda m: m["counts"].update({"organizations.Person": 7}))
    Person.all_objects.update(full_name="Đã sửa")
    changed = snapshot()
    with pytest.raises(CommandError, match="does not hold the rows"):
        restore_backup(wrong, force=True)
    assert snapshot() == changed  # the flush and the load were rolled back together

    media = tmp_path / "escape.zip"
    with zipfile.ZipFile(backup) as old, zipfile.ZipFile(media, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        new.writestr("media/../../outside.txt", "no")
    with pytest.raises(CommandError, match="outside the media folder"):
        restore_backup(media, force=True)
    assert snapshot() == changed


def test_serve_runs_gunicorn_on_the_given_address(monkeypatch):
    calls = []

    def fake_execvp(program, argv):
        calls.append(argv)
        raise SystemExit(0)

    monkeypatch.setattr(os, "execvp", fake_execvp)
    monkeypatch.setenv("PORT", "8123")
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", os.environ.get("DJANGO_SETTINGS_MODULE", ""))
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("serve", stdout=out)
    assert out.getvalue().startswith("Amity: http://127.0.0.1:8123/")
    argv = calls[0]
    assert argv[0].endswith("gunicorn") or argv[1:3] == ["-m", "gunicorn"]
    joined = " ".join(argv)
    assert "amity.wsgi:application --bind 127.0.0.1:8123 --workers 2 --threads 4" in joined
