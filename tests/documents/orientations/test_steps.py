"""The steps of an orientation, on the pages and in the API: the issuer distributes it, a
recipient acknowledges it and reports on its tasks; what the rules refuse is refused with a
clear message and leaves nothing written."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from amity.documents import orientations_services as services
from amity.documents.models import Evidence, Orientation, Recipient, TaskReport
from tests.documents.orientations import builders as build

pytestmark = pytest.mark.django_db
API = "/api/documents/orientations"


@pytest.fixture
def sent(orgs):
    """The centre's orientation with two tasks, sent to Ha Noi only."""
    orientation = build.orientation(orgs.central)
    tasks = [build.task(orientation, 1), build.task(orientation, 2)]
    recipient = build.recipient(orientation, orgs.hanoi)
    return orientation, tasks, recipient


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- distribution --------------------------------------------------------------------------


def test_the_centre_distributes_by_group_and_one_by_one(client, orgs, users, login):
    orientation = build.orientation(orgs.central)
    build.recipient(orientation, orgs.hanoi)  # sent already: not sent twice
    login(users.central)
    url = f"/documents/orientations/{orientation.pk}/distribute/"
    page = client.get(url)
    assert page.status_code == 200
    assert "provincial-unions" in dict(page.context["form"].fields["groups"].choices)
    response = client.post(
        url, {"groups": ["provincial-unions"], "organizations": [orgs.hanoi_member.pk]}
    )
    assert response.status_code == 302
    recipients = Recipient.objects.filter(orientation=orientation)
    assert sorted(recipients.values_list("organization__name", flat=True)) == sorted(
        [orgs.hanoi.name, orgs.danang.name, orgs.hanoi_member.name]
    )
    new = recipients.exclude(organization=orgs.hanoi)
    assert {entry.history_user for item in new for entry in item.history.all()} == {users.central}


def test_a_draft_cannot_be_distributed(client, orgs, users, login):
    draft = build.orientation(orgs.central, status="draft", issued_on=None)
    login(users.central)
    response = client.post(
        f"/documents/orientations/{draft.pk}/distribute/", {"groups": ["provincial-unions"]}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "An orientation cannot be distributed before it is issued."
    ]
    api = client.post(
        f"{API}/{draft.pk}/distribute/",
        {"organizations": [orgs.hanoi.pk]},
        content_type="application/json",
    )
    assert api.status_code == 400
    assert api.json() == {"detail": ["An orientation cannot be distributed before it is issued."]}
    assert not Recipient.all_objects.exists()


def test_a_unit_may_not_distribute_the_centres_orientation(client, orgs, users, login, sent):
    orientation, _tasks, _recipient = sent
    login(users.hanoi)
    url = f"/documents/orientations/{orientation.pk}/distribute/"
    assert client.post(url, {"organizations": [orgs.danang.pk]}).status_code == 403
    api = client.post(
        f"{API}/{orientation.pk}/distribute/",
        {"organizations": [orgs.danang.pk]},
        content_type="application/json",
    )
    assert api.status_code == 403
    assert Recipient.objects.filter(orientation=orientation).count() == 1


# --- acknowledgement -----------------------------------------------------------------------


def test_a_recipient_acknowledges(client, orgs, users, login, sent):
    orientation, _tasks, recipient = sent
    login(users.hanoi)
    url = f"/documents/orientations/{orientation.pk}/acknowledge/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"acknowledged_by": "Trần Thị Bình", "acknowledged_on": "20/01/2030"}
    )
    assert response.status_code == 302
    recipient.refresh_from_db()
    assert (recipient.acknowledged_on, recipient.acknowledged_by) == (
        date(2030, 1, 20),
        "Trần Thị Bình",
    )
    assert recipient.history.latest().history_user == users.hanoi


def test_a_non_recipient_may_not_acknowledge(client, orgs, users, login, sent):
    orientation, _tasks, _recipient = sent
    login(users.danang)  # sees the centre's issued orientation, was not sent it
    url = f"/documents/orientations/{orientation.pk}/acknowledge/"
    response = client.post(
        url, {"acknowledged_by": "X", "acknowledged_on": "20/01/2030"}, follow=True
    )
    refusal = f"{orgs.danang} is not a recipient of this orientation."
    assert messages_of(response) == [refusal]
    api = client.post(
        f"{API}/{orientation.pk}/acknowledge/",
        {"organization": orgs.danang.pk, "acknowledged_by": "X"},
        content_type="application/json",
    )
    assert (api.status_code, api.json()) == (400, {"detail": [refusal]})
    assert not Recipient.all_objects.filter(organization=orgs.danang).exists()


def test_one_may_not_acknowledge_for_another_organization(client, orgs, users, login, sent):
    orientation, _tasks, recipient = sent
    login(users.danang)
    api = client.post(
        f"{API}/{orientation.pk}/acknowledge/",
        {"organization": orgs.hanoi.pk, "acknowledged_by": "X"},
        content_type="application/json",
    )
    assert api.status_code == 404  # Ha Noi is not in Da Nang's sight
    recipient.refresh_from_db()
    assert recipient.acknowledged_on is None


def test_the_api_acknowledges(client, orgs, users, login, sent):
    orientation, _tasks, recipient = sent
    login(users.hanoi)
    api = client.post(
        f"{API}/{orientation.pk}/acknowledge/",
        {
            "organization": orgs.hanoi.pk,
            "acknowledged_by": "Văn phòng",
            "acknowledged_on": "2030-01-16",
        },
        content_type="application/json",
    )
    assert api.status_code == 200, api.content
    assert api.json()["acknowledged_on"] == "2030-01-16"
    recipient.refresh_from_db()
    assert recipient.acknowledged_by == "Văn phòng"


def test_an_acknowledgement_before_the_issue_is_refused(orgs, users, sent):
    orientation, _tasks, recipient = sent
    with pytest.raises(ValidationError) as refusal:
        services.acknowledge(orientation, orgs.hanoi, by=users.hanoi, name="A", on=date(2029, 1, 1))
    assert refusal.value.message_dict == {
        "acknowledged_on": ["An orientation is acknowledged after it is issued."]
    }
    recipient.refresh_from_db()
    assert recipient.acknowledged_on is None


def test_a_withdrawn_orientation_is_neither_acknowledged_nor_reported_on(
    client, orgs, users, login, sent
):
    orientation, (first, _second), recipient = sent
    Orientation.objects.filter(pk=orientation.pk).update(status="withdrawn")
    login(users.hanoi)
    refusal = "This orientation was withdrawn: it is no longer acknowledged or reported on."
    api = client.post(
        f"{API}/{orientation.pk}/acknowledge/",
        {"organization": orgs.hanoi.pk, "acknowledged_by": "X"},
        content_type="application/json",
    )
    assert (api.status_code, api.json()) == (400, {"detail": [refusal]})
    orientation.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.report(orientation, orgs.hanoi, [services.Entry(first, "done")], by=users.hanoi)
    assert refused.value.messages == [refusal]
    recipient.refresh_from_db()
    assert recipient.acknowledged_on is None
    assert not TaskReport.objects.filter(recipient=recipient).exists()


# --- implementation reports ----------------------------------------------------------------


def test_a_recipient_reports_every_task_in_one_form(client, orgs, users, login, sent):
    orientation, (first, second), recipient = sent
    build.report(recipient, first, "not_started")  # an earlier report is updated, not repeated
    login(users.hanoi)
    url = f"/documents/orientations/{orientation.pk}/report/"
    page = client.get(url)
    assert [form.task for form in page.context["forms"]] == [first, second]
    assert page.context["forms"][0].initial["progress"] == "not_started"
    response = client.post(
        url,
        {
            f"task-{first.pk}-progress": "done",
            f"task-{first.pk}-note": "Đã tổ chức",
            f"task-{first.pk}-evidence": build.pdf_upload("bien-ban.pdf"),
            f"task-{second.pk}-progress": "in_progress",
        },
    )
    assert response.status_code == 302
    reports = TaskReport.objects.filter(recipient=recipient).order_by("task__order")
    assert [(r.task, r.progress, r.note) for r in reports] == [
        (first, "done", "Đã tổ chức"),
        (second, "in_progress", ""),
    ]
    assert [e.original_name for e in Evidence.objects.filter(report=reports[0])] == ["bien-ban.pdf"]
    assert reports[0].history.latest().history_user == users.hanoi


def test_a_bad_evidence_file_writes_nothing(client, orgs, users, login, sent):
    orientation, (first, second), recipient = sent
    login(users.hanoi)
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("virus.exe", b"MZ....", content_type="application/octet-stream")
    response = client.post(
        f"/documents/orientations/{orientation.pk}/report/",
        {
            f"task-{first.pk}-progress": "done",
            f"task-{second.pk}-progress": "done",
            f"task-{second.pk}-evidence": bad,
        },
        follow=True,
    )
    assert response.status_code == 200
    assert messages_of(response)  # the file's refusal, told
    assert not TaskReport.all_objects.exists()
    assert not Evidence.all_objects.exists()


def test_a_non_recipient_may_not_report(client, orgs, users, login, sent):
    orientation, (first, _second), _recipient = sent
    login(users.danang)
    api = client.post(
        f"{API}/{orientation.pk}/report/",
        {"organization": orgs.danang.pk, "entries": [{"task": first.pk, "progress": "done"}]},
        content_type="application/json",
    )
    assert api.status_code == 400
    assert api.json() == {"detail": [f"{orgs.danang} is not a recipient of this orientation."]}
    page = client.get(f"/documents/orientations/{orientation.pk}/report/", follow=True)
    assert messages_of(page) == [f"{orgs.danang} is not a recipient of this orientation."]
    assert not TaskReport.all_objects.exists()


def test_a_report_on_a_task_of_another_orientation_is_refused(client, orgs, users, login, sent):
    orientation, (first, _second), _recipient = sent
    other = build.task(build.orientation(orgs.central, 1), 1, title="Khác")
    login(users.hanoi)
    api = client.post(
        f"{API}/{orientation.pk}/report/",
        {
            "organization": orgs.hanoi.pk,
            "entries": [
                {"task": first.pk, "progress": "done"},
                {"task": other.pk, "progress": "done"},
            ],
        },
        content_type="application/json",
    )
    assert api.status_code == 400
    assert api.json() == {"detail": [f"The task {other} is not one of this orientation."]}
    assert not TaskReport.all_objects.exists()  # nor the first, good, entry


def test_the_api_reports(client, orgs, users, login, sent):
    orientation, (first, second), recipient = sent
    login(users.hanoi)
    api = client.post(
        f"{API}/{orientation.pk}/report/",
        {
            "organization": orgs.hanoi.pk,
            "entries": [
                {"task": first.pk, "progress": "done", "note": "Xong"},
                {"task": second.pk, "progress": "not_started"},
            ],
        },
        content_type="application/json",
    )
    assert api.status_code == 200, api.content
    progress = dict(TaskReport.objects.values_list("task_id", "progress"))
    assert progress == {first.pk: "done", second.pk: "not_started"}
    assert len(api.json()["reports"]) == 2


def test_a_generic_report_on_a_task_of_another_orientation_is_refused(
    client, orgs, users, login, sent
):
    _orientation, _tasks, recipient = sent
    other = build.task(build.orientation(orgs.central, 1), 1)
    login(users.hanoi)
    api = client.post(
        "/api/documents/orientation-reports/",
        {"recipient": recipient.pk, "task": other.pk, "progress": "done"},
        content_type="application/json",
    )
    assert api.status_code == 400
    assert api.json()["task"] == ["The task is not one of this orientation."]


def test_a_unit_may_not_add_itself_to_another_ones_orientation(client, orgs, users, login, sent):
    orientation, _tasks, _recipient = sent
    login(users.danang)
    api = client.post(
        "/api/documents/orientation-recipients/",
        {"orientation": orientation.pk, "organization": orgs.danang.pk},
        content_type="application/json",
    )
    assert api.status_code == 400
    assert "orientation" in api.json()
    assert not Recipient.all_objects.filter(organization=orgs.danang).exists()


# --- scoping -------------------------------------------------------------------------------


def test_who_sees_an_orientation(orgs, users, sent):
    orientation, _tasks, _recipient = sent
    draft = build.orientation(orgs.central, 2, status="draft", issued_on=None)
    build.recipient(Orientation.objects.get(pk=orientation.pk), orgs.danang)
    hanoi_own = build.orientation(orgs.hanoi, 3, status="draft", issued_on=None)
    visible = set(Orientation.objects.visible_to(users.hanoi).values_list("pk", flat=True))
    assert visible == {orientation.pk, hanoi_own.pk}  # not the centre's draft
    assert draft.pk in Orientation.objects.visible_to(users.central).values_list("pk", flat=True)
    reports = Recipient.objects.visible_to(users.hanoi).values_list("organization", flat=True)
    assert list(reports) == [orgs.hanoi.pk]  # not Da Nang's acknowledgement
