"""Text as search and duplicate detection compare it: no diacritics, no case, no punctuation.

anyascii (ISC licence) transliterates every script, so "Hội hữu nghị" reads "hoi huu nghi" and
"Общество дружбы" reads "obshchestvo druzhby"; Unidecode does the same under the GPL.
"""

import re

from anyascii import anyascii

NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """Lower-case ASCII words separated by single spaces."""
    if not text:
        return ""
    return NOT_WORD.sub(" ", anyascii(text).lower()).strip()


def words(text: str) -> list[str]:
    return normalise(text).split()
