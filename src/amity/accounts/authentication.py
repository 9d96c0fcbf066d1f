"""`Authorization: Token <key>` for the API, with the keys of accounts.ApiToken."""

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from amity.accounts.services import note_token_use, token_for_key


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's header parsing, our tokens: a key unknown, expired or revoked is a 401."""

    def authenticate_credentials(self, key):
        token = token_for_key(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("The token is not valid or has expired."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("The user is inactive."))
        note_token_use(token)
        return token.user, token

    def authenticate_header(self, request):
        """`Token` for a request that sent a token, so that a bad one is a 401; none otherwise.

        DRF asks the first authentication class for this header and answers 403 without one. This
        class comes first so that a refused token is a 401, while a request that sent no
        credentials keeps its 403.
        """
        sent = authentication.get_authorization_header(request).split()[:1]
        if sent and sent[0].lower() == self.keyword.lower().encode():
            return super().authenticate_header(request)
        return None
