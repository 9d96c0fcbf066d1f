"""The API's JSON parser: DRF's, refusing what the rest of the stack cannot take with a 400."""

import re

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

#: deeper than any request the API documents (a few levels); Python's own parser would give up
#: with a RecursionError (a 500) at about a thousand
MAX_DEPTH = 32
#: a UTF-16 surrogate left alone by a `\ud800` escape: no text encoding can store it, so the
#: database, the error message echoing it and the JSON answer would each fail on it
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class SafeJSONParser(JSONParser):
    """JSON nested deeper than MAX_DEPTH, or with a lone surrogate in any text, is a 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(too_deep()) from error
        check_json(data)
        return data


def too_deep() -> str:
    return _("The JSON is nested more than %(depth)s levels deep.") % {"depth": MAX_DEPTH}


def check_json(value, depth: int = 0) -> None:
    """Raise ParseError when `value` nests deeper than MAX_DEPTH or holds a lone surrogate."""
    if depth > MAX_DEPTH:
        raise ParseError(too_deep())
    if isinstance(value, str):
        if LONE_SURROGATE.search(value):
            raise ParseError(
                _(
                    "The JSON holds a lone UTF-16 surrogate (\\ud800 to \\udfff), "
                    "which is no character."
                )
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            check_json(key, depth + 1)
            check_json(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_json(item, depth + 1)
