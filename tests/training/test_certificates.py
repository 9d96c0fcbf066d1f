"""Certificates: numbered in order of the participants' names (Vietnamese order), refused for
someone who did not complete, printed from the Word template one or all at once."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from amity.training import results_services
from amity.training.models import Result
from tests.training import builders as build

pytestmark = pytest.mark.django_db

ISSUED = date(2026, 12, 7)


@pytest.fixture
def course(orgs):
    made = build.course(orgs.central, 1, title_vi="Bồi dưỡng nghiệp vụ đối ngoại nhân dân")
    build.quota(made, orgs.hanoi, places=6)
    return made


@pytest.fixture
def results(orgs, course):
    """Completed: Trần, Đỗ, Dương (in Vietnamese order: Dương, Đỗ, Trần); not completed: Lê;
    failed the test: Vũ."""

    def result(name, **values):
        nomination = build.nomination(
            orgs.hanoi, course_=course, person_=build.person(orgs.hanoi, name=name)
        )
        return Result.objects.create(nomination=nomination, **values)

    return {
        "tran": result("Trần Thị Bình", completed=True, passed=True, score=Decimal("90")),
        "do": result("Đỗ Văn Ân", completed=True),
        "duong": result("Dương Văn Zung", completed=True),
        "le": result("Lê Văn Cường", completed=False),
        "vu": result("Vũ Thị Hà", completed=True, passed=False),
    }


def numbers(results):
    return {key: Result.objects.get(pk=r.pk).certificate_number for key, r in results.items()}


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_issuing_numbers_the_completed_in_vietnamese_name_order(users, course, results):
    issued = results_services.issue_certificates(course, by=users.central, today=ISSUED)
    prefix = f"2026/{course.pk}-"
    assert [r.nomination.person.full_name for r in issued] == [
        "Dương Văn Zung",
        "Đỗ Văn Ân",
        "Trần Thị Bình",
    ]
    assert numbers(results) == {
        "duong": f"{prefix}001",
        "do": f"{prefix}002",
        "tran": f"{prefix}003",
        "le": "",
        "vu": "",
    }
    assert set(Result.objects.exclude(issued_on=None).values_list("issued_on", flat=True)) == {
        ISSUED
    }
    stored = Result.objects.get(pk=results["do"].pk)
    assert stored.history.latest().history_user == users.central
    # issued again: nobody is waiting, nothing changes; a late completion takes the next number
    assert results_services.issue_certificates(course, by=users.central, today=ISSUED) == []
    Result.objects.filter(pk=results["le"].pk).update(completed=True)
    again = results_services.issue_certificates(course, by=users.central, today=ISSUED)
    assert [r.certificate_number for r in again] == [f"{prefix}004"]


def test_a_certificate_for_someone_who_did_not_complete_is_refused(users, course, results):
    with pytest.raises(ValidationError) as error:
        results_services.issue_certificate(results["le"], by=users.central, today=ISSUED)
    assert error.value.messages == ["A certificate is issued only to someone who completed."]
    with pytest.raises(ValidationError) as error:
        results_services.issue_certificate(results["vu"], by=users.central, today=ISSUED)
    assert error.value.messages == ["A certificate is not issued to someone who failed."]
    assert set(numbers(results).values()) == {""}


def test_the_issue_pages_refuse_with_a_message_and_only_for_the_organizer(
    client, login, users, course, results
):
    login(users.central)
    response = client.post(reverse("training:result_issue", args=[results["le"].pk]), follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "A certificate is issued only to someone who completed."
    ]
    assert Result.objects.get(pk=results["le"].pk).certificate_number == ""
    response = client.post(reverse("training:result_issue", args=[results["do"].pk]), follow=True)
    number = Result.objects.get(pk=results["do"].pk).certificate_number
    assert number.endswith("-001")
    assert [str(m) for m in response.context["messages"]] == [
        f"Certificate {number} issued to Đỗ Văn Ân."
    ]
    login(users.hanoi)  # the nominating unit sees its results, but issues nothing
    url = reverse("training:course_issue_certificates", args=[course.pk])
    issue_tran = reverse("training:result_issue", args=[results["tran"].pk])
    assert client.post(url).status_code == 403
    assert client.post(issue_tran).status_code == 403
    assert Result.objects.exclude(certificate_number="").count() == 1
    login(users.danang)  # another branch sees neither
    assert client.post(issue_tran).status_code == 404
    assert client.post(url).status_code == 404


def test_one_certificate_as_word_holds_the_name_number_and_course_in_vietnamese(
    client, login, users, course, results
):
    results_services.issue_certificates(course, by=users.central, today=ISSUED)
    result = Result.objects.get(pk=results["do"].pk)
    login(users.hanoi)  # the nominating unit prints its people's certificates
    response = client.get(reverse("training:result_certificate", args=[result.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="certificate-' in response["Content-Disposition"]
    text = docx_text(response.content)
    assert "Đỗ Văn Ân" in text
    assert f"Certificate No. 2026/{course.pk}-002" in text
    assert "“Bồi dưỡng nghiệp vụ đối ngoại nhân dân”" in text
    assert "Trần Thị Bình" not in text
    # no certificate yet: nothing to print
    missing = reverse("training:result_certificate", args=[results["le"].pk])
    assert client.get(missing).status_code == 404


def test_a_certificate_in_vietnamese(client, login, users, course, results, settings):
    results_services.issue_certificates(course, by=users.central, today=ISSUED)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    login(users.central)
    response = client.get(reverse("training:result_certificate", args=[results["tran"].pk]))
    text = docx_text(response.content)
    assert "GIẤY CHỨNG NHẬN" in text
    assert "Trần Thị Bình" in text
    assert f"Số chứng nhận: 2026/{course.pk}-003" in text


def test_all_certificates_in_one_file_a_page_each(client, login, users, course, results):
    results_services.issue_certificates(course, by=users.central, today=ISSUED)
    login(users.central)
    response = client.get(reverse("training:course_certificates", args=[course.pk]))
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    prefix = f"2026/{course.pk}-"
    positions = [text.index(name) for name in ("Dương Văn Zung", "Đỗ Văn Ân", "Trần Thị Bình")]
    assert positions == sorted(positions)
    assert [f"{prefix}00{n}" in text for n in (1, 2, 3)] == [True, True, True]
    assert "Lê Văn Cường" not in text
    assert document.element.body.xml.count('<w:br w:type="page"/>') == 2


def test_no_certificate_yet_is_a_404_not_an_empty_file(client, login, users, course, results):
    login(users.central)
    response = client.get(reverse("training:course_certificates", args=[course.pk]))
    assert response.status_code == 404
