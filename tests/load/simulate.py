"""Simulated users against Amity served the way production serves it: `amity serve` (gunicorn) on
loopback, each user a thread with its own session cookie, mixing page reads (partner list,
search, detail, home) and writes through the API (create and edit partners, record
interactions). Every answer is checked; what each user wrote is remembered so that the
database can be compared with it afterwards.
"""

import random
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests

AMITY = Path(sys.executable).with_name("amity")
SEARCH_WORDS = ["load", "friendship", "peace", "mekong", "user", "zzz-nothing"]


@dataclass
class Visitor:
    """One simulated user: its session, its organization, and what it did."""

    number: int
    session_key: str
    organization_id: int
    writes_share: float
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    #: partner id → the website its last successful edit wrote (the name it was created with
    #: until then)
    partners: dict[int, str] = field(default_factory=dict)
    interactions: int = 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(environment: dict, log_path: Path, workers: int, threads: int):
    """`amity serve` on a free loopback port until the block ends; yields its base URL."""
    port = free_port()
    command = [
        str(AMITY),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--threads",
        str(threads),
    ]
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            command,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base, server)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def wait_until_up(base: str, server, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped with status {server.returncode}")
        try:
            if requests.get(f"{base}/healthz", timeout=30).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):  # a worker still loading the app
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {seconds} s")


class Browser:
    """A user's HTTP session: the session cookie, a CSRF token for the API's writes."""

    CSRF = "loadtestcsrfsecret0123456789abcd"  # any 32 letters and digits are a valid secret

    def __init__(self, base: str, visitor: Visitor):
        self.base = base
        self.visitor = visitor
        self.http = requests.Session()
        self.http.cookies.set("sessionid", visitor.session_key, domain="127.0.0.1")
        self.http.cookies.set("csrftoken", self.CSRF, domain="127.0.0.1")
        self.http.headers["X-CSRFToken"] = self.CSRF

    def call(self, method: str, path: str, expected: int, **kwargs):
        self.visitor.requests += 1
        start = time.perf_counter()
        try:
            response = self.http.request(
                method, self.base + path, timeout=60, allow_redirects=False, **kwargs
            )
        except requests.RequestException as error:
            self.visitor.errors.append(f"{method} {path}: {type(error).__name__}: {error}")
            return None
        self.visitor.latencies_ms.append((time.perf_counter() - start) * 1000)
        if response.status_code != expected:
            text = " ".join(response.text[:300].split())
            self.visitor.errors.append(f"{method} {path}: {response.status_code} {text}")
            return None
        return response


def act(browser: Browser, rng: random.Random, step: int) -> None:
    """One action of a user: a write with the visitor's share of writes, else a read."""
    visitor = browser.visitor
    if rng.random() < visitor.writes_share or not visitor.partners:
        choice = rng.random()
        if choice < 0.4 or not visitor.partners:
            name = f"Load user {visitor.number} partner {step}"
            body = {
                "kind": "ngo",
                "name": name,
                "country": rng.choice(["FR", "JP", "US"]),
                "sensitivity": "internal",
            }
            response = browser.call("POST", "/api/partners/partners/", 201, json=body)
            if response is not None:
                visitor.partners[response.json()["id"]] = ""
        elif choice < 0.7:
            pk = rng.choice(list(visitor.partners))
            website = f"https://load.example/{visitor.number}/{step}"
            path = f"/api/partners/partners/{pk}/"
            read = browser.call("GET", path, 200)  # an update carries the version it read
            headers = {"If-Match": read.headers["ETag"]} if read is not None else {}
            if (
                browser.call("PATCH", path, 200, json={"website": website}, headers=headers)
                is not None
            ):
                visitor.partners[pk] = website
        else:
            body = {
                "partner": rng.choice(list(visitor.partners)),
                "kind": "meeting",
                "organization": visitor.organization_id,
                "occurred_on": "2026-01-15",
                "summary": f"Load user {visitor.number} meeting {step}",
            }
            if browser.call("POST", "/api/partners/interactions/", 201, json=body) is not None:
                visitor.interactions += 1
        return
    choice = rng.random()
    if choice < 0.35:
        browser.call("GET", f"/partners/partners/?page={rng.randint(1, 3)}", 200)
    elif choice < 0.65:
        browser.call("GET", f"/partners/partners/?q={rng.choice(SEARCH_WORDS)}", 200)
    elif choice < 0.9:
        browser.call("GET", f"/partners/partners/{rng.choice(list(visitor.partners))}/", 200)
    else:
        browser.call("GET", "/", 200)


def run_visitor(base: str, visitor: Visitor, deadline: float, start: threading.Barrier):
    rng = random.Random(visitor.number)
    browser = Browser(base, visitor)
    start.wait()
    step = 0
    while time.monotonic() < deadline:
        act(browser, rng, step)
        step += 1
    return visitor


def simulate(base: str, visitors: list[Visitor], seconds: float) -> float:
    """Run every visitor at once for `seconds`; returns the seconds it really took."""
    start = threading.Barrier(len(visitors) + 1)
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(visitors)) as pool:
        deadline = time.monotonic() + seconds + 1
        futures = [pool.submit(run_visitor, base, visitor, deadline, start) for visitor in visitors]
        start.wait()
        began = time.monotonic()
        for future in futures:
            future.result()
    return time.monotonic() - began
