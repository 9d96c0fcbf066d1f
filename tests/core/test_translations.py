"""Every string a user can see is translated into Vietnamese (the default language)."""

import re
from pathlib import Path

from babel.messages.extract import extract_python
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import amity

CATALOGUE = Path(amity.__file__).parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def test_the_vietnamese_catalogue_is_complete():
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    messages = [message for message in catalogue if message.id]
    untranslated = [message.id for message in messages if not message.string]
    fuzzy = [message.id for message in messages if message.fuzzy]
    assert len(messages) > 300
    assert untranslated == []
    assert fuzzy == []


def _entries(messages) -> dict:
    # A plural entry's id and translations are sequences (lists when read from a .mo).
    def key(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {key(m.id): key(m.string) for m in messages if m.id}


def test_the_compiled_catalogue_matches_the_source():
    with CATALOGUE.open("rb") as handle:
        source = _entries(read_po(handle))
    with CATALOGUE.with_suffix(".mo").open("rb") as handle:
        compiled = _entries(read_mo(handle))
    assert compiled == source


SOURCE = Path(amity.__file__).parent
KEYWORDS = {"_": None, "gettext": None, "gettext_lazy": None, "gettext_noop": None}
TEMPLATE_STRING = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.+?)\1""")


def _python_messages():
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        with path.open("rb") as handle:
            for _line, _function, message, _comments in extract_python(
                handle, KEYWORDS.keys(), [], {}
            ):
                if isinstance(message, str):
                    yield path, message


def _template_messages():
    for path in SOURCE.rglob("*.html"):
        if "vendor" in path.parts:
            continue
        for match in TEMPLATE_STRING.finditer(path.read_text(encoding="utf-8")):
            yield path, match.group(2)


def test_every_marked_string_is_in_the_catalogue():
    """A string marked for translation but missing from the .po shows in English: run
    `make messages` and translate it."""
    with CATALOGUE.open("rb") as handle:
        known = {message.id for message in read_po(handle) if message.id}
    found = list(_python_messages()) + list(_template_messages())
    assert len(found) > 300
    missing = sorted({message for _path, message in found if message not in known})
    assert missing == []
