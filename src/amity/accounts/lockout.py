"""Log-in lockout: django-axes's database handler with a limit per user name and another per
address (settings AXES_FAILURE_LIMIT and AXES_IP_FAILURE_LIMIT)."""

import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The failures that count towards a lock, on the scale of AXES_FAILURE_LIMIT.

        axes compares one number with one limit; the address's count is scaled so that it reaches
        AXES_FAILURE_LIMIT exactly when it reaches AXES_IP_FAILURE_LIMIT.
        """
        attempts = AccessAttempt.objects.all()
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        username = get_client_username(request, credentials)
        by_username = _failures(attempts.filter(username=username)) if username else 0
        by_address = _failures(attempts.filter(ip_address=request.axes_ip_address))
        limit = get_failure_limit(request, credentials)
        return max(by_username, by_address * limit // settings.AXES_IP_FAILURE_LIMIT)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a successful log-in, forget that user's failures only.

        axes would also forget every failure from the address, so that logging in with one
        account of one's own would reset the count of guesses at the others.
        """
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def lockout_response(request, original_response=None, credentials=None):
    """429 with a Retry-After: the page for a browser, JSON for the API (token endpoint)."""
    message = _(
        "Too many failed log-in attempts. Try again in 15 minutes, or ask the system administrator."
    )
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=settings.AXES_HTTP_RESPONSE_CODE)
    else:
        response = render(
            request, settings.AXES_LOCKOUT_TEMPLATE, status=settings.AXES_HTTP_RESPONSE_CODE
        )
    cool_off = get_cool_off(request)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


def client_address(request) -> str:
    """The address a request came from, for the log-in throttle (AXES_CLIENT_IP_CALLABLE).

    Behind PROXY_COUNT reverse proxies (nginx in front of several servers), each proxy appends
    the address it received the request from to X-Forwarded-For, so the client is the
    PROXY_COUNT-th entry from the right; the entries to its left are the client's own say and
    are not trusted. Without proxies, or with a header shorter than that (a request that did not
    come through them), the connection's own address. Written here rather than through
    django-ipware, which axes would otherwise need, because this is all of it."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # not an address: whatever sent it is not one of our proxies
        return remote
