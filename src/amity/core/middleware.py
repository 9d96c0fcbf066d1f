"""Request handling shared by every page: the language, the idle session, the security headers,
the cache policy."""

import time

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

SESSION_LANGUAGE_KEY = "amity_language"
SESSION_REFRESHED_KEY = "amity_refreshed"


class IdleSessionMiddleware:
    """Sessions expire after SESSION_COOKIE_AGE without a request.

    SESSION_SAVE_EVERY_REQUEST would give that by writing the session row on every request:
    a write, and on SQLite the database's one write lock, for each page read. The expiry is
    moved on only once SESSION_REFRESH_SECONDS have passed since it last was, so an idle
    session ends within that margin of its age and reading pages writes nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if session.session_key:  # a session that exists already; a new one is saved anyway
            now = int(time.time())
            if now - session.get(SESSION_REFRESHED_KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[SESSION_REFRESHED_KEY] = now
        return self.get_response(request)


def mark_session_refreshed(sender, request, user, **kwargs):
    """A log-in saves the session anyway: its expiry starts there, not at the next page."""
    request.session[SESSION_REFRESHED_KEY] = int(time.time())


class LanguageMiddleware:
    """Vietnamese unless the user chose English with `?lang=en` or the switch in the header.

    Django's LocaleMiddleware would follow the browser's Accept-Language; the federation's
    default is Vietnamese whatever the browser says, so the choice comes only from the user and
    sticks to the session (and to a cookie, so the log-in page remembers it too).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.GET.get("lang")
        if chosen not in self.available:
            chosen = None
        language = (
            chosen
            or request.session.get(SESSION_LANGUAGE_KEY)
            or request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        )
        if language not in self.available:
            language = settings.LANGUAGE_CODE
        if chosen:
            request.session[SESSION_LANGUAGE_KEY] = chosen
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if chosen:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, chosen, max_age=365 * 24 * 3600, samesite="Lax"
            )
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


STRICT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'"
)
# The API's documentation pages (Swagger UI, served from drf-spectacular-sidecar) start
# themselves with an inline script; they get that allowance and nothing else.
DOCS_POLICY = STRICT_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


class ContentSecurityPolicyMiddleware:
    """Scripts only from this server: no inline script, no other host (the intranet has none)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = DOCS_POLICY if request.path.startswith("/api/docs") else STRICT_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        return response


class PrivateResponsesMiddleware:
    """Nothing Amity answers is kept by a cache: neither a proxy between the user and the
    server nor the browser's disk, where the next user of a shared office computer could read
    it. Pages, API answers, exports, downloads and calendar feeds of a signed-in user (or of a
    token or a feed's secret address) are `no-store, private` whatever the view said; an
    anonymous answer (the log-in page) too unless its view chose a policy. Static files are
    served by WhiteNoise before this runs and stay cacheable."""

    POLICY = "no-store, private"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)  # the token's user, once the API has read it
        personal = (user is not None and user.is_authenticated) or request.path.startswith("/api/")
        if personal or "Cache-Control" not in response:
            response.headers["Cache-Control"] = self.POLICY
        return response
