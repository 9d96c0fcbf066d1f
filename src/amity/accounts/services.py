"""Two-factor devices of a user (django-otp's TOTP)."""

import base64

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user):
    """The TOTP device being set up: made once, shown until the user confirms a code from it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="default", confirmed=False)


def provisioning_qr_data_uri(device) -> str:
    """The device's otpauth:// address as an SVG QR code, inline (no request to other hosts)."""
    svg = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def secret_for_manual_entry(device) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")
