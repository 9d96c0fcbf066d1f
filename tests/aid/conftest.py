"""Fixtures the aid tests share: the merged Hải Phòng and Hải Dương Unions with their aid."""

from tests.aid.test_aid import merged  # noqa: F401
