"""notify() from each hooked step, the bell, the list, and the e-mails as each user chose."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from amity.accounts.choices import Role
from amity.core.writes import save_record
from amity.documents import orientations_services
from amity.emulation import award_services
from amity.inbox import emails, services
from amity.inbox.models import Delivery, Kind, Notification, NotificationPreference
from amity.proposals import services as proposal_services
from amity.proposals.models import Consultation
from amity.reporting import services as reporting
from amity.reporting.choices import SubmissionState
from tests.conftest import make_user
from tests.documents.orientations import builders as orientations
from tests.emulation import awards_builders as awards
from tests.proposals import builders as proposals
from tests.reporting.conftest import filled
from tests.reporting.factories import submission

pytestmark = pytest.mark.django_db


def told(user) -> list[tuple[str, str]]:
    return list(
        Notification.objects.filter(recipient=user).order_by("id").values_list("kind", "message")
    )


def texts(user) -> list[str]:
    return [item.text for item in Notification.objects.filter(recipient=user).order_by("id")]


def sent_in(report, orgs, users):
    return submission(
        orgs.hanoi,
        report.version,
        report.h1,
        state=SubmissionState.SUBMITTED,
        submitted_by=users.hanoi,
        submitted_at=timezone.now(),
    )


# --- the hooked steps ---------------------------------------------------------------------------


def test_a_returned_report_tells_its_organization_not_another(report, orgs, users):
    sub = sent_in(report, orgs, users)
    reporting.return_submission(sub, by=users.central, comments=[(None, "Add the figures")])
    assert texts(users.hanoi) == [f"Your report “{report.h1}” was sent back for correction."]
    note = Notification.objects.get(recipient=users.hanoi)
    assert (note.kind, note.url) == (Kind.RETURNED, sub.get_absolute_url())
    assert told(users.danang) == told(users.central) == []  # nor who returned it


def _sent_by(organization, user, report):
    draft = reporting.start_submission(organization, report.h1, by=user)
    assert reporting.save_entries(draft, entries(report, draft), by=user).ok
    return reporting.submit_submission(draft, by=user)


def entries(report, draft):
    versions = dict(draft.values.values_list("indicator_id", "version"))
    return {
        pk: reporting.Entry(raw, versions.get(pk, 0)) for pk, raw in filled(report.items).items()
    }


def test_a_report_sent_in_tells_the_central_officers_who_review_it(report, orgs, users):
    sub = _sent_by(orgs.hanoi, users.hanoi, report)
    expected = f"The report “{report.h1}” of {orgs.hanoi} was sent in for your review."
    assert texts(users.central) == [expected]
    note = Notification.objects.get(recipient=users.central)
    assert (note.kind, note.url) == (Kind.ASSIGNED, sub.get_absolute_url())
    assert told(users.hanoi) == told(users.danang) == told(users.admin) == []


def test_a_members_report_tells_its_union_not_the_centre(report, orgs, users):
    member = make_user("member", Role.UNIT_OFFICER, orgs.hanoi_member)
    report.h1.form.assigned_organizations.add(orgs.hanoi_member)
    _sent_by(orgs.hanoi_member, member, report)
    assert [kind for kind, _message in told(users.hanoi)] == [Kind.ASSIGNED]
    assert told(users.central) == told(users.danang) == told(member) == []


def test_an_approved_report_tells_its_organization(report, orgs, users):
    reporting.approve_submission(sent_in(report, orgs, users), by=users.central)
    assert [kind for kind, _message in told(users.hanoi)] == [Kind.APPROVED]


def test_the_answer_workflow_tells_leaders_drafter_and_proposer(orgs, users):
    users.admin.may_approve_answers = True
    users.admin.save()
    proposal = proposals.proposal(orgs, orgs.hanoi)
    proposal_services.draft_answer(proposal, "Đồng ý.", by=users.central)
    assert told(users.admin) == [
        (Kind.ASSIGNED, "An answer to the proposal “%(proposal)s” awaits your approval.")
    ]
    proposal_services.return_answer(proposal, "Viết ngắn hơn", by=users.admin)
    assert texts(users.central) == [f"Your answer to “{proposal}” was sent back: Viết ngắn hơn"]
    proposal_services.draft_answer(proposal, "Đồng ý.", by=users.central)
    proposal_services.approve_answer(proposal, by=users.admin)
    assert told(users.central)[-1][0] == Kind.APPROVED
    proposal_services.publish_answer(proposal, by=users.central)
    assert told(users.hanoi) == [(Kind.ANSWERED, "Your proposal “%(proposal)s” has been answered.")]
    assert told(users.danang) == []


def test_a_consultation_opened_tells_the_organizations_asked_once(orgs, users):
    consultation = proposals.consultation(orgs.central, status="draft")
    consultation.organizations_asked.add(orgs.hanoi)

    def open_it(asked):
        record = Consultation.objects.get(pk=consultation.pk)
        record.status = "open"

        def save():
            record.save()
            record.organizations_asked.set(asked)

        save_record(record, users.central, save=save)

    open_it([orgs.hanoi])
    assert [kind for kind, _message in told(users.hanoi)] == [Kind.ASSIGNED]
    open_it([orgs.hanoi, orgs.danang])  # Da Nang asked later: told; Ha Noi not twice
    assert len(told(users.hanoi)) == 1
    assert [kind for kind, _message in told(users.danang)] == [Kind.ASSIGNED]


def test_a_new_proposal_tells_the_department_it_is_addressed_to(orgs, users):
    from datetime import date

    from amity.proposals.models import Proposal, Topic

    record = Proposal(
        organization=orgs.hanoi,
        raised_on=date(2024, 4, 19),
        source="letter",
        topic=Topic.objects.get(code="charter"),
        title="Kiến nghị mới",
        text="Sớm thống nhất mô hình tổ chức.",
        addressed_to=orgs.department,
    )
    save_record(record, users.hanoi)
    assert [kind for kind, _message in told(users.central)] == [Kind.ASSIGNED]
    assert told(users.danang) == told(users.hanoi) == []


def test_an_orientation_distributed_tells_the_new_recipients(orgs, users):
    today = timezone.localdate()
    orientation = orientations.orientation(orgs.central, year=today.year, issued_on=today)
    orientations_services.distribute(orientation, [orgs.hanoi.pk], by=users.central)
    orientations_services.distribute(orientation, [orgs.hanoi.pk], by=users.central)
    url = reverse("documents:orientation_acknowledge", args=[orientation.pk])
    assert list(Notification.objects.filter(recipient=users.hanoi).values_list("url")) == [(url,)]
    assert told(users.danang) == []


def test_an_award_proposal_submitted_tells_the_centre_and_a_refusal_the_proposer(orgs, users):
    proposal = awards.proposal(orgs, orgs.hanoi)
    awards.document(proposal, "submission")
    award_services.submit(proposal, by=users.hanoi)
    assert [kind for kind, _message in told(users.central)] == [Kind.ASSIGNED]
    assert [kind for kind, _message in told(users.admin)] == [Kind.ASSIGNED]
    award_services.refuse(proposal, "Chưa đủ thành tích", by=users.central)
    assert texts(users.hanoi)[-1].endswith("was refused: Chưa đủ thành tích")


# --- reading them -------------------------------------------------------------------------------


def note(user, text="Hello %(name)s", **extra):
    return services.notify([user], Kind.ASSIGNED, text, {"name": "Hà"}, "/inbox/", **extra)[0]


def test_the_bell_counts_the_unread_in_one_query(client, users, login):
    for _index in range(3):
        note(users.hanoi)
    note(users.danang)
    login(users.hanoi)
    page = client.get(reverse("inbox:preferences")).content.decode()
    assert 'id="notification-count">3<' in page
    request = type("R", (), {"user": users.hanoi})()
    from amity.inbox.templatetags.inbox import unread_notifications

    with CaptureQueriesContext(connection) as queries:
        assert unread_notifications({"request": request}) == 3
        assert unread_notifications({"request": request}) == 3  # kept on the request
    assert len(queries) == 1


def test_opening_marks_read_and_another_users_answers_404(client, users, login):
    mine, theirs = note(users.hanoi), note(users.danang)
    login(users.hanoi)
    response = client.get(reverse("inbox:open", args=[mine.pk]))
    assert (response.status_code, response["Location"]) == (302, "/inbox/")
    assert Notification.objects.get(pk=mine.pk).is_read
    assert client.get(reverse("inbox:open", args=[theirs.pk])).status_code == 404
    assert not Notification.objects.get(pk=theirs.pk).is_read


def test_an_outside_address_is_never_followed(client, users, login):
    item = services.notify([users.hanoi], Kind.ASSIGNED, "x", {}, "https://evil.example/")[0]
    login(users.hanoi)
    response = client.get(reverse("inbox:open", args=[item.pk]))
    assert response["Location"] == reverse("inbox:notifications")


def test_mark_all_read_marks_only_ones_own(client, users, login):
    note(users.hanoi), note(users.hanoi), note(users.danang)
    login(users.hanoi)
    assert client.get(reverse("inbox:mark_all_read")).status_code == 405
    client.post(reverse("inbox:mark_all_read"))
    assert services.unread_count(users.hanoi) == 0
    assert services.unread_count(users.danang) == 1


def test_the_list_reads_each_message_in_the_pages_language(client, users, login):
    services.notify(
        [users.hanoi],
        Kind.APPROVED,
        "Your report “%(report)s” was approved.",
        {"report": "Quý 1/2026"},
        "/",
    )
    login(users.hanoi)
    english = client.get(reverse("inbox:notifications")).content.decode()
    assert "Your report “Quý 1/2026” was approved." in english
    vietnamese = client.get(reverse("inbox:notifications") + "?lang=vi").content.decode()
    assert "Báo cáo “Quý 1/2026” của đơn vị đã được duyệt." in vietnamese


def test_a_message_whose_parameters_do_not_fit_shows_bare(users):
    item = services.notify([users.hanoi], Kind.ASSIGNED, "Due %(when)s", {"other": 1})[0]
    assert item.text == "Due %(when)s"


def test_the_author_and_inactive_users_are_not_told(users):
    users.danang.is_active = False
    users.danang.save()
    made = services.notify(
        [users.hanoi, users.danang, users.central], Kind.ASSIGNED, "x", by=users.central
    )
    assert [item.recipient_id for item in made] == [users.hanoi.pk]


def test_a_huge_or_odd_parameter_is_cut_to_a_line(users):
    item = services.notify([users.hanoi], Kind.ASSIGNED, "%(name)s", {"name": "Ạ\u0000" * 1000})[0]
    assert len(item.params["name"]) == services.PARAM_CHARS


# --- e-mails ------------------------------------------------------------------------------------


def prefer(user, email, language="vi"):
    NotificationPreference.objects.update_or_create(
        user=user, defaults={"email": email, "language": language}
    )


def test_immediate_mail_goes_after_the_commit_in_the_chosen_language(
    users, django_capture_on_commit_callbacks
):
    users.hanoi.email, users.danang.email = "hanoi@example.org", "danang@example.org"
    users.hanoi.save(), users.danang.save()
    prefer(users.hanoi, Delivery.IMMEDIATE, "vi")
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            [users.hanoi, users.danang],
            Kind.APPROVED,
            "Your report “%(report)s” was approved.",
            {"report": "Quý 1"},
            "/reporting/",
        )
        assert mail.outbox == []  # nothing in the request's transaction
    assert [message.to for message in mail.outbox] == [["hanoi@example.org"]]
    assert mail.outbox[0].subject == "Amity: Báo cáo “Quý 1” của đơn vị đã được duyệt."
    assert "http://127.0.0.1:8000/reporting/" in mail.outbox[0].body
    assert emails.send_digest() == 1  # Da Nang's (the default): Ha Noi's is sent already
    assert [message.to for message in mail.outbox[1:]] == [["danang@example.org"]]


def test_the_digest_gathers_the_unread_once_and_none_means_none(users):
    for user, address in ((users.hanoi, "h@example.org"), (users.danang, "d@example.org")):
        user.email = address
        user.save()
    prefer(users.danang, Delivery.NONE)
    prefer(users.hanoi, Delivery.DIGEST, "en")
    first, second = note(users.hanoi, "First %(name)s"), note(users.hanoi, "Second %(name)s")
    note(users.danang)
    services.mark_read(users.hanoi, [second.pk])
    note(users.hanoi, "Third %(name)s")
    assert emails.send_digest() == 1
    (message,) = mail.outbox
    assert (message.to, message.subject) == (["h@example.org"], "Amity: 2 new notifications")
    assert "First Hà" in message.body and "Third Hà" in message.body
    assert "Second" not in message.body
    assert emails.send_digest() == 0
    assert Notification.objects.get(pk=first.pk).emailed_at is not None


def test_the_preferences_page_saves_the_choice_with_its_history(client, users, login):
    login(users.hanoi)
    page = client.get(reverse("inbox:preferences"))
    assert page.status_code == 200
    response = client.post(reverse("inbox:preferences"), {"email": "immediate", "language": "en"})
    assert response.status_code == 302
    saved = NotificationPreference.objects.get(user=users.hanoi)
    assert (saved.email, saved.language, saved.history.count()) == ("immediate", "en", 1)
    bad = client.post(reverse("inbox:preferences"), {"email": "fax", "language": "xx"})
    assert bad.status_code == 200 and bad.context["form"].errors.keys() == {"email", "language"}
    assert NotificationPreference.objects.get(user=users.hanoi).email == "immediate"


def test_pages_answer_the_anonymous_with_the_log_in(client):
    for name in ("inbox", "notifications", "preferences"):
        response = client.get(reverse(f"inbox:{name}"))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_translation_of_kinds_exists():
    with translation.override("vi"):
        assert str(Kind.DUE_SOON.label) == "Sắp đến hạn"
