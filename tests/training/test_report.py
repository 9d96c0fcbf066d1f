"""The yearly training report in Word: its figures, under the user's letterhead, of what the
user sees."""

import io
from datetime import date

from django.urls import reverse
from docx import Document

from amity.training import models, report
from tests.training import builders as build
from tests.training.test_plan import course_of, finish
from tests.training.test_requirements import holder

REPORT = reverse("training:plan_report")


def build_year(orgs):
    leaders = build.programme(orgs.central, 1, title_vi="Bồi dưỡng lãnh đạo")
    officials = build.programme(
        orgs.central, 2, title_vi="Bồi dưỡng cán bộ", target_group="diplomacy_officials"
    )
    held = course_of(orgs.central, leaders, date(2031, 3, 2), status="done")
    build.quota(held, orgs.hanoi, places=3)
    build.session(held, hour=8, hours=3)
    build.session(held, hour=13, hours=1)
    finish(held, orgs.hanoi, 2)
    finish(held, orgs.hanoi_member, 1)
    certified = models.Result.objects.filter(nomination__course=held).order_by("pk").first()
    certified.certificate_number, certified.issued_on = "CC-01", date(2031, 3, 3)
    certified.save()
    danang_own = course_of(orgs.danang, officials, date(2031, 5, 5), status="done")
    finish(danang_own, orgs.danang, 4)
    models.Requirement.objects.create(
        organization=orgs.central,
        position_title="president",
        organization_kind="provincial_union",
        programme=leaders,
    )
    holder(orgs.hanoi, name="Chủ tịch Hà Nội")
    holder(orgs.danang, name="Chủ tịch Đà Nẵng")
    return leaders, officials


def tables_of(content: bytes) -> tuple[str, list[list[list[str]]]]:
    document = Document(io.BytesIO(content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]
    return text, tables


def test_the_centres_yearly_report(orgs, users):
    build_year(orgs)
    text, tables = tables_of(report.yearly_report(users.central, 2031))
    assert "REPORT ON THE TRAINING OF OFFICIALS IN 2031" in text
    assert (
        "2 of 2 planned courses were held, 7 people completed a course and 1 certificates" in text
    )
    assert str(orgs.department).lower() in str(tables[0]).lower()  # the letterhead
    plan = next(table for table in tables if table[0][0] == "Programme")
    assert plan[1:] == [
        ["Bồi dưỡng cán bộ", "1", "1", "30", "4", "0 / 0"],
        ["Bồi dưỡng lãnh đạo", "1", "1", "3", "3", "4 / 4"],
        ["Total", "2", "2", "33", "7", "4 / 4"],
    ]
    groups = dict(next(table for table in tables if table[0][0] == "Target group")[1:])
    assert groups["Leaders of local Unions"] == "3"
    assert groups["Officials in charge of people-to-people diplomacy"] == "4"
    assert groups["New staff"] == "0"
    kinds = dict(next(table for table in tables if table[0][0] == "Kind of organization")[1:])
    assert kinds["Provincial or city Union"] == "6"
    assert kinds["Member association of a provincial Union"] == "1"
    assert "4. Gaps that remain: 2 position holders lack a required programme" in text
    gaps = next(table for table in tables if table[0][0] == "Title")
    assert gaps[1:] == [["President", "Bồi dưỡng lãnh đạo", "2"]]


def test_a_units_report_holds_only_what_it_sees(client, orgs, users, login):
    build_year(orgs)
    login(users.hanoi)
    response = client.get(REPORT, {"year": 2031})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert "training-report-2031" in response["Content-Disposition"]
    text, tables = tables_of(response.content)
    assert "1 of 1 planned courses were held, 3 people completed a course" in text
    assert str(orgs.hanoi).lower() in str(tables[0]).lower()
    assert "Bồi dưỡng cán bộ" not in str(tables)  # Da Nang's own course
    assert "Gaps that remain: 1 position holders" in text


def test_a_year_without_training(orgs, users):
    text, tables = tables_of(report.yearly_report(users.hanoi, 2040))
    assert "0 of 0 planned courses" in text and "No gap remains." in text
    plan = next(table for table in tables if table[0][0] == "Programme")
    assert plan[1:] == [["Total", "0", "0", "0", "0", "0 / 0"]]


def test_the_report_in_vietnamese(client, orgs, users, login, settings):
    build_year(orgs)
    login(users.hanoi)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    text, tables = tables_of(client.get(REPORT, {"year": 2031}).content)
    assert "BÁO CÁO CÔNG TÁC BỒI DƯỠNG CÁN BỘ NĂM 2031" in text
    assert any(table[0][0] == "Chức danh" for table in tables)
    assert any(table[0][0] == "Chương trình" for table in tables)
