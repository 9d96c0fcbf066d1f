"""One write path: a record made by the web form, the API or an import gets the same steps (who
granted a reopening, who wrote a comment, the figures of a new submission, the totals of values).
"""

import pytest
from django.urls import reverse
from tablib import Dataset

from amity.core.imports import import_dataset
from amity.reporting import imports
from amity.reporting.models import Reopening, ReviewComment, Submission, Value
from tests.reporting.factories import form_with, indicator, period, submission

pytestmark = pytest.mark.django_db

CHANNELS = ("form", "api", "import")
API = "/api/reporting"


def create(channel, client, user, *, url_name, api_route, resource, data):
    """Create one record through `channel` as `user`, with `data` (field → value or id)."""
    if channel == "form":
        client.force_login(user)
        response = client.post(reverse(f"reporting:{url_name}"), data)
        assert response.status_code == 302, response.content.decode()[:2000]
    elif channel == "api":
        client.force_login(user)
        response = client.post(f"{API}/{api_route}/", data, content_type="application/json")
        assert response.status_code == 201, response.content.decode()
    else:
        dataset = Dataset(headers=list(data))
        dataset.append(list(data.values()))
        summary = import_dataset(resource, dataset, user, dry_run=False)
        assert summary["errors"] == []


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_reopening_is_granted_by_whoever_makes_it(channel, client, report, orgs, users):
    data = {
        "period": report.h1.pk,
        "organization": orgs.hanoi.pk,
        "reason": "Bão lụt",
        "expires_on": "2030-01-31",
    }
    create(
        channel,
        client,
        users.central,
        url_name="reopening_add",
        api_route="reopenings",
        resource=imports.ReopeningResource,
        data=data,
    )
    reopening = Reopening.objects.get()
    assert (reopening.organization, reopening.reason) == (orgs.hanoi, "Bão lụt")
    assert reopening.granted_by == users.central
    assert reopening.history.get().granted_by_id == users.central.pk  # in its history too


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_review_comment_is_written_by_whoever_makes_it(channel, client, report, orgs, users):
    sub = submission(orgs.hanoi, report.version, report.h1)
    data = {"submission": sub.pk, "indicator": report.items.committed.pk, "text": "Thiếu cam kết"}
    create(
        channel,
        client,
        users.central,
        url_name="reviewcomment_add",
        api_route="review-comments",
        resource=imports.ReviewCommentResource,
        data=data,
    )
    comment = ReviewComment.objects.get()
    assert (comment.submission, comment.text) == (sub, "Thiếu cam kết")
    assert comment.author == users.central


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_new_submission_starts_with_the_figures_of_the_system(
    channel, client, report, orgs, users
):
    data = {
        "organization": orgs.hanoi.pk,
        "form_version": report.version.pk,
        "period": report.h1.pk,
    }
    create(
        channel,
        client,
        users.hanoi,
        url_name="submission_add",
        api_route="submissions",
        resource=imports.SubmissionResource,
        data=data,
    )
    made = Submission.objects.get()
    prefilled = made.values.get()  # the one indicator with a figure of the system
    assert (prefilled.indicator, prefilled.source) == (report.items.partners, "system")
    assert prefilled.number == prefilled.system_number


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_value_keeps_the_totals_of_its_submission(channel, client, report, orgs, users):
    sub = submission(orgs.hanoi, report.version, report.h1, values={report.items.delegations_in: 3})
    data = {"submission": sub.pk, "indicator": report.items.delegations_out.pk, "number": "4"}
    create(
        channel,
        client,
        users.hanoi,
        url_name="value_add",
        api_route="values",
        resource=imports.ValueResource,
        data=data,
    )
    values = dict(sub.values.values_list("indicator__code", "number"))
    assert values == {"D1": 3, "D2": 4, "D3": 7}


def test_a_submission_offers_and_takes_only_published_versions(client, orgs, users):
    central = orgs.central
    published = form_with(central, "YEAR", [indicator(central, "X1")])
    draft = form_with(central, "DRAFT", [indicator(central, "X2")], published=False)
    client.force_login(users.hanoi)
    page = client.get(reverse("reporting:submission_add"))
    offered = list(page.context["form"].fields["form_version"].queryset)
    assert offered == [published.version]
    data = {
        "organization": orgs.hanoi.pk,
        "form_version": draft.version.pk,
        "period": period(draft.form).pk,
    }
    refused = client.post(f"{API}/submissions/", data, content_type="application/json")
    assert refused.status_code == 400
    assert "form_version" in refused.json()
    assert not Submission.objects.exists()
    assert not Value.objects.exists()
