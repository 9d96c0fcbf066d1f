"""The year in one picture and the annual review for every demo user, in both languages."""

import io
from datetime import date

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from docx import Document

from amity.accounts.models import User
from tests.conftest import log_in

DAY = date(2026, 12, 7)
# the day the other apps' demo tests read it on, so that one load serves them all
pytestmark = pytest.mark.demo_on(DAY)

TITLES = {
    "vi": ("Toàn cảnh năm", "BÁO CÁO TỔNG KẾT NĂM 2025"),
    "en": ("The year in one picture", "ANNUAL REVIEW OF 2025"),
}


@pytest.mark.parametrize("username", ["admin", "central", "viewer", "hanoi", "danang"])
def test_every_demo_user_sees_the_year_and_drafts_its_review(client, shared_demo, username):
    user = User.objects.get(username=username)
    if user.requires_two_factor:  # the administrator's second factor, as if passed
        TOTPDevice.objects.get_or_create(user=user, name="default", defaults={"confirmed": True})
    log_in(client, user)
    for language, (page_title, review_title) in TITLES.items():
        response = client.get(reverse("overview:dashboard"), {"year": 2025, "lang": language})
        assert response.status_code == 200
        assert page_title in response.content.decode()
        data = response.context["data"]
        shown = {figure.key: figure for figure in data.figures}
        if user.sees_everything:
            assert data.organization is None
            # the demo network has partners, aid and events in 2025
            assert shown["partners_active"].current > 0
            assert shown["aid_disbursed"].current > 0
            assert shown["events"].current > 0
        else:
            assert data.organization == user.organization
        response = client.get(reverse("overview:review"), {"year": 2025, "lang": language})
        assert response.status_code == 200
        text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
        assert review_title in text
