"""Every demo user's inbox, in both languages: each item opens for its user (a page the user
may see), and the notifications the demo's steps made are listed."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from amity.accounts.models import User
from amity.core.inbox import inbox_of
from tests.conftest import log_in


@pytest.mark.parametrize("username", ["admin", "central", "viewer", "hanoi", "danang"])
def test_each_demo_users_inbox_opens_where_it_is_done(client, shared_demo, username):
    user = User.objects.get(username=username)
    if user.requires_two_factor:
        TOTPDevice.objects.get_or_create(user=user, name="default", defaults={"confirmed": True})
    log_in(client, user)
    items = inbox_of(user).items
    if username == "viewer":
        assert items == []
    else:
        assert items, f"{username} has nothing to do in the demo"
    for item in items:
        assert client.get(item.url).status_code == 200, (item.kind, item.url)
    for language in ("vi", "en"):
        assert client.get(f"/?lang={language}").status_code == 200
        assert client.get(reverse("inbox:notifications")).status_code == 200


def test_the_demo_steps_notified_someone(shared_demo):
    from amity.inbox.models import Notification

    assert Notification.objects.filter(recipient__username="central").exists()
