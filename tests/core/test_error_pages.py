"""The error pages: the site's layout, a way home, in both languages; 500 without the database."""

from datetime import date

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from amity.partners.models import Interaction, Partner, RelationshipHolder

pytestmark = pytest.mark.django_db


@pytest.fixture
def danang_partner(orgs):
    partner = Partner.objects.create(kind="ngo", name="Da Nang Friends", sensitivity="restricted")
    RelationshipHolder.objects.create(partner=partner, organization=orgs.danang)
    return partner


def layout(html):
    """What every page of the site has: the skip link, the bar with its menu, the main part."""
    return (
        'href="#content"' in html
        and 'class="navbar navbar-expand-lg navbar-dark bg-amity' in html
        and '<main id="content"' in html
    )


@pytest.mark.parametrize(
    ("language", "title", "home"),
    [
        ("vi", "Không tìm thấy trang này", "Về trang chủ"),
        ("en", "This page cannot be found", "Back to the home page"),
    ],
)
def test_a_record_of_another_branch_is_the_sites_404(
    client, users, danang_partner, language, title, home
):
    client.force_login(users.hanoi)
    response = client.get(danang_partner.get_absolute_url(), {"lang": language})
    assert response.status_code == 404
    html = response.content.decode()
    assert layout(html)
    assert f'<html lang="{language}">' in html
    assert title in html
    assert f'href="/"><i class="bi bi-house" aria-hidden="true"></i> {home}</a>' in html
    assert 'id="menu-network"' in html  # the signed-in user's menu, as on any page
    assert "Da Nang Friends" not in html  # nothing of the record leaks


@pytest.mark.parametrize(
    ("language", "title", "grants"),
    [
        ("vi", "Bạn không được phép làm việc này", "Quyền truy cập do cán bộ của"),
        ("en", "You may not do this", "Access is granted by an officer of"),
    ],
)
def test_a_record_seen_but_not_editable_is_the_sites_403(
    client, users, orgs, language, title, grants
):
    # A Ha Noi officer sees a partner Da Nang holds (not restricted) but may not change it.
    partner = Partner.objects.create(kind="ngo", name="Shared Friends")
    RelationshipHolder.objects.create(partner=partner, organization=orgs.danang)
    client.force_login(users.hanoi)
    response = client.get(reverse("partners:partner_edit", args=[partner.pk]), {"lang": language})
    assert response.status_code == 403
    html = response.content.decode()
    assert layout(html)
    assert title in html
    assert grants in html
    assert str(orgs.hanoi) in html  # who to ask: an officer of the user's own organization
    assert 'href="/"' in html


def test_an_interaction_of_another_branch_is_404_to_every_method(client, users, orgs):
    partner = Partner.objects.create(kind="ngo", name="Da Nang only", sensitivity="restricted")
    RelationshipHolder.objects.create(partner=partner, organization=orgs.danang)
    meeting = Interaction.objects.create(
        partner=partner, organization=orgs.danang, occurred_on=date(2026, 3, 4), kind="meeting"
    )
    client.force_login(users.hanoi)
    for response in (
        client.get(meeting.get_absolute_url()),
        client.post(reverse("partners:interaction_edit", args=[meeting.pk])),
    ):
        assert response.status_code == 404
        assert layout(response.content.decode())


@pytest.mark.parametrize(
    ("language", "title"),
    [("vi", "Đã có lỗi ở phía hệ thống"), ("en", "Something went wrong on our side")],
)
def test_the_500_page_renders_with_no_request_and_no_query(language, title):
    with translation.override(language), CaptureQueriesContext(connection) as queries:
        html = render_to_string("500.html")  # as django.views.defaults.server_error does
    assert queries.captured_queries == []
    assert 'href="#content"' in html and '<main id="content"' in html and "bg-amity" in html
    assert f'<html lang="{language}">' in html
    assert title in html
    assert 'href="/"' in html
