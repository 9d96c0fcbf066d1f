"""The register's tests read messages and pages in English (the default language is
Vietnamese)."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
