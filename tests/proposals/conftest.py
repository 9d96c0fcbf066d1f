"""The proposals tests read messages and pages in English (the default language is Vietnamese)."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def leaders(request):
    """The centre's leaders who approve answers (`may_approve_answers`): the system admin, as in
    the demo data, and the central officer. Neither approves an answer it drafted."""
    if "users" not in request.fixturenames:
        return
    users = request.getfixturevalue("users")
    for user in (users.admin, users.central):
        user.may_approve_answers = True
        user.save(update_fields=["may_approve_answers"])
