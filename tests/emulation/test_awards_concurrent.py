"""Two people edit the same award proposal (or decision) in the browser's form: the first save
wins, the second is refused with the conflict message and writes nothing (the API's 409 is
tested in test_probe_awards_review)."""

import pytest
from django.urls import reverse

from amity.emulation import models
from tests.emulation import awards_builders as build
from tests.emulation.test_awards import decision

pytestmark = pytest.mark.django_db


def opened_version(client, url) -> int:
    """The version the edit form carries when a person opens it."""
    page = client.get(url)
    assert page.status_code == 200
    return int(page.context["form"]["version"].value())


def conflict_of(response) -> list[str]:
    assert response.status_code == 200  # the form again, not a redirect
    return list(response.context["form"].non_field_errors())


def test_a_proposal_edited_by_two_people(client, orgs, users, login):
    proposal = build.proposal(orgs, orgs.hanoi)
    url = reverse("emulation:awardproposal_edit", args=[proposal.pk])
    login(users.hanoi)
    hanoi_version = opened_version(client, url)
    login(users.central)
    central_version = opened_version(client, url)
    common = {
        "organization": orgs.hanoi.pk,
        "award_form": proposal.award_form_id,
        "year": 2026,
        "nominee_organization": orgs.hanoi.pk,
    }
    login(users.hanoi)
    first = client.post(
        url, {**common, "achievements": "Thành tích của Hà Nội", "version": hanoi_version}
    )
    assert first.status_code == 302
    history = proposal.history.count()
    login(users.central)
    second = client.post(
        url,
        {**common, "year": 2025, "achievements": "Bản của Trung ương", "version": central_version},
    )
    assert conflict_of(second) == [
        "hanoi saved a newer version while you were editing. Your changes were not saved."
    ]
    proposal.refresh_from_db()
    assert (proposal.achievements, proposal.year, proposal.version) == (
        "Thành tích của Hà Nội",
        2026,
        hanoi_version + 1,
    )
    assert proposal.history.count() == history
    # the form shown again carries the version now stored: a deliberate second try saves
    assert int(second.context["form"].data["version"]) == proposal.version


def test_a_decision_edited_by_two_people(client, orgs, users, login):
    record = decision(orgs, number="5/QĐ")
    url = reverse("emulation:awarddecision_edit", args=[record.pk])
    login(users.central)
    central_version = opened_version(client, url)
    login(users.admin)
    admin_version = opened_version(client, url)
    common = {
        "organization": orgs.central.pk,
        "award_form": record.award_form_id,
        "decided_on": "01/05/2026",
        "signer_position": "Chủ tịch",
    }
    login(users.central)
    first = client.post(
        url,
        {**common, "number": "5/QĐ-LH", "signer_name": "Phan Anh Sơn", "version": central_version},
    )
    assert first.status_code == 302
    login(users.admin)
    second = client.post(
        url,
        {**common, "number": "6/QĐ", "signer_name": "Nguyễn Phương Nga", "version": admin_version},
    )
    assert conflict_of(second) == [
        "central saved a newer version while you were editing. Your changes were not saved."
    ]
    record.refresh_from_db()
    assert (record.number, record.signer_name, record.version) == (
        "5/QĐ-LH",
        "Phan Anh Sơn",
        central_version + 1,
    )
    assert not models.AwardDecision.objects.filter(number="6/QĐ").exists()
    assert record.history.count() == 2  # created, then the first save only
