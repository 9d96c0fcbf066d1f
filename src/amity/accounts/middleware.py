from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# What an admin who has given the password but not yet the second factor may reach: the way in
# (log-in, the two-factor step and the token endpoint, which asks for the code itself), the way
# out, and the probes. Named views, not path prefixes: a prefix such as /accounts/ let the
# password be changed with the password alone.
EXEMPT_VIEWS = frozenset(
    {"accounts:login", "accounts:logout", "accounts:two_factor", "api:token", "healthz", "readyz"}
)


class RequireTwoFactorMiddleware:
    """A system admin must pass a TOTP check before anything else (DESIGN: admins see all)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # In process_view the address is resolved, so the exemption goes by the view's name.
        user = request.user
        if (
            not user.is_authenticated
            or not user.requires_two_factor
            or user.is_verified()
            or request.resolver_match.view_name in EXEMPT_VIEWS
        ):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": _("Two-factor verification is required.")}, status=403)
        return redirect(f"{reverse('accounts:two_factor')}?next={request.path}")
