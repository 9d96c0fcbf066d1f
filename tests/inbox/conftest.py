"""The inbox tests read messages in English and build on the reporting tests' form."""

import pytest
from django.utils import translation

from tests.reporting.conftest import report  # noqa: F401  (a fixture)


@pytest.fixture(autouse=True)
def in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield
