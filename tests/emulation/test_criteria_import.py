"""A whole criteria table from one workbook (issue 18, "imports of clusters and criteria tables
from XLSX"): the dry run tells what will be made, every bad row is named by its row and column
and nothing is written, a file imported again updates rather than duplicates, the export of a
table re-imports cleanly, the command line uses it; and the cluster import takes members by
name."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook, load_workbook

from amity.core.imports import import_dataset
from amity.emulation.imports import criteria_workbook as workbook
from amity.emulation.imports.scoring import ClusterResource
from amity.emulation.models import CriteriaSection, CriteriaTable, Criterion
from tests.emulation import scoring_builders as build

pytestmark = pytest.mark.django_db

with translation.override("en"):
    HEADINGS = [str(label) for _key, label in workbook.COLUMNS]


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    """A workbook of the given sheets, each a list of rows, written as a person would."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def table_sheet(criteria: list[list], code="BTC-2026", regulation="QC-T0") -> list[list]:
    return [
        ["Table code", code],
        ["Vietnamese title", "Bảng tiêu chí thi đua năm 2026"],
        ["English title", "Emulation criteria 2026"],
        ["Regulation (code)", regulation],
        [],
        HEADINGS,
        *criteria,
    ]


GOOD_ROWS = [
    # section, titles, code, texts, order, max, kind, evidence, how, computed, target
    [1, "Công tác tổ chức", "Organization", "1.1", "Kiện toàn tổ chức", "", 1, 10, "normal",
     "có", "Quyết định kiện toàn", "", None],
    [None, None, None, "1.2", "Báo cáo đúng hạn", "Reports on time", 2, 5, "normal", "không",
     "", "reports_on_time", 4],
    [2, "Đối ngoại nhân dân", "", "2.1", "Tổ chức sự kiện", "", 1, "7,5", "Điểm thưởng", "yes",
     "Danh sách sự kiện", "Events organised", 10],
    [2, None, None, "2.9", "Vi phạm chế độ báo cáo", "", 9, 5, "penalty", "no", "", "", None],
]  # fmt: skip


@pytest.fixture
def regulation(orgs):
    return build.regulation(orgs.central)


def run(content, user, dry_run=False):
    return workbook.import_workbook(content, user, dry_run=dry_run)


def counts(report) -> list[tuple[int, int, int]]:
    return [(c.new, c.updated, c.unchanged) for _label, c in report.levels]


def stored(table_code="BTC-2026") -> list[tuple]:
    return list(
        Criterion.objects.filter(section__table__code=table_code)
        .order_by("section__number", "order")
        .values_list(
            "section__number", "section__title_vi", "code", "max_points", "kind",
            "evidence_required", "computed_from", "computed_target",
        )
    )  # fmt: skip


def test_a_dry_run_tells_what_will_be_made_and_writes_nothing(users, regulation):
    report = run(xlsx({"BTC": table_sheet(GOOD_ROWS)}), users.central, dry_run=True)
    assert report.errors == []
    assert counts(report) == [(1, 0, 0), (2, 0, 0), (4, 0, 0)]
    assert report.written is False
    assert CriteriaTable.objects.count() == 0
    assert Criterion.objects.count() == 0


def test_one_workbook_makes_the_table_its_sections_and_criteria(orgs, users, regulation):
    report = run(xlsx({"BTC": table_sheet(GOOD_ROWS)}), users.central)
    assert (report.errors, report.written) == ([], True)
    table = CriteriaTable.objects.get()
    assert (table.code, table.organization, table.regulation) == (
        "BTC-2026", orgs.department, regulation
    )  # fmt: skip
    assert list(CriteriaSection.objects.values_list("number", "title_vi", "title_en")) == [
        (1, "Công tác tổ chức", "Organization"),
        (2, "Đối ngoại nhân dân", ""),
    ]
    assert stored() == [
        (1, "Công tác tổ chức", "1.1", Decimal("10.00"), "normal", True, "", None),
        (1, "Công tác tổ chức", "1.2", Decimal("5.00"), "normal", False, "reports_on_time",
         Decimal("4.00")),
        (2, "Đối ngoại nhân dân", "2.1", Decimal("7.50"), "bonus", True, "events_organised",
         Decimal("10.00")),
        (2, "Đối ngoại nhân dân", "2.9", Decimal("5.00"), "penalty", False, "", None),
    ]  # fmt: skip
    criterion = Criterion.objects.get(code="2.1")
    assert criterion.history.get().history_user == users.central


def test_every_bad_row_is_named_by_row_and_column_and_nothing_is_written(users, regulation):
    rows = [
        GOOD_ROWS[0],
        [1, None, None, "1.2", "Quá điểm", "", 2, "mười", "normal", "có", "", "", None],
        [1, None, None, "1.3", "", "", 3, 5, "thưởng lớn", "có", "", "", None],
        [1, None, None, "1.4", "Tính toán", "", 4, 5, "normal", "có", "", "reports_on_time", None],
        [None, None, None, "1.1", "Trùng mã", "", 5, 5, "normal", "có", "", "", None],
        [3, None, None, "3.1", "Phần không tên", "", 1, 5, "penalty", "có", "", "aid_fun", None],
    ]  # fmt: skip
    report = run(xlsx({"BTC": table_sheet(rows)}), users.central)
    assert [str(error) for error in report.errors] == [
        "Sheet “BTC”, row 8, column H: “mười” is not a number.",
        "Sheet “BTC”, row 9, column E: Give the criterion's Vietnamese text.",
        "Sheet “BTC”, row 9, column I: The kind is normal, bonus or penalty.",
        "Sheet “BTC”, row 10, column M: A computed criterion says which value earns full points.",
        "Sheet “BTC”, row 11, column D: Criterion 1.1 is also on row 7.",
        "Sheet “BTC”, row 12, column L: Not a measure the system computes: reports_on_time, "
        "aid_committed_usd, aid_disbursed_usd, events_organised, conferences_joined, "
        "partners_engaged, proposals_raised, proposals_answered.",
        "Sheet “BTC”, row 12, column B: Section 3 has no Vietnamese title.",
    ]
    assert report.written is False
    assert (CriteriaTable.objects.count(), Criterion.objects.count()) == (0, 0)


def test_the_tables_lines_and_headings_are_checked(users, regulation):
    sheet = table_sheet(GOOD_ROWS, code="", regulation="QC-NONE")
    sheet[5] = [*HEADINGS[:3], "Mã", *HEADINGS[4:]]
    report = run(xlsx({"Sai": sheet}), users.central)
    assert [str(error) for error in report.errors] == [
        "Sheet “Sai”, row 1, column B: Give the table's code.",
        "Sheet “Sai”, row 4, column B: No regulation with the code “QC-NONE”.",
        "Sheet “Sai”, row 6, column D: The heading here is “Criterion code”.",
    ]
    assert CriteriaTable.objects.count() == 0


def test_a_file_imported_again_updates_rather_than_duplicates(users, regulation):
    run(xlsx({"BTC": table_sheet(GOOD_ROWS)}), users.central)
    ids = set(Criterion.objects.values_list("pk", flat=True))
    changed = [row[:] for row in GOOD_ROWS]
    changed[0][7] = 12  # 1.1 is worth 12 now
    changed.append([2, None, None, "2.2", "Tiêu chí mới", "", 2, 3, "", "", "", "", None])
    report = run(xlsx({"BTC": table_sheet(changed)}), users.central)
    assert report.errors == []
    assert counts(report) == [(0, 0, 1), (0, 0, 2), (1, 1, 3)]
    assert CriteriaTable.objects.count() == 1
    assert Criterion.objects.count() == 5
    assert ids < set(Criterion.objects.values_list("pk", flat=True))
    assert Criterion.objects.get(code="1.1").max_points == Decimal("12.00")


def test_the_export_of_a_table_reimports_cleanly(client, login, users, regulation):
    run(xlsx({"BTC": table_sheet(GOOD_ROWS)}), users.central)
    before = stored()
    table = CriteriaTable.objects.get()
    login(users.central)
    response = client.get(f"/emulation/criteria-tables/{table.pk}/workbook.xlsx")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["BTC-2026"]
    assert [c.value for c in book.active[6]] == HEADINGS
    report = run(content, users.central)
    assert (report.errors, counts(report)) == ([], [(0, 0, 1), (0, 0, 2), (0, 0, 4)])
    assert stored() == before
    # the same file under another code makes a copy of the table: a table carried to a new year
    book.active["B1"] = "BTC-2027"
    buffer = io.BytesIO()
    book.save(buffer)
    assert counts(run(buffer.getvalue(), users.central)) == [(1, 0, 0), (2, 0, 0), (4, 0, 0)]
    assert [row[2:] for row in stored("BTC-2027")] == [row[2:] for row in before]


def test_the_page_checks_then_imports_on_confirmation(client, login, users, regulation):
    login(users.central)
    content = xlsx({"BTC": table_sheet(GOOD_ROWS)})
    upload = io.BytesIO(content)
    upload.name = "bang-tieu-chi.xlsx"
    page = client.post("/emulation/criteria-tables/import-workbook/", {"file": upload})
    assert page.status_code == 200
    assert counts(page.context["report"]) == [(1, 0, 0), (2, 0, 0), (4, 0, 0)]
    assert CriteriaTable.objects.count() == 0
    job = page.context["job"]
    login(users.hanoi)  # another user cannot confirm someone else's check
    other = client.post("/emulation/criteria-tables/import-workbook/", {"confirm": job.pk})
    assert other.status_code == 404
    login(users.central)
    done = client.post("/emulation/criteria-tables/import-workbook/", {"confirm": job.pk})
    table = CriteriaTable.objects.get()
    assert done.status_code == 302 and done["Location"] == table.get_absolute_url()
    assert Criterion.objects.count() == 4
    again = client.post("/emulation/criteria-tables/import-workbook/", {"confirm": job.pk})
    assert again.status_code == 404  # a check is confirmed once
    assert Criterion.objects.count() == 4


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("a.csv", b"a,b\n", "Choose an .xlsx file."),
        ("a.xlsx", b"not a zip", "This file is not an Excel workbook (.xlsx)."),
    ],
)
def test_the_page_refuses_a_file_that_is_no_workbook(
    client, login, users, regulation, name, content, message
):
    login(users.central)
    upload = io.BytesIO(content)
    upload.name = name
    page = client.post("/emulation/criteria-tables/import-workbook/", {"file": upload})
    assert page.context["form"].errors == {"file": [message]}
    assert CriteriaTable.objects.count() == 0


def test_a_viewer_may_not_import(client, login, users):
    login(users.viewer)
    assert client.get("/emulation/criteria-tables/import-workbook/").status_code == 403


def test_the_pages_in_both_languages(client, login, users, regulation, settings):
    run(xlsx({"BTC": table_sheet(GOOD_ROWS)}), users.central)
    table = CriteriaTable.objects.get()
    login(users.central)
    listing = client.get("/emulation/criteria-tables/").content.decode()
    assert "/emulation/criteria-tables/import-workbook/" in listing
    detail = client.get(table.get_absolute_url()).content.decode()
    assert f"/emulation/criteria-tables/{table.pk}/workbook.xlsx" in detail
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = client.get("/emulation/criteria-tables/import-workbook/").content.decode()
    assert "Nhập cả một bảng tiêu chí" in page
    template = client.get("/emulation/criteria-tables/workbook-template.xlsx")
    content = b"".join(template.streaming_content) if template.streaming else template.content
    headings = [c.value for c in load_workbook(io.BytesIO(content)).active[6]]
    assert headings[:2] == ["Phần", "Tên phần (tiếng Việt)"]


def test_the_command_line_imports_a_whole_table(tmp_path, users, regulation):
    path = tmp_path / "bang.xlsx"
    path.write_bytes(xlsx({"BTC": table_sheet(GOOD_ROWS)}))
    out = io.StringIO()
    call_command("import", "criteria-tables", str(path), "--user", "central", stdout=out)
    assert out.getvalue().splitlines() == [
        "Criteria tables: 1 new, 0 updated, 0 unchanged.",
        "Sections: 2 new, 0 updated, 0 unchanged.",
        "Criteria: 4 new, 0 updated, 0 unchanged.",
    ]
    exported = tmp_path / "export.xlsx"
    call_command("export", "criteria-tables", str(exported), "--user", "central", stdout=out)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx({"BTC": table_sheet([[1, "", "", "1.1", "", "", 1, 5]])}))
    with pytest.raises(CommandError, match="error"):
        call_command("import", "criteria-tables", str(bad), "--user", "central", stdout=out)
    out = io.StringIO()
    call_command("import", "criteria-tables", str(exported), "--user", "central", stdout=out)
    assert out.getvalue().splitlines()[-1] == "Criteria: 0 new, 0 updated, 4 unchanged."


def test_the_cluster_import_takes_members_by_name_or_id(orgs, users):
    import tablib

    dataset = tablib.Dataset(headers=["organization", "year", "name", "kind", "members"])
    dataset.append(
        [orgs.central.pk, 2026, "Cụm 1", "provincial", f"ha noi union; {orgs.danang.pk}"]
    )
    dataset.append([orgs.central.pk, 2026, "Cụm 2", "provincial", "Liên hiệp tỉnh Không Có"])
    summary = import_dataset(ClusterResource, dataset, users.central, dry_run=False)
    assert [(e["line"], e["errors"]) for e in summary["errors"]] == [
        (3, ["No organization named Liên hiệp tỉnh Không Có."])
    ]
    dataset = dataset.subset(rows=[0])
    summary = import_dataset(ClusterResource, dataset, users.central, dry_run=False)
    assert summary["errors"] == []
    cluster = build.models.Cluster.objects.get()
    assert set(cluster.members.all()) == {orgs.hanoi, orgs.danang}
