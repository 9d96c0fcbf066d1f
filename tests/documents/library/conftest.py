import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded templates and logos go to a folder of the test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
