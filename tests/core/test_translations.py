"""Every string a user can see is translated into Vietnamese (the default language)."""

from pathlib import Path

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


def test_the_compiled_catalogue_matches_the_source():
    with CATALOGUE.open("rb") as handle:
        source = {m.id: m.string for m in read_po(handle) if m.id}
    with CATALOGUE.with_suffix(".mo").open("rb") as handle:
        compiled = {m.id: m.string for m in read_mo(handle) if m.id}
    assert compiled == source
