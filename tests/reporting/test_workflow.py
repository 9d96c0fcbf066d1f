"""The reporting workflow: entry, validation, submission, review, locks and reopenings."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from amity.partners.models import Partner, RelationshipHolder
from amity.reporting import services
from amity.reporting.choices import SubmissionState, ValueSource
from amity.reporting.models import Reopening, Submission, Value
from amity.reporting.services import Entry, WorkflowRefused
from tests.reporting.conftest import filled
from tests.reporting.factories import submission

pytestmark = pytest.mark.django_db


def enter(sub, raw: dict, by, versions=None):
    """Save as the page does: with the versions of the values when the page was read (by
    default, the current ones)."""
    if versions is None:
        versions = dict(sub.values.values_list("indicator_id", "version"))
    entries = {key: Entry(value, versions.get(key, 0)) for key, value in raw.items()}
    return services.save_entries(sub, entries, by=by)


def numbers(sub) -> dict:
    return {v.indicator.code: v.number for v in sub.values.select_related("indicator")}


def test_start_prefills_partners_from_the_system(report, orgs, users):
    for index in range(3):
        partner = Partner.objects.create(kind="ngo", name=f"NGO {index}")
        RelationshipHolder.objects.create(partner=partner, organization=orgs.hanoi_member)
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    value = sub.values.get(indicator=report.items.partners)
    assert (value.number, value.system_number, value.source) == (3, 3, ValueSource.SYSTEM)
    assert sub.form_version == report.version
    assert value.history.get().history_user == users.hanoi


def test_aid_prefill_degrades_when_the_aid_domain_gives_nothing(report, orgs, users):
    from amity.reporting.prefill import figures_for

    report.items.committed.prefill = "aid.committed_usd"
    figures = figures_for([report.items.committed], orgs.hanoi, report.h1)
    assert set(figures) <= {report.items.committed.pk}  # a figure, or none: never an error


def test_a_second_submission_for_the_same_period_is_refused(report, orgs, users):
    services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    with pytest.raises(WorkflowRefused, match="already has a submission"):
        services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    assert Submission.objects.filter(organization=orgs.hanoi).count() == 1


def test_letters_in_a_number_refuse_everything_typed(report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    before = numbers(sub)
    result = enter(sub, filled(report.items, delegations_in="ba"), users.hanoi)
    assert result.errors == {report.items.delegations_in.pk: "Enter a number: “ba” is not one."}
    assert numbers(sub) == before


def test_values_out_of_range_are_refused(report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    result = enter(
        sub, {report.items.delegations_in.pk: "-2", report.items.share.pk: "120"}, users.hanoi
    )
    assert result.errors == {
        report.items.delegations_in.pk: "The value is below the minimum of 0.",
        report.items.share.pk: "A percentage is between 0 and 100.",
    }
    assert not sub.values.filter(indicator=report.items.delegations_in).exists()


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("1.234,5", Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5")),
        ("1.500", Decimal(1500)),
        ("12,5", Decimal("12.5")),
        (" 7 ", Decimal(7)),
        ("", None),
    ],
)
def test_numbers_are_read_as_offices_type_them(raw, expected):
    assert services.parse_number(raw) == expected


def test_totals_are_computed_from_their_parts(report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    assert enter(sub, filled(report.items), users.hanoi).ok
    assert numbers(sub)["D3"] == Decimal(7)
    assert enter(sub, {report.items.delegations_out.pk: "10"}, users.hanoi).ok
    assert numbers(sub)["D3"] == Decimal(13)


def test_a_concurrent_edit_is_refused_showing_the_others_value(report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    key = report.items.delegations_in.pk
    assert enter(sub, {key: "5"}, users.hanoi).ok  # the first officer, from an empty field
    second = enter(sub, {key: "6"}, users.admin, {})  # the second read the page before that save
    conflict = second.conflicts[key]
    assert (conflict.value.number, conflict.who) == (Decimal(5), users.hanoi)
    assert numbers(sub)["D1"] == Decimal(5)
    again = enter(sub, {key: "6"}, users.admin, {key: conflict.value.version})
    assert again.ok and numbers(sub)["D1"] == Decimal(6)


def test_hard_rule_blocks_and_soft_rule_asks_for_an_explanation(report, orgs, users):
    before = submission(
        orgs.hanoi,
        report.version,
        report.h2_2024,
        SubmissionState.APPROVED,
        {report.items.partners: 4},
    )
    assert before.pk
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    assert enter(sub, filled(report.items, disbursed="1500", partners="12"), users.hanoi).ok
    with pytest.raises(WorkflowRefused) as refused:
        services.submit_submission(sub, by=users.hanoi)
    messages = [problem.message for problem in refused.value.problems]
    assert messages == [
        "Giải ngân không vượt cam kết",
        "Số đối tác thay đổi quá 50%",
        "P1 differs from the figure of the system (0): say why.",
    ]
    assert enter(sub, {report.items.disbursed.pk: "900"}, users.hanoi).ok
    with pytest.raises(WorkflowRefused) as refused:
        services.submit_submission(sub, by=users.hanoi)
    assert [p.message for p in refused.value.problems] == [
        "Số đối tác thay đổi quá 50%",
        "P1 differs from the figure of the system (0): say why.",
    ]
    partners = sub.values.get(indicator=report.items.partners)
    services.save_entries(
        sub,
        {report.items.partners.pk: Entry("12", partners.version, "Thêm 8 tổ chức sau hội nghị")},
        by=users.hanoi,
    )
    assert services.submit_submission(sub, by=users.hanoi).state == SubmissionState.SUBMITTED


def test_required_values_block_submission(report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    with pytest.raises(WorkflowRefused) as refused:
        services.submit_submission(sub, by=users.hanoi)
    assert sorted(p.message for p in refused.value.problems) == [
        "A1 is required.",
        "A2 is required.",
        "D1 is required.",
        "D2 is required.",
    ]
    assert Submission.objects.get(pk=sub.pk).state == SubmissionState.DRAFT


def _submitted(report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    assert enter(sub, filled(report.items), users.hanoi).ok
    return services.submit_submission(sub, by=users.hanoi)


def test_return_with_field_comments_then_approve_locks_the_values(report, orgs, users):
    sub = _submitted(report, orgs, users)
    assert (sub.submitted_by, sub.state) == (users.hanoi, SubmissionState.SUBMITTED)
    with pytest.raises(WorkflowRefused, match="may not review"):
        services.approve_submission(sub, by=users.hanoi)  # not one's own
    with pytest.raises(WorkflowRefused, match="Say what needs correcting"):
        services.return_submission(sub, by=users.central, comments=[(None, " ")])
    sub = services.return_submission(
        sub, by=users.central, comments=[(report.items.delegations_in, "Kiểm tra lại số đoàn")]
    )
    assert (sub.state, sub.returned_by) == (SubmissionState.RETURNED, users.central)
    comment = sub.comments.get()
    assert (comment.indicator, comment.author) == (report.items.delegations_in, users.central)
    value = sub.values.get(indicator=report.items.delegations_in)
    assert enter(sub, {value.indicator_id: "2"}, users.hanoi).ok
    sub = services.approve_submission(
        services.submit_submission(sub, by=users.hanoi), by=users.central
    )
    assert (sub.state, sub.approved_by) == (SubmissionState.APPROVED, users.central)
    assert sub.approved_at is not None and sub.comments.get().resolved
    with pytest.raises(WorkflowRefused, match="can no longer change"):
        enter(sub, {value.indicator_id: "9"}, users.hanoi)
    assert numbers(sub)["D1"] == Decimal(2)
    assert list(sub.history.values_list("state", flat=True).order_by("history_id")) == [
        "draft",
        "submitted",
        "returned",
        "submitted",
        "approved",
    ]


def test_locked_period_refuses_entry_until_reopened_for_the_organization(report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    services.set_period_lock(report.h1, locked=True, by=users.central)
    with pytest.raises(WorkflowRefused, match="locked"):
        enter(sub, filled(report.items), users.hanoi)
    with pytest.raises(WorkflowRefused, match="locked"):
        services.start_submission(orgs.danang, report.h1, by=users.danang)
    sub = Submission.objects.get(pk=sub.pk)
    with pytest.raises(WorkflowRefused, match="locked"):
        services.submit_submission(sub, by=users.hanoi)
    Reopening.objects.create(
        period=report.h1,
        organization=orgs.danang,
        reason="Bão",
        expires_on=timezone.localdate() + timedelta(days=3),
    )
    with pytest.raises(WorkflowRefused, match="locked"):  # reopened for Da Nang, not Ha Noi
        enter(Submission.objects.get(pk=sub.pk), filled(report.items), users.hanoi)
    reopening = services.reopen_period(
        report.h1, orgs.hanoi, reason="Mất điện", expires_on=timezone.localdate(), by=users.central
    )
    assert reopening.granted_by == users.central
    sub = Submission.objects.get(pk=sub.pk)
    assert enter(sub, filled(report.items), users.hanoi).ok
    Reopening.objects.filter(pk=reopening.pk).update(expires_on=date(2000, 1, 1))
    with pytest.raises(WorkflowRefused, match="locked"):
        enter(Submission.objects.get(pk=sub.pk), filled(report.items), users.hanoi)


def test_a_period_not_yet_open_refuses_a_start(report, orgs, users):
    report.h1.opens_on = timezone.localdate() + timedelta(days=10)
    report.h1.save()
    with pytest.raises(WorkflowRefused, match="opens for reporting"):
        services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)


def test_published_versions_never_change_and_copies_keep_the_design(report, users):
    from django.core.exceptions import ValidationError

    from amity.reporting.models import Section

    with pytest.raises(ValidationError):
        Section(form_version=report.version, title="Thêm", order=9).full_clean()
    copy = services.copy_version(report.version, by=users.central)
    assert (copy.number, copy.status) == (2, "draft")
    assert copy.sections.count() == 2
    assert sorted(copy.rules.values_list("message", flat=True)) == sorted(
        report.version.rules.values_list("message", flat=True)
    )
    assert services.version_indicators(copy).count() == 8
    services.publish_version(copy, by=users.central)
    report.version.refresh_from_db()
    assert (report.version.status, services.current_version(report.form)) == ("retired", copy)


def test_late_and_on_time(report, orgs, users):
    sub = submission(
        orgs.hanoi,
        report.version,
        report.h1_2024,
        SubmissionState.SUBMITTED,
        submitted_at=timezone.make_aware(timezone.datetime(2024, 7, 20)),
    )
    assert services.is_late(sub)
    sub.submitted_at = timezone.make_aware(timezone.datetime(2024, 7, 10))
    assert not services.is_late(sub)


def test_values_history_keeps_every_change(report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    key = report.items.delegations_in.pk
    enter(sub, {key: "1"}, users.hanoi)
    value = Value.objects.get(submission=sub, indicator_id=key)
    enter(sub, {key: "2"}, users.danang)
    history = value.history.order_by("history_id")
    assert [(h.number, h.history_user) for h in history] == [
        (Decimal(1), users.hanoi),
        (Decimal(2), users.danang),
    ]


def test_reports_due_and_reminders(report, orgs, users, client, login):
    from django.core import mail
    from django.core.management import call_command

    from amity.reporting.reminders import due_for

    report.h1.deadline = timezone.localdate() + timedelta(days=3)
    report.h1.save()
    assert {due.period for due in due_for(orgs.hanoi)} == {
        report.h1_2024,
        report.h2_2024,
        report.h1,
    }
    submission(orgs.hanoi, report.version, report.h1, SubmissionState.SUBMITTED)
    assert report.h1 not in {due.period for due in due_for(orgs.hanoi)}
    users.danang.email = "danang@example.org"
    users.danang.save()
    call_command("reporting_reminders")
    assert [message.to for message in mail.outbox] == [["danang@example.org"]]
    assert "Báo cáo HALF" in mail.outbox[0].body
    login(users.danang)
    assert "panel-amity-reporting-dashboard-reports-due" in client.get("/").content.decode()
