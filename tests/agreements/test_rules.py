"""The rules of an agreement's status and dates, from the form, the API and the daily command."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from amity.agreements.models import Agreement, AgreementFile
from amity.agreements.models.agreements import add_years
from amity.agreements.services import follow_the_dates
from amity.partners.models import Interaction
from tests.agreements import builders as build

pytestmark = pytest.mark.django_db
TODAY = build.TODAY


def form_post(orgs, **values):
    return {
        "kind": "cooperation",
        "title_vi": "Thỏa thuận hợp tác với Quỹ Hữu nghị",
        "organization": orgs.hanoi.pk,
        "signed_on": build.day(TODAY - timedelta(days=10)),
        "starts_on": build.day(TODAY - timedelta(days=10)),
        "ends_on": build.day(TODAY + timedelta(days=1000)),
        "renewal": "none",
        "status": "in_force",
        **values,
    }


def test_a_signed_agreement_without_a_signed_file_is_refused_and_nothing_written(
    client, orgs, users, login
):
    login(users.hanoi)
    response = client.post("/agreements/agreements/add/", form_post(orgs))
    assert response.status_code == 200
    assert response.context["form"].errors["status"] == [
        "A signed or in-force agreement needs at least one signed file: "
        "attach the signed copy first."
    ]
    assert Agreement.all_objects.count() == 0
    assert AgreementFile.all_objects.count() == 0


def test_a_signed_agreement_needs_its_signing_date(client, orgs, users, login):
    login(users.hanoi)
    post = form_post(orgs, signed_on="", signed_copy=build.pdf_upload())
    response = client.post("/agreements/agreements/add/", post)
    assert response.context["form"].errors["signed_on"] == [
        "A signed or in-force agreement needs its signing date."
    ]
    assert Agreement.all_objects.count() == 0


def test_the_signed_copy_comes_with_the_form_in_one_step(client, orgs, users, login):
    login(users.hanoi)
    post = form_post(orgs, signed_copy=build.pdf_upload("ban-ky.pdf"), signed_copy_language="en")
    response = client.post("/agreements/agreements/add/", post)
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.status == "in_force"
    copy = agreement.files.get()
    assert (copy.original_name, copy.language, copy.is_signed) == ("ban-ky.pdf", "en", True)
    assert copy.history.get().history_user == users.hanoi


def test_a_signed_copy_of_a_wrong_type_is_refused(client, orgs, users, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(users.hanoi)
    bad = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client.post("/agreements/agreements/add/", form_post(orgs, signed_copy=bad))
    assert response.context["form"].errors["signed_copy"] == [
        "Attach a PDF, Word, Excel or OpenDocument file or a JPEG or PNG photo."
    ]
    assert Agreement.all_objects.count() == 0


def test_expiry_before_signing_is_refused(client, orgs, users, login):
    login(users.hanoi)
    post = form_post(
        orgs,
        status="negotiating",
        signed_on=build.day(TODAY),
        starts_on="",
        ends_on=build.day(TODAY - timedelta(days=1)),
    )
    response = client.post("/agreements/agreements/add/", post)
    assert (
        "An agreement cannot expire before it is signed."
        in (response.context["form"].errors["ends_on"])
    )
    assert Agreement.all_objects.count() == 0


def test_expired_follows_the_date(client, orgs, users, login):
    login(users.hanoi)
    post = form_post(orgs, status="expired", signed_copy=build.pdf_upload())
    response = client.post("/agreements/agreements/add/", post)
    assert response.context["form"].errors["status"] == [
        "Only an agreement whose expiry date has passed is expired."
    ]


def test_the_api_refuses_an_in_force_agreement_without_file_with_400(client, orgs, users, login):
    login(users.hanoi)
    data = {
        "kind": "mou",
        "title_vi": "Biên bản ghi nhớ",
        "organization": orgs.hanoi.pk,
        "signed_on": TODAY.isoformat(),
        "status": "in_force",
    }
    response = client.post("/api/agreements/agreements/", data, content_type="application/json")
    assert response.status_code == 400
    assert "status" in response.json()
    assert Agreement.all_objects.count() == 0


def test_automatic_renewal_needs_its_years(orgs):
    record = build.agreement(orgs.hanoi)
    record.renewal = "automatic"
    with pytest.raises(Exception) as refused:
        record.full_clean()
    assert refused.value.message_dict["renewal_years"] == [
        "Say for how many years it renews itself."
    ]


def test_the_daily_step_expires_and_renews_with_history(orgs, users):
    lapsed = build.in_force(orgs.hanoi, 1, ends_on=TODAY + timedelta(days=10))
    renewing = build.in_force(
        orgs.hanoi, 2, ends_on=TODAY + timedelta(days=10), renewal="automatic", renewal_years=2
    )
    running = build.in_force(orgs.hanoi, 3, ends_on=TODAY + timedelta(days=20))
    later = TODAY + timedelta(days=11)
    assert follow_the_dates(later) == (1, 1)
    lapsed.refresh_from_db()
    renewing.refresh_from_db()
    running.refresh_from_db()
    assert lapsed.status == "expired"
    assert (renewing.status, renewing.ends_on) == (
        "in_force",
        add_years(TODAY + timedelta(days=10), 2),
    )
    assert lapsed.history.first().status == "expired"
    assert (running.status, running.version) == ("in_force", 2)


def test_saving_a_running_agreement_past_its_expiry_expires_it(orgs):
    record = build.in_force(orgs.hanoi, ends_on=TODAY + timedelta(days=5))
    Agreement.objects.filter(pk=record.pk).update(ends_on=TODAY - timedelta(days=1))
    record.refresh_from_db()
    record.save()
    assert record.status == "expired"


def test_add_years_keeps_the_day_or_the_end_of_february():
    from datetime import date

    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 3, 31), 2) == date(2026, 3, 31)


def test_the_last_signed_copy_of_an_agreement_in_force_stays(client, orgs, users, login):
    record = build.in_force(orgs.hanoi)
    copy = record.files.get()
    login(users.hanoi)
    response = client.post(f"/agreements/agreement-files/{copy.pk}/delete/")
    assert response.status_code == 403
    response = client.delete(f"/api/agreements/agreement-files/{copy.pk}/")
    assert response.status_code == 403
    assert AgreementFile.objects.filter(pk=copy.pk).exists()
    second = build.signed_file(record)
    assert client.post(f"/agreements/agreement-files/{copy.pk}/delete/").status_code == 302
    assert list(record.files.values_list("pk", flat=True)) == [second.pk]


def test_reminders_go_to_the_parties_90_30_7_days_before_and_at_reviews(orgs, users):
    users.hanoi.email = "hanoi@example.org"
    users.hanoi.save()
    users.danang.email = "danang@example.org"
    users.danang.save()
    in_30 = build.in_force(orgs.hanoi, 1, ends_on=TODAY + timedelta(days=30))
    in_30.other_organizations.add(orgs.danang)
    build.in_force(orgs.hanoi, 2, ends_on=TODAY + timedelta(days=31))  # no reminder that day
    with_review = build.in_force(orgs.danang, 3, ends_on=TODAY + timedelta(days=900))
    with_review.reviews.create(due_on=TODAY + timedelta(days=7))
    call_command("agreements_reminders", today=TODAY.isoformat())
    by_address = {message.to[0]: message.body for message in mail.outbox}
    assert sorted(by_address) == ["danang@example.org", "hanoi@example.org"]
    expiry = f"{in_30} hết hạn vào ngày {TODAY + timedelta(days=30):%d/%m/%Y} (còn 30 ngày)."
    assert by_address["hanoi@example.org"] == f"- {expiry}"
    assert by_address["danang@example.org"].splitlines() == [
        f"- {expiry}",
        f"- {with_review} sẽ được đánh giá vào ngày "
        f"{TODAY + timedelta(days=7):%d/%m/%Y} (còn 7 ngày).",
    ]


def test_a_dry_run_sends_and_changes_nothing(orgs, users):
    users.hanoi.email = "hanoi@example.org"
    users.hanoi.save()
    record = build.in_force(orgs.hanoi, ends_on=TODAY + timedelta(days=7))
    Agreement.objects.filter(pk=record.pk).update(ends_on=TODAY - timedelta(days=1))
    call_command("agreements_reminders", "--dry-run")
    assert mail.outbox == []
    record.refresh_from_db()
    assert record.status == "in_force"


def test_links_to_another_branchs_records_are_refused_by_the_api_and_the_form(
    client, orgs, users, login
):
    fund = build.partner(orgs.danang, 9)
    theirs = Interaction.objects.create(
        partner=fund, organization=orgs.danang, occurred_on=TODAY, kind="meeting"
    )
    login(users.hanoi)
    data = {
        "kind": "mou",
        "title_vi": "Biên bản ghi nhớ",
        "organization": orgs.hanoi.pk,
        "status": "negotiating",
        "interactions": [theirs.pk],
    }
    response = client.post("/api/agreements/agreements/", data, content_type="application/json")
    assert response.status_code == 400
    assert list(response.json()) == ["interactions"]
    post = form_post(orgs, status="negotiating", interactions=[theirs.pk])
    response = client.post("/agreements/agreements/add/", post)
    assert list(response.context["form"].errors) == ["interactions"]
    assert Agreement.all_objects.count() == 0


def test_a_commitments_person_is_of_its_organization(orgs):
    from amity.organizations.models import Person

    record = build.commitment(build.agreement(orgs.hanoi), orgs.hanoi)
    record.person = Person.objects.create(organization=orgs.danang, full_name="Lê Văn Cường")
    with pytest.raises(Exception) as refused:
        record.full_clean()
    assert refused.value.message_dict["person"] == [
        "The person is not of the responsible organization."
    ]
