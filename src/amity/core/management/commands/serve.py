"""`amity serve`: the web server of `make run` and of a small installation.

It runs the WSGI application under gunicorn (static files come from whitenoise, which is in the
middleware); where gunicorn cannot run (Windows) it falls back to Django's own server.
"""

import importlib.util
import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def _from_env(name: str, default: int) -> int:
    text = os.environ.get(name)
    if not text:
        return default
    try:
        return _positive(text)
    except ValueError:
        raise CommandError(f"{name} must be a positive number, not {text!r}.") from None


def _gunicorn_has_setting(name: str) -> bool:
    try:
        from gunicorn.config import KNOWN_SETTINGS
    except ImportError:
        return False
    return any(setting.name == name for setting in KNOWN_SETTINGS)


def gunicorn_command(host: str, port: int, workers: int, threads: int) -> list[str]:
    """The command line that serves Amity with gunicorn: the venv's script, else the module."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    script = Path(sys.executable).with_name("gunicorn")
    program = [str(script)] if script.is_file() else [sys.executable, "-m", "gunicorn"]
    command = [
        *program,
        "amity.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--access-logfile",
        "-",
        "--graceful-timeout",
        "10",
    ]
    if _gunicorn_has_setting("control_socket_disable"):
        # gunicorn 25.1+ opens a control socket in $HOME, one path for every instance of the user
        # (and fails where $HOME is not writable); Amity does not use it.
        command.append("--no-control-socket")
    return command


class Command(BaseCommand):
    help = "Serve Amity over HTTP with gunicorn (static files by whitenoise)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
        )
        parser.add_argument(
            "--port", type=int, default=None, help="port (default: $PORT, else 8000)"
        )
        parser.add_argument(
            "--workers",
            type=_positive,
            default=None,
            help="worker processes (default: $WEB_CONCURRENCY, else 2)",
        )
        parser.add_argument(
            "--threads", type=_positive, default=4, help="threads per worker (default 4)"
        )

    def handle(self, *args, **options):
        host = options["host"]
        port = options["port"] if options["port"] is not None else _from_env("PORT", 8000)
        if not 0 < port < 65536:
            raise CommandError(f"Not a port: {port}")
        workers = options["workers"] or _from_env("WEB_CONCURRENCY", 2)
        threads = options["threads"]
        shown_host = f"[{host}]" if ":" in host else host
        self.stdout.write(f"Amity: http://{shown_host}:{port}/")
        self.stdout.flush()

        # The server must load the same settings as this command did.
        if settings.SETTINGS_MODULE:
            os.environ["DJANGO_SETTINGS_MODULE"] = settings.SETTINGS_MODULE
        if os.name == "posix" and importlib.util.find_spec("gunicorn") is not None:
            command = gunicorn_command(host, port, workers, threads)
            self.stdout.write(f"gunicorn, {workers} workers of {threads} threads; Ctrl-C stops it.")
            self.stdout.flush()
            sys.stderr.flush()
            os.execvp(command[0], command)
        # No gunicorn here: Django's own server, for which whitenoise serves the static files.
        self.stdout.write("gunicorn is not available: Django's own server; Ctrl-C stops it.")
        call_command("runserver", f"{shown_host}:{port}", use_reloader=False, use_threading=True)
