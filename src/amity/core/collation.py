"""Vietnamese alphabetical order: a, ă, â, b, c, d, đ, e, ê, … with the tones after the base
letter (a, à, ả, ã, á, ạ), where Python and SQLite compare code points (Đ after Z, "Ấn Độ" after
"Zimbabwe") and PostgreSQL's default collation ignores what a letter carries.

`sort_key(text)` turns a text into a key of lower-case ASCII letters whose plain order is the
Vietnamese one, with a whole syllable before a longer word ("An Giang" before "Anh"). Made of a-z
only, it sorts the same byte by byte (SQLite, Python) and under any database collation
(PostgreSQL's en_US or C), so that a list can be sorted by a stored key along an index, as fast
as by the name itself, on both databases. `sorted_by_name(items)` sorts in Python with the same
key: choice lists, countries by their translated name.

Search compares texts folded (`fold`): lower case, without marks, đ as d, so that "ha noi" finds
"Hà Nội". `Fold(expression)` folds in the database the same way (a function registered on each
SQLite connection, TRANSLATE on PostgreSQL), and `folded_contains(field, word)` is the search's
condition; a model that keeps a folded text of its own (a partner's `search_text`) reads that.
"""

import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import takewhile
from typing import TypeVar

from django.db.models import F, Func, TextField, Value
from django.db.models.lookups import Contains
from django.utils.translation import get_language

T = TypeVar("T")

#: the letters in Vietnamese order; f, j, w and z, of foreign words, where English puts them
ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
#: the marks that make another letter of the alphabet (ă, â, ê, ô, ơ, ư), not a tone
LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
#: the tones in dictionary order: none, huyền, hỏi, ngã, sắc, nặng
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_LEVEL_END = 0  # below everything: a shorter text first, and the tones after the letters
_SPACE = 1  # a word ends before any letter: "An Giang" before "Anh"
_DIGITS = 2  # 0-9 before the letters
_LETTERS = 20
_OTHER = 100  # letters of other scripts, by code point, after the Latin ones
_WIDTH = 3  # letters of the key per character: 26³ weights
_MAX_WEIGHT = 26**_WIDTH - 1
#: the characters of a text the key reads: enough to order any list by, and an index entry of
#: bounded size (3 letters each, and one for its tone)
KEY_CHARACTERS = 90
KEY_LENGTH = KEY_CHARACTERS * (_WIDTH + 1) + _WIDTH

_RANK = {letter: _LETTERS + rank for rank, letter in enumerate(ALPHABET)}


def _encode(weight: int) -> str:
    weight = min(weight, _MAX_WEIGHT)
    letters = []
    for _ in range(_WIDTH):
        weight, digit = divmod(weight, 26)
        letters.append(chr(ord("a") + digit))
    return "".join(reversed(letters))


def _characters(text: str) -> Iterable[tuple[str, str]]:
    """Each base character of `text` with the marks that follow it (decomposed, lower case)."""
    base, marks = "", ""
    for char in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(char):
            marks += char
            continue
        if base:
            yield base, marks
        base, marks = char, ""
    if base:
        yield base, marks


def _weight(base: str, marks: str) -> int | None:
    """The primary weight of a character, or None for one that does not count (punctuation)."""
    if base.isspace():
        return _SPACE
    if base.isdigit() and base.isascii():
        return _DIGITS + int(base)
    letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in LETTER_MARKS))
    if letter in _RANK:
        return _RANK[letter]
    if base in _RANK:  # a Latin letter with a mark Vietnamese does not use (é, ü, ñ): its base
        return _RANK[base]
    if base.isalnum():
        return _OTHER + ord(base)
    return None


def sort_key(text: str) -> str:
    """The key of `text` in Vietnamese alphabetical order (see the module's docstring)."""
    words = " ".join(text.split())[:KEY_CHARACTERS]  # runs of spaces change no order
    primary, tones = [], []
    for index, word in enumerate(words.split(" ")):
        word_primary, word_tones, leading_tone = _word_key(word)
        if index:  # the space before the word, with the marks that follow it, if any
            primary.append(_encode(_SPACE))
            tones.append(leading_tone)
        primary.append(word_primary)
        tones.append(word_tones)
    return "".join(primary) + _encode(_LEVEL_END) + "".join(tones)


# A name's words repeat across a list ("Hội", "hữu", "nghị"): an import of 20,000 partners spent
# two thirds of its time weighing the same syllables letter by letter, so each word's part of
# the key is kept once computed. The cache is bounded; a word is at most KEY_CHARACTERS long.
@lru_cache(maxsize=65_536)
def _word_key(word: str) -> tuple[str, str, str]:
    """The primary and tone parts of one word's key (no spaces in `word`), and the tone of the
    marks it starts with, which belong to the space before it."""
    primary, tones = [], []
    for base, marks in _characters(word):
        weight = _weight(base, marks)
        if weight is None:
            continue
        primary.append(_encode(weight))
        tones.append(_tone(marks))
    leading = takewhile(unicodedata.combining, unicodedata.normalize("NFD", word.casefold()))
    return "".join(primary), "".join(tones), _tone("".join(leading))


def _tone(marks: str) -> str:
    return chr(ord("a") + next((TONES[m] for m in marks if m in TONES), 0))


def sorted_by_name(items: Iterable[T], name: Callable[[T], str] = str) -> list[T]:
    """`items` in Vietnamese alphabetical order of `name(item)` (by default what it prints)."""
    return sorted(items, key=lambda item: sort_key(name(item)))


def shown_language() -> str:
    """ "vi" or "en": the language whose names a page shows (Vietnamese unless English)."""
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def shown_sort_field(prefix: str = "sort_name") -> str:
    """The stored sort key of the name shown in the active language (`sort_name_vi` / `_en`)."""
    return f"{prefix}_{shown_language()}"


class ShownSortKey(F):
    """The stored sort key of the name shown in the language of the query's moment, as an
    expression that a model's `Meta.ordering` can hold: it is resolved when each query is
    compiled, so that one declaration sorts a Vietnamese page by `sort_name_vi` and an English
    one by `sort_name_en` — lists, choice lists, exports alike."""

    def __init__(self, prefix: str = "sort_name"):
        self.prefix = prefix

    @property
    def name(self) -> str:
        return shown_sort_field(self.prefix)

    def deconstruct(self):
        return ("amity.core.collation.ShownSortKey", (self.prefix,), {})

    def __eq__(self, other):
        return isinstance(other, ShownSortKey) and other.prefix == self.prefix

    def __hash__(self):
        return hash((ShownSortKey, self.prefix))

    def __repr__(self):
        return f"ShownSortKey({self.prefix!r})"


# --- matching: search insensitive to case and marks ----------------------------------------------

#: the Latin letters with marks (Latin-1, Extended-A and B, Vietnamese's Extended Additional)
_MARKED_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
_COMBINING_MARKS = range(0x0300, 0x0370)


def _folded_letter(char: str) -> str:
    # "đ" has no decomposition: Unicode sees a letter of its own where a reader sees a d
    lower = char.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", lower)
    return "".join(mark for mark in decomposed if not unicodedata.combining(mark))


def _fold_pairs() -> dict[str, str]:
    pairs = {}
    for start, end in _MARKED_RANGES:
        for code in range(start, end + 1):
            char = chr(code)
            folded = _folded_letter(char)
            if len(folded) == 1 and folded != char:
                pairs[char] = folded
    return pairs


_FOLD_PAIRS = _fold_pairs()
#: what `fold` does to a lower-case text, as one str.translate table (marks written apart, as
#: some keyboards type them, are dropped)
_FOLD_TABLE: dict[int, str | None] = {ord(char): folded for char, folded in _FOLD_PAIRS.items()}
_FOLD_TABLE.update(dict.fromkeys(_COMBINING_MARKS))
#: the same for PostgreSQL's TRANSLATE(text, from, to): upper and lower case letters to their
#: base letter, the marks written apart (after the end of `to`) deleted
FOLD_FROM = "".join(_FOLD_PAIRS) + "".join(map(chr, _COMBINING_MARKS))
FOLD_TO = "".join(_FOLD_PAIRS.values())


def fold(text: str) -> str:
    """`text` as search compares it: lower case, without marks ("Đà Nẵng" → "da nang")."""
    return text.lower().translate(_FOLD_TABLE)


def fold_in_sqlite(value):
    """`fold` as SQLite calls it (registered as AMITY_FOLD on every connection: core.apps)."""
    return None if value is None else fold(str(value))


class Fold(Func):
    """`fold` in the database: AMITY_FOLD on SQLite, LOWER(TRANSLATE(…)) on PostgreSQL."""

    function = "AMITY_FOLD"
    arity = 1
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"LOWER(TRANSLATE(({sql})::text, %s, %s))", (*params, FOLD_FROM, FOLD_TO)


def folded_contains(field: str, word: str) -> Contains:
    """The condition "the text of `field` (a path such as `partner__name`) contains `word`",
    both folded: a filter() takes it as it takes a Q."""
    return Contains(Fold(F(field)), Fold(Value(word)))
