"""Amity against a peer CRM, side by side (issue 22): `python bench/run.py --suite peer --no-save`.

The peer is DjangoCRM (`django-crm-admin` on PyPI), installed by this script into a virtual
environment of its own (`PEER_VENV`, default `var/peer-venv`), never into the project's: the
newest release whose pinned Django installs on this Python is taken, and why the newer ones
were not is printed. Its pinned MySQL driver (mysqlclient) is left out: it compiles against
MySQL's headers, which this machine lacks, and neither SQLite nor PostgreSQL needs it.

Both systems get the same data on the same engine: the 100,000 partners `bench/partners.py`
generates (its names; the peer's companies keep Amity's ids, the Vietnamese name as the
"alternative name") and 100,000 contacts, one per partner, of the same generated names.
SQLite with Amity's pragmas (WAL, synchronous NORMAL), or PostgreSQL when DATABASE_URL is set
(the peer gets a database of its own beside it). Each is served by gunicorn, 2 workers × 4
threads; 8 clients request each page for a while, the two systems taking turns in rounds, so
that the machine's other work falls on both alike. Pairs: Amity's partner list against the
peer's company list (25 rows a page each: the peer's 100 is set to 25), the search for a name
(its list with `q`), the partner page against the company page. Then 20 queries of four kinds
(5 each) count in each system whether the intended record is on the first page.
"""

import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import unicodedata
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

import requests as http_requests
from django.conf import settings

from bench.harness import Figure, free_port, percentile, settle_database, timed

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "django-crm-admin"
#: its pinned requirements left out, and why (printed with the results)
LEFT_OUT = {"mysqlclient": "the MySQL driver compiles against MySQL's headers; not needed here"}
CLIENTS = 8
WORKERS, THREADS = 2, 4
ROWS_PER_PAGE = 25
GOAL = 2.0  # Amity at least 2× faster at p95 on every pair
FIRST_NAMES = "An Bình Chi Dũng Hà Hương Lan Minh Nam Phương Quân Thảo Trang Tuấn Vy".split()
FAMILY_NAMES = "Nguyễn Trần Lê Phạm Hoàng Smith Müller Dubois Tanaka Kim Rossi Novák".split()

PEER_SETTINGS = """
from webcrm.settings import *  # noqa
import os
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [*INSTALLED_APPS, "peer_tweaks"]
if os.environ.get("PEER_DATABASE_URL", "").startswith("postgres"):
    from urllib.parse import urlparse
    url = urlparse(os.environ["PEER_DATABASE_URL"])
    DATABASES = {"default": {
        "ENGINE": "django.db.backends.postgresql", "NAME": url.path.lstrip("/"),
        "USER": url.username or "", "PASSWORD": url.password or "",
        "HOST": url.hostname or "", "PORT": url.port or 5432, "CONN_MAX_AGE": 60}}
else:
    DATABASES = {"default": {
        "ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["PEER_SQLITE"],
        "CONN_MAX_AGE": 60, "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;",
            "transaction_mode": "IMMEDIATE", "timeout": 20}}}
"""
PEER_TWEAKS = f"""
from django.apps import AppConfig


class PeerTweaks(AppConfig):
    name = "peer_tweaks"

    def ready(self):
        # the same rows per page as Amity's list (the peer ships 100)
        from crm.site.companyadmin import CompanyAdmin
        CompanyAdmin.list_per_page = {ROWS_PER_PAGE}
"""
PEER_LOAD = """
import json, sys, django
django.setup()
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from crm.models import Company, Contact
rows = json.load(open(sys.argv[1]))
user = get_user_model().objects.filter(is_superuser=True).first()
Company.objects.all().delete()
Company.objects.bulk_create(
    [Company(id=pk, full_name=name, alternative_names=name_vi[:100], owner=user)
     for pk, name, name_vi, _first, _last in rows], batch_size=2000)
Contact.objects.bulk_create(
    [Contact(company_id=pk, first_name=first, last_name=last, owner=user)
     for pk, _name, _name_vi, first, last in rows], batch_size=2000)
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


# --- the peer's installation ----------------------------------------------------------------


def venv_dir() -> Path:
    return Path(os.environ.get("PEER_VENV", ROOT / "var" / "peer-venv"))


def pip(venv: Path, *arguments, check=True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", *arguments],
        capture_output=True,
        text=True,
        check=check,
    )


def install_peer() -> dict:
    """The newest release of the peer that installs on this Python, in its own venv:
    {"version", "django", "skipped": {version: why}} (or "error" when none installs)."""
    venv = venv_dir()
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    listed = pip(venv, "index", "versions", PACKAGE, check=False).stdout
    found = re.search(r"Available versions: (.*)", listed)
    if not found:
        return {"error": f"the package registry lists no {PACKAGE}: {listed.strip()[-300:]}"}
    skipped = {}
    for version in [v.strip() for v in found.group(1).split(",")]:
        requirements = requirements_of(venv, version)
        django = next((r for r in requirements if r.lower().startswith("django==")), "Django")
        wanted = [r for r in requirements if r.split("==")[0].lower() not in LEFT_OUT]
        trial = pip(venv, "install", "--dry-run", "--quiet", django, check=False)
        if trial.returncode:
            why = [line for line in trial.stderr.splitlines() if "Requires-Python" in line]
            skipped[version] = f"{django} does not install on Python {sys.version.split()[0]}" + (
                " (it requires a newer Python)" if why else f": {trial.stderr.strip()[-200:]}"
            )
            continue
        installed = pip(venv, "show", PACKAGE, check=False).stdout
        if f"Version: {version}\n" not in installed:
            pip(venv, "install", "--quiet", "--no-deps", f"{PACKAGE}=={version}")
            pip(venv, "install", "--quiet", *wanted, "gunicorn", "psycopg[binary]")
        return {"version": version, "django": django, "skipped": skipped, "left_out": LEFT_OUT}
    return {"error": "no release installs on this Python", "skipped": skipped}


def requirements_of(venv: Path, version: str) -> list[str]:
    """The pinned requirements of one release, from its wheel's metadata."""
    folder = venv / "wheels"
    pip(venv, "download", "--quiet", "--no-deps", "-d", str(folder), f"{PACKAGE}=={version}")
    wheel = next(folder.glob(f"django_crm_admin-{version}-*.whl"))
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode()
    return [
        line.split(":", 1)[1].strip().split(";")[0].strip()
        for line in metadata.splitlines()
        if line.startswith("Requires-Dist:")
    ]


def peer_site(venv: Path) -> Path:
    """Where the peer's project sits (its wheel installs `webcrm`, `crm`, … top-level)."""
    found = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import webcrm, os; print(os.path.dirname(os.path.dirname(webcrm.__file__)))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(found.stdout.strip())


def peer_environment(work: Path) -> dict:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO")}
    environment.update(
        DJANGO_SETTINGS_MODULE="peer_settings",
        PYTHONPATH=str(work),
        PEER_SQLITE=str(work / "peer.sqlite3"),
    )
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        environment["PEER_DATABASE_URL"] = (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}_crm"
        )
    return environment


def set_up_peer(venv: Path, rows: list) -> tuple[Path, dict, str]:
    """The peer's settings, database and data: (work folder, environment, session key)."""
    work = Path(settings.VAR_DIR) / "peer"
    shutil.rmtree(work, ignore_errors=True)
    (work / "peer_tweaks").mkdir(parents=True)
    (work / "peer_settings.py").write_text(PEER_SETTINGS)
    (work / "peer_tweaks" / "__init__.py").write_text("")
    (work / "peer_tweaks" / "apps.py").write_text(PEER_TWEAKS)
    (work / "load.py").write_text(PEER_LOAD)
    (work / "rows.json").write_text(json.dumps(rows))
    environment = peer_environment(work)
    if "PEER_DATABASE_URL" in environment:
        recreate_postgres_database(environment["PEER_DATABASE_URL"])
    python = str(venv / "bin" / "python")
    manage = str(peer_site(venv) / "manage.py")
    environment_setup = {**environment, "DJANGO_SUPERUSER_PASSWORD": "peer-bench"}
    subprocess.run(
        [python, manage, "setupdata"],
        env=environment_setup,
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    )
    loaded = subprocess.run(
        [python, str(work / "load.py"), str(work / "rows.json")],
        env=environment,
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    )
    return work, environment, loaded.stdout.strip().splitlines()[-1]


def recreate_postgres_database(url: str) -> None:
    from django.db import connection

    name = url.rsplit("/", 1)[1]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')


# --- the data --------------------------------------------------------------------------------


def add_contacts(rng) -> list:
    """One contact per partner in Amity (its search text joins the contact's name, as the
    contact writer does); the rows the peer loads: (id, name, name_vi, first, last)."""
    from django.db import connection, transaction

    from amity.partners.models import Contact, Partner
    from amity.partners.text import normalise

    partners = list(
        Partner.objects.order_by("pk").values_list("pk", "name", "name_vi", "search_text")
    )
    rows, contacts, texts = [], [], []
    for pk, name, name_vi, text in partners:
        first, last = rng.choice(FIRST_NAMES), rng.choice(FAMILY_NAMES)
        rows.append((pk, name, name_vi, first, last))
        contacts.append(Contact(partner_id=pk, full_name=f"{last} {first}"))
        texts.append((f"{text} {normalise(f'{last} {first}')}", pk))
    # One transaction (in autocommit each of the 100,000 updates is a commit of its own), and
    # on SQLite the full-text index rebuilt once instead of by its trigger on every row: the
    # trigger's delete and insert of each row's trigrams took over 20 minutes at 100,000.
    with transaction.atomic():
        Contact.objects.bulk_create(contacts, batch_size=5000)
        with connection.cursor() as cursor, full_text_trigger_off(cursor):
            cursor.executemany("UPDATE partners_partner SET search_text = %s WHERE id = %s", texts)
    return rows


@contextmanager
def full_text_trigger_off(cursor):
    """On SQLite with the partners' FTS5 index: its update trigger dropped, then put back and
    the index rebuilt from the table (the migration's own statements)."""
    from amity.core.queries import sqlite_has_table

    fts = import_module("amity.partners.migrations.0004_sqlite_full_text_index")
    if not sqlite_has_table(fts.INDEX):
        yield
        return
    update_trigger = next(statement for statement in fts.CREATE if "_update AFTER" in statement)
    cursor.execute(f"DROP TRIGGER IF EXISTS {fts.INDEX}_update")
    yield
    cursor.execute(update_trigger)
    cursor.execute(f"INSERT INTO {fts.INDEX}({fts.INDEX}) VALUES ('rebuild')")


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def misspell(word: str, rng) -> str:
    """A letter dropped or two swapped, away from the first letter (as a hurried typist)."""
    if len(word) < 4:
        return word + word[-1]
    at = rng.randint(1, len(word) - 2)
    if rng.random() < 0.5:
        return word[:at] + word[at + 1 :]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def quality_queries(rows, rng) -> list[tuple[str, str, int]]:
    """20 queries (kind, text, intended id), 5 of each kind; the intended name is whole."""
    chosen = rng.sample(rows, 20)
    queries = []
    for number, (pk, name, name_vi, _first, _last) in enumerate(chosen):
        words = name.split()
        if number < 5:
            queries.append(
                (
                    "lower case, words reordered",
                    " ".join([*words[1:3], words[0], words[3]]).lower(),
                    pk,
                )
            )
        elif number < 10:
            queries.append(("Vietnamese name without diacritics", strip_marks(name_vi).lower(), pk))
        elif number < 15:
            at = rng.randint(0, 2)
            words[at] = misspell(words[at], rng)
            queries.append(("one misspelt word", " ".join(words), pk))
        else:
            for at in rng.sample(range(3), 2):
                words[at] = misspell(words[at], rng)
            queries.append(("two misspelt words", " ".join(words), pk))
    return queries


# --- serving and measuring -----------------------------------------------------------------


def serve(command, environment, cwd=None) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        env=environment,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(url: str, cookies: dict, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if http_requests.get(url, cookies=cookies, timeout=30).status_code == 200:
                return
        except (http_requests.ConnectionError, http_requests.Timeout):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer 200 within {seconds} s")


def hammer(base: str, cookies: dict, paths: list[str], seconds: float) -> list[float]:
    """CLIENTS clients requesting `paths` in turn for `seconds`: latencies (ms)."""
    samples, failures, deadline = [], [], time.monotonic() + seconds

    def client(offset):
        http = http_requests.Session()
        for name, value in cookies.items():
            http.cookies.set(name, value, domain="127.0.0.1")
        number = offset
        while time.monotonic() < deadline:
            path = paths[number % len(paths)]
            number += CLIENTS
            start = time.perf_counter()
            response = http.get(base + path, timeout=120, allow_redirects=False)
            samples.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                failures.append((path, response.status_code))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, f"{len(failures)} failed requests, e.g. {failures[:3]}"
    return samples


def first_page(base, cookies, path, link: str) -> list[int]:
    """The ids of the records the first page of results links to, in order (once each)."""
    response = http_requests.get(base + path, cookies=cookies, timeout=120)
    assert response.status_code == 200, (path, response.status_code)
    return list(dict.fromkeys(int(pk) for pk in re.findall(link, response.text)))


def run(scale: float = 1.0, requests: int = 200, seconds: float | None = None):
    from amity.accounts.models import User
    from amity.core.management.commands.serve import gunicorn_command
    from bench import partners as partner_bench
    from bench.pages import server_environment, session_cookie

    installed = install_peer()
    print(f"\npeer: {json.dumps(installed, ensure_ascii=False)}")
    rng = random.Random(partner_bench.SEED + 22)
    # The partners as `bench/partners.py` generates them (same seed, same names), without its
    # 500,000 interactions: the peer gets no such records, and both hold the same rows.
    partners = max(50, int(100_000 * scale))
    _central, unions, _officer, _unit = partner_bench.make_federation()
    seconds, _ids = timed(
        partner_bench.make_partners, random.Random(partner_bench.SEED), partners, unions
    )
    figures = [Figure(f"generate {partners:,} partners", seconds, "s")]
    seconds, rows = timed(add_contacts, rng)
    figures.append(Figure(f"generate {len(rows):,} contacts", seconds, "s"))
    settle_database()
    parameters = {
        "partners": partners,
        "scale": scale,
        "contacts": len(rows),
        "clients": CLIENTS,
        "workers": WORKERS,
        "threads": THREADS,
        "rows_per_page": ROWS_PER_PAGE,
        "peer": installed,
    }
    if "error" in installed:
        figures.append(Figure("peer not installed", 0, "", note=installed["error"]))
        return figures, parameters
    venv = venv_dir()
    work, peer_env, peer_session = set_up_peer(venv, rows)
    seconds = seconds or max(3.0, min(20.0, requests / 20))
    rounds = 3
    amity_port, peer_port = free_port(), free_port()
    amity = serve(gunicorn_command("127.0.0.1", amity_port, WORKERS, THREADS), server_environment())
    peer = serve(
        [
            str(venv / "bin" / "gunicorn"),
            "webcrm.wsgi:application",
            "--bind",
            f"127.0.0.1:{peer_port}",
            "--workers",
            str(WORKERS),
            "--threads",
            str(THREADS),
            "--no-control-socket",
        ],
        peer_env,
        cwd=work,
    )
    amity_base, peer_base = f"http://127.0.0.1:{amity_port}", f"http://127.0.0.1:{peer_port}"
    amity_cookies = {
        settings.SESSION_COOKIE_NAME: session_cookie(User.objects.get(username="bench-central"))
    }
    peer_cookies = {"sessionid": peer_session}
    peer_list = "/en/123/crm/company/"
    try:
        wait_for(amity_base + "/partners/partners/", amity_cookies)
        wait_for(peer_base + peer_list, peer_cookies)
        ids = [row[0] for row in rows]
        pages = max(1, min(40, len(rows) // ROWS_PER_PAGE))
        numbers = [rng.randint(1, pages) for _ in range(50)]
        terms = search_terms(rows, rng)
        details = rng.sample(ids, 50)
        pairs = [
            (
                "list",
                [f"/partners/partners/?page={n}" for n in numbers],
                [f"{peer_list}?p={n}" for n in numbers],
            ),
            (
                "search",
                [f"/partners/partners/?q={t}" for t in terms],
                [f"{peer_list}?q={t}" for t in terms],
            ),
            (
                "detail",
                [f"/partners/partners/{pk}/" for pk in details],
                [f"{peer_list}{pk}/change/" for pk in details],
            ),
        ]
        for name, amity_paths, peer_paths in pairs:
            hammer(amity_base, amity_cookies, amity_paths[:8], 1)  # warm every worker
            hammer(peer_base, peer_cookies, peer_paths[:8], 1)
            ours, theirs, spreads = [], [], []
            for _round in range(rounds):  # in turns: the machine's noise falls on both
                taken = hammer(amity_base, amity_cookies, amity_paths, seconds)
                given = hammer(peer_base, peer_cookies, peer_paths, seconds)
                ours += taken
                theirs += given
                spreads.append(percentile(given, 0.95) / percentile(taken, 0.95))
            figures += pair_figures(name, ours, theirs, seconds * rounds, spreads)
        figures += quality(rows, rng, amity_base, amity_cookies, peer_base, peer_cookies, peer_list)
    finally:
        for server in (amity, peer):
            server.terminate()
        for server in (amity, peer):
            server.wait(timeout=30)
    parameters.update(seconds_per_turn=seconds, rounds=rounds)
    return figures, parameters


def search_terms(rows, rng) -> list[str]:
    """Names as an officer types them for the timed search: two words of a name, lower case."""
    terms = []
    for _ in range(50):
        words = rng.choice(rows)[1].lower().split()
        terms.append("+".join(words[:2]))
    return terms


def pair_figures(name, ours, theirs, seconds, spreads) -> list[Figure]:
    ratio = percentile(theirs, 0.95) / percentile(ours, 0.95)
    return [
        Figure(f"{name}: Amity p50", statistics.median(ours), "ms"),
        Figure(f"{name}: peer p50", statistics.median(theirs), "ms"),
        Figure(f"{name}: Amity p95", percentile(ours, 0.95), "ms"),
        Figure(f"{name}: peer p95", percentile(theirs, 0.95), "ms"),
        Figure(f"{name}: Amity requests per second", len(ours) / seconds, "req/s"),
        Figure(f"{name}: peer requests per second", len(theirs) / seconds, "req/s"),
        Figure(
            f"{name}: peer p95 / Amity p95",
            ratio,
            "×",
            GOAL,
            "min",
            note="rounds: " + ", ".join(f"{s:.2f}" for s in spreads),
        ),
    ]


def quality(rows, rng, amity_base, amity_cookies, peer_base, peer_cookies, peer_list):
    from urllib.parse import quote_plus

    hits: dict[str, list[int]] = {}
    for kind, text, pk in quality_queries(rows, rng):
        query = f"?q={quote_plus(text)}"
        ours = first_page(
            amity_base,
            amity_cookies,
            f"/partners/partners/{query}",
            r'href="/partners/partners/(\d+)/"',
        )
        theirs = first_page(
            peer_base, peer_cookies, f"{peer_list}{query}", r"/crm/company/(\d+)/change/"
        )
        counts = hits.setdefault(kind, [0, 0, 0, 0, 0])
        counts[0] += pk in ours
        counts[1] += ours[:1] == [pk]
        counts[2] += pk in theirs
        counts[3] += theirs[:1] == [pk]
        counts[4] += 1
        print(f"  {kind:38} {text!r:42} Amity {rank(ours, pk)}, peer {rank(theirs, pk)}")
    figures = []
    for kind, (ours, ours_first, theirs, theirs_first, total) in hits.items():
        figures += [
            Figure(f"{kind}: found on page 1, Amity (of {total})", ours, "hits", theirs, "min"),
            Figure(f"{kind}: found on page 1, peer (of {total})", theirs, "hits"),
            Figure(
                f"{kind}: found first, Amity (of {total})", ours_first, "hits", theirs_first, "min"
            ),
            Figure(f"{kind}: found first, peer (of {total})", theirs_first, "hits"),
        ]
    return figures


def rank(found: list[int], pk: int) -> str:
    if pk in found:
        return f"#{found.index(pk) + 1} of {len(found)}"
    return f"missed ({len(found)} others: {found[:3]})"


if __name__ == "__main__":  # pragma: no cover - run through bench/run.py
    sys.exit(f"Run it with: python {Path(__file__).parent / 'run.py'} --suite peer --no-save")
