from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

EXEMPT_PREFIXES = ("/accounts/", "/static/", "/healthz", "/api/auth/")


class RequireTwoFactorMiddleware:
    """A system admin must pass a TOTP check before anything else (DESIGN: admins see all)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.requires_two_factor
            and not user.is_verified()
            and not request.path.startswith(EXEMPT_PREFIXES)
            and not getattr(request, "auth_by_token", False)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": _("Two-factor verification is required.")}, status=403
                )
            return redirect(f"{reverse('accounts:two_factor')}?next={request.path}")
        return self.get_response(request)
