"""The data-entry page tells what stops a report (issue 16, fault 5) and can be read by anyone:
the fields of a broken rule are marked and listed, one message says what happened, every
explanation is named after its indicator, and a sent report is shown read-only."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from amity.reporting import services
from amity.reporting.choices import SubmissionState
from tests.reporting.conftest import filled
from tests.reporting.factories import submission
from tests.reporting.test_pages import post_entries

pytestmark = pytest.mark.django_db


def control(html: str, indicator) -> str:
    """The opening tag of the control of `indicator` on the page."""
    match = re.search(rf'<(?:input|select|textarea)[^>]*\bid="i-{indicator.pk}"[^>]*>', html)
    assert match, f"no control for {indicator.code}"
    return match.group(0)


def test_a_refused_submit_names_and_marks_the_fields_of_the_broken_rule(
    client, login, report, orgs, users
):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    items = report.items
    login(users.hanoi)
    url = reverse("reporting:entry", args=[sub.pk])
    raw = filled(items, committed="1000", disbursed="2000")  # "disbursed ≤ committed" broken
    response = client.post(url, {**post_entries(raw, sub), "submit": "1"})

    assert response.status_code == 302
    assert response["Location"] == f"{url}?problems=1#entry-summary"
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert said == [
        "Saved, but not submitted: 1 problem must be corrected first; it is listed below."
    ]
    sub.refresh_from_db()
    assert sub.state == SubmissionState.DRAFT
    assert sub.values.get(indicator=items.disbursed).number == 2000  # saved all the same

    html = client.get(f"{url}?problems=1").content.decode()
    summary = html[
        html.index('id="entry-summary"') : html.index("</div>", html.index("entry-summary"))
    ]
    assert f'href="#i-{items.disbursed.pk}"' in summary
    assert f'href="#i-{items.committed.pk}"' in summary
    assert "Giải ngân không vượt cam kết" in summary
    for indicator in (items.disbursed, items.committed):
        tag = control(html, indicator)
        assert 'aria-invalid="true"' in tag
        assert f'aria-describedby="error-{indicator.pk}"' in tag
        error = re.search(rf'<div[^>]*id="error-{indicator.pk}"[^>]*>([^<]*)</div>', html)
        assert error and error.group(1) == "Giải ngân không vượt cam kết"
    assert 'aria-invalid="true"' not in control(html, items.delegations_in)


def test_the_submit_button_of_a_correct_report_says_one_thing(client, login, report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    login(users.hanoi)
    url = reverse("reporting:entry", args=[sub.pk])
    response = client.post(url, {**post_entries(filled(report.items), sub), "submit": "1"})
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Saved and submitted."]


def test_each_explanation_is_named_after_its_indicator(client, login, report, orgs, users):
    sub = services.start_submission(orgs.hanoi, report.h1, by=users.hanoi)
    login(users.hanoi)
    html = client.get(reverse("reporting:entry", args=[sub.pk])).content.decode()
    labels = re.findall(r'name="c-\d+"[^>]*aria-label="([^"]*)"', html)
    expected = [
        f"Explanation — {item.display_name}"
        for item in (
            report.items.partners,
            report.items.delegations_in,
            report.items.delegations_out,
            report.items.committed,
            report.items.disbursed,
            report.items.share,
        )
    ]
    assert sorted(labels) == sorted(expected)


def test_a_submitted_report_is_shown_read_only(client, login, report, orgs, users):
    sub = submission(orgs.hanoi, report.version, report.h1, state=SubmissionState.SUBMITTED)
    login(users.hanoi)
    html = client.get(reverse("reporting:entry", args=[sub.pk])).content.decode()
    fieldset = re.search(r'<fieldset[^>]*id="entry-fields"[^>]*>', html).group(0)
    assert " disabled" in fieldset
    assert 'name="save"' not in html and 'name="submit"' not in html
    assert "hx-post" not in html
