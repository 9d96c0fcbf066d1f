"""Production settings pass `check --deploy`, and the security headers are sent behind TLS.

Both run in a child process with the environment of a production server (SECURE_SSL=1, a
SECRET_KEY, ALLOWED_HOSTS), since settings are read once, when the process starts.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

AMITY = Path(sys.executable).with_name("amity")
HEADERS = """
import json, django
django.setup()
from django.test import Client
client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="amity.example.org")
secure = client.get("/accounts/login/")
plain = Client(HTTP_HOST="amity.example.org").get("/accounts/login/")
print(json.dumps({"secure": [secure.status_code, dict(secure.headers)],
                  "plain": [plain.status_code, plain.headers.get("Location")]}))
"""


def production(tmp_path, **extra) -> dict:
    environment = {
        **os.environ,
        "AMITY_VAR_DIR": str(tmp_path),
        "SECURE_SSL": "1",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "amity.example.org",
        "DJANGO_SETTINGS_MODULE": "amity.settings",
        **extra,
    }
    for name in ("DEBUG", "DATABASE_URL"):
        environment.pop(name, None)
    return environment


def check_deploy(environment):
    command = [AMITY, "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)


def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    done = check_deploy(production(tmp_path))
    assert (done.returncode, done.stdout.strip()) == (
        0,
        "System check identified no issues (0 silenced).",
    )


def test_check_deploy_fails_without_tls(tmp_path):
    done = check_deploy(production(tmp_path, SECURE_SSL="0"))
    assert done.returncode == 1
    for code in ("security.W008", "security.W012", "security.W016"):
        assert code in done.stderr


def test_security_headers_behind_tls(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", HEADERS],
        env=production(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    answers = json.loads(done.stdout.strip().splitlines()[-1])
    status, headers = answers["secure"]
    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    policy = dict(
        part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    # Plain HTTP is sent to HTTPS.
    assert answers["plain"] == [301, "https://amity.example.org/accounts/login/"]
