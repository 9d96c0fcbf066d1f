"""`amity demo`: the half-year form with its periods and submissions in every state, and the
reporting pages render for each demo user with what they may see."""

import pytest
from django.urls import reverse

from amity.accounts.models import User
from amity.reporting.choices import SubmissionState
from amity.reporting.demo import CODE
from amity.reporting.models import Form, Submission


@pytest.fixture
def demo(shared_demo):
    assert "amity.reporting.demo:" in shared_demo
    return Form.objects.get(code=CODE)


def test_demo_has_a_form_periods_and_submissions_in_every_state(demo):
    assert demo.versions.get().sections.count() >= 5
    assert demo.periods.count() == 8
    states = set(Submission.objects.filter(period__form=demo).values_list("state", flat=True))
    assert states == {
        SubmissionState.DRAFT,
        SubmissionState.SUBMITTED,
        SubmissionState.RETURNED,
        SubmissionState.APPROVED,
    }


@pytest.mark.parametrize("username", ["central", "viewer", "hanoi", "danang"])
def test_demo_reporting_pages_render_for_each_demo_user(client, demo, username):
    user = User.objects.get(username=username)
    client.force_login(user)
    client.cookies["django_language"] = "en"
    visible = Submission.objects.visible_to(user).filter(period__form=demo)
    assert visible.exists()
    if user.organization.kind == "provincial_union":  # its own, and the Unions merged into it
        paths = set(visible.values_list("organization__tree_path", flat=True))
        assert user.organization.tree_path in paths
        assert all(path.startswith(user.organization.tree_path) for path in paths)
        assert Submission.objects.filter(period__form=demo).count() > len(visible)
    reported = visible.filter(state=SubmissionState.APPROVED).select_related("period").first()
    period = reported.period
    pages = [
        reverse("reporting:form_list"),
        demo.get_absolute_url(),
        period.get_absolute_url(),
        reverse("reporting:board", args=[period.pk]),
        reverse("reporting:submission_list"),
        reported.get_absolute_url(),
        reverse("reporting:submission_print", args=[reported.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
    pivot = client.get(reverse("reporting:consolidation"), {"form": demo.pk, "period": period.pk})
    assert pivot.status_code == 200
    assert pivot.context["pivot"].rows  # figures to show, and to chart
    assert pivot.context["chart"]["series"]
    for name in ("submission_document", "submission_workbook"):
        response = client.get(reverse(f"reporting:{name}", args=[reported.pk]))
        assert response.status_code == 200 and response.content[:2] == b"PK", name


def test_demo_ha_noi_can_fill_its_open_draft(client, demo):
    hanoi = User.objects.get(username="hanoi")
    draft = Submission.objects.filter(
        organization=hanoi.organization, state=SubmissionState.DRAFT
    ).first()
    client.force_login(hanoi)
    if draft is None:  # between two periods' opening: nothing is open today
        pytest.skip("no open period today")
    page = client.get(reverse("reporting:entry", args=[draft.pk]))
    assert page.status_code == 200
    assert 'id="offline"' in page.content.decode()
