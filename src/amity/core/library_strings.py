"""Strings that libraries show on our pages without a Vietnamese translation of their own.

Listed here so that `makemessages` puts them in Amity's catalogue, which Django consults first.
"""

from django.utils.translation import gettext_noop

LIBRARY_STRINGS = [
    gettext_noop("next"),  # django-tables2 pagination
    gettext_noop("previous"),
    gettext_noop("No results found"),
]
