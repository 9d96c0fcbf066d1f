"""Two-factor devices of a user (django-otp's TOTP) and API tokens."""

import base64
import hashlib
import secrets
from datetime import timedelta

import segno
from django.conf import settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from amity.accounts.models import ApiToken


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user):
    """The TOTP device being set up: made once, shown until the user confirms a code from it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="default", confirmed=False)


def provisioning_qr_data_uri(device) -> str:
    """The device's otpauth:// address as an SVG QR code, inline (no request to other hosts).
    segno's data URI, not its inline SVG: an SVG drawn as an image needs its xmlns, which the
    inline form leaves out, and a browser then shows nothing."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=4)


def secret_for_manual_entry(device) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_token(user) -> tuple[ApiToken, str]:
    """A new token for `user` and its key, which is shown this once and never stored."""
    key = secrets.token_hex(20)
    ApiToken.objects.filter(user=user, expires_at__lte=timezone.now()).delete()
    days = settings.API_TOKEN_LIFETIME_DAYS
    token = ApiToken.objects.create(
        user=user,
        digest=_digest(key),
        prefix=key[:8],
        expires_at=timezone.now() + timedelta(days=days) if days else None,
    )
    return token, key


def token_for_key(key: str) -> ApiToken | None:
    """The live token with this key, or None: an expired one is as good as none."""
    return ApiToken.objects.live().select_related("user").filter(digest=_digest(key)).first()


def note_token_use(token: ApiToken) -> None:
    """Remember when a token was last used, writing at most once a minute per token."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def revoke_api_tokens(user) -> int:
    """Delete every API token of `user`, as after a new password."""
    count, _ = ApiToken.objects.filter(user=user).delete()
    return count
