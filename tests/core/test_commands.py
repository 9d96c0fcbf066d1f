"""`amity import KIND FILE` and `amity export KIND FILE`."""

import csv

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from amity.organizations.models import Person

pytestmark = pytest.mark.django_db


def test_export_then_import_round_trip(orgs, users, tmp_path, capsys):
    Person.objects.create(full_name="Ngô Thị Hạnh", organization=orgs.hanoi, external_ref="p-1")
    Person.objects.create(full_name="Dương Văn Tài", organization=orgs.danang)
    path = tmp_path / "people.csv"
    call_command("export", "people", str(path), user="hanoi")
    assert "1 people written" in capsys.readouterr().out
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert [row["full_name"] for row in rows] == ["Ngô Thị Hạnh"]
    rows[0]["full_name"] = "Ngô Thị Hạnh Nhân"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    call_command("import", "people", str(path), user="hanoi")
    assert "0 new and 1 updated" in capsys.readouterr().out
    updated = Person.objects.get(external_ref="p-1")
    assert updated.full_name == "Ngô Thị Hạnh Nhân"
    assert updated.history.latest().history_user == users.hanoi


def test_import_refuses_a_file_with_a_bad_row_and_writes_nothing(orgs, users, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(
        f"full_name,organization,email\nA,{orgs.hanoi.pk},a@example.vn\nB,{orgs.hanoi.pk},bad\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="1 row"):
        call_command("import", "people", str(path))
    assert Person.objects.count() == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["nothing", "x.csv"], "Unknown kind"),
        (["people", "x.txt"], ".xlsx or .csv"),
        (["people", "/no/such/file.csv"], "No such file"),
        (["people", "x.csv", "--user", "ghost"], "No active user"),
    ],
)
def test_command_errors_are_clear(users, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("import", *arguments)


def test_a_unit_officer_imports_new_organizations_under_its_union(orgs, users, tmp_path):
    from amity.organizations.models import Organization

    path = tmp_path / "organizations.csv"
    path.write_text(
        "kind,parent,name,status,founded_on\n"
        f"local_member,{orgs.hanoi.pk},Hội hữu nghị Việt Nam – Ý thành phố Hà Nội,active,"
        "19/05/2001\n",
        encoding="utf-8",
    )
    call_command("import", "organizations", str(path), user="hanoi")
    created = Organization.objects.get(name__startswith="Hội hữu nghị Việt Nam – Ý")
    assert created.parent == orgs.hanoi
    assert str(created.founded_on) == "2001-05-19"  # dd/mm/yyyy as typed in Vietnam


def test_an_import_cannot_move_a_record_out_of_scope(orgs, users, tmp_path):
    path = tmp_path / "organizations.csv"
    path.write_text(
        f"id,kind,parent,name,status\n{orgs.hanoi_member.pk},local_member,{orgs.danang.pk},"
        f"{orgs.hanoi_member.name},active\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="1 row"):
        call_command("import", "organizations", str(path), user="hanoi")
    orgs.hanoi_member.refresh_from_db()
    assert orgs.hanoi_member.parent == orgs.hanoi


def test_an_import_row_cannot_name_a_record_out_of_scope(orgs, users, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(f"full_name,organization\nA,{orgs.danang.pk}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 row"):
        call_command("import", "people", str(path), user="hanoi")
    assert Person.objects.count() == 0
