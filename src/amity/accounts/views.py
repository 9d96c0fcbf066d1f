from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from amity.accounts.forms import TokenForm
from amity.accounts.models import ApiToken
from amity.accounts.services import (
    confirmed_device,
    create_api_token,
    pending_device,
    provisioning_qr_data_uri,
    secret_for_manual_entry,
)
from amity.core.forms import style_widgets


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        style_widgets(form)
        return form


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = "/"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        style_widgets(form)
        return form

    def form_valid(self, form):
        messages.success(self.request, _("Your password was changed."))
        return super().form_valid(form)


def _safe_next(request) -> str:
    target = request.GET.get("next") or request.POST.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


@login_required
def two_factor(request):
    """Check a code from a confirmed device, or set one up (required for system admins)."""
    device = confirmed_device(request.user)
    setting_up = device is None
    if setting_up:
        device = pending_device(request.user)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        if setting_up:
            device.confirmed = True
            device.save()
            messages.success(request, _("Two-factor authentication is set up."))
        otp_login(request, device)
        return redirect(_safe_next(request))
    context = {"form": form, "setting_up": setting_up, "next": _safe_next(request)}
    if setting_up:
        context.update(qr=provisioning_qr_data_uri(device), secret=secret_for_manual_entry(device))
    return render(request, "accounts/two_factor.html", context)


@login_required
def api_tokens(request):
    """The user's own API tokens: when each was made, last used and expires; never the key,
    except once, on the page that answers making a new one (rendered, not redirected to, so
    that the key is kept nowhere: not in the session's messages, not in a URL)."""
    new_key = None
    if request.method == "POST":
        _token, new_key = create_api_token(request.user)
    tokens = ApiToken.objects.live().filter(user=request.user)
    context = {
        "tokens": tokens,
        "lifetime_days": settings.API_TOKEN_LIFETIME_DAYS,
        "new_key": new_key,
    }
    return render(request, "accounts/api_tokens.html", context)


@login_required
@require_POST
def api_token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.delete()
    messages.success(request, _("The token %(prefix)s… was revoked.") % {"prefix": token.prefix})
    return redirect("accounts:api_tokens")
