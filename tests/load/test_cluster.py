"""Several application servers behind nginx, on loopback: the recipe of deploy/ run for real.

nginx (the Debian package, `make nginx`) with deploy/nginx.conf in front of two `amity serve`
(gunicorn) on one database and one shared upload directory, and a task worker (`amity
db_worker`). Simulated users log in through the balancer, create and edit partners, record
interactions and upload files; half way, one application server is stopped (SIGTERM, as an
upgrade does) and the run goes on through the other. Then: no error (a request refused by the
stopped server is retried, by nginx or by the client, and counted), every write found, every
uploaded file and a background export readable through both servers, and each reminder sent
once when the scheduler runs on both servers at the same moment.

`make test`: 8 users for 6 s; `make soak` (AMITY_SOAK=1): 50 users for 60 s, and the throughput
with one and with two servers (test_throughput_one_and_two_servers).
"""

import hashlib
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
import requests
from bench.harness import percentile
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection

from tests.agreements import builders
from tests.conftest import make_org, make_user
from tests.load.simulate import AMITY, Browser, Visitor, act, free_port, wait_until_up
from tests.load.test_load import check_nothing_lost, read_back, server_environment

pytestmark = [pytest.mark.load, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or next(
    (path for path in ("/usr/sbin/nginx", "/sbin/nginx") if Path(path).exists()), None
)
if NGINX is None:
    pytestmark.append(pytest.mark.skip(reason="nginx is not installed: `make nginx` installs it"))

SOAK = bool(os.environ.get("AMITY_SOAK"))
SECONDS = float(os.environ.get("AMITY_CLUSTER_SECONDS") or (60 if SOAK else 6))
USERS = 50 if SOAK else 8
PASSWORD = "cluster-load-password"
UPSTREAMS = (
    "    server app1:8000 max_fails=1 fail_timeout=10s;\n"
    "    server app2:8000 max_fails=1 fail_timeout=10s;\n"
)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@dataclass
class ClusterVisitor(Visitor):
    agreement_id: int = 0
    retries: int = 0
    #: download address → SHA-256 of the file uploaded there
    uploads: dict[str, str] = field(default_factory=dict)


class ClusterBrowser(Browser):
    """A user's session through the balancer; a request that meets a server going away (the
    connection refused or reset, or nginx's 502/503/504) is sent once more."""

    def call(self, method: str, path: str, expected: int, **kwargs):
        for attempt in range(2):
            self.visitor.requests += 1
            start = time.perf_counter()
            try:
                response = self.http.request(
                    method, self.base + path, timeout=60, allow_redirects=False, **kwargs
                )
            except requests.RequestException as error:
                problem = f"{method} {path}: {type(error).__name__}: {error}"
            else:
                if response.status_code not in (502, 503, 504):
                    break
                problem = f"{method} {path}: {response.status_code}"
            if attempt == 0:
                self.visitor.retries += 1  # type: ignore[attr-defined]
                time.sleep(0.2)
                continue
            self.visitor.errors.append(problem)
            return None
        self.visitor.latencies_ms.append((time.perf_counter() - start) * 1000)
        if response.status_code != expected:
            text = " ".join(response.text[:300].split())
            self.visitor.errors.append(f"{method} {path}: {response.status_code} {text}")
            return None
        return response


def upload(browser: ClusterBrowser, step: int) -> None:
    visitor = browser.visitor
    content = PDF + f"% load user {visitor.number} file {step}\n".encode() * (1 + step % 50)
    response = browser.call(
        "POST",
        "/api/agreements/agreement-files/",
        201,
        data={"agreement": visitor.agreement_id, "title": f"Load upload {step}"},
        files={"file": (f"load-{visitor.number}-{step}.pdf", content, "application/pdf")},
    )
    if response is not None:
        visitor.uploads[response.json()["download"]] = hashlib.sha256(content).hexdigest()  # type: ignore[attr-defined]


def run_visitor(base, visitor, deadline, start, uploads_share):
    rng = random.Random(visitor.number)
    browser = ClusterBrowser(base, visitor)
    start.wait()
    step = 0
    while time.monotonic() < deadline:
        if rng.random() < uploads_share:
            upload(browser, step)
        else:
            act(browser, rng, step)
        step += 1


def simulate(base, visitors, seconds, uploads_share=0.1, midway=None) -> float:
    """Every visitor at once for `seconds`; `midway` is called half way through."""
    start = threading.Barrier(len(visitors) + 1)
    deadline = time.monotonic() + seconds + 1
    with ThreadPoolExecutor(max_workers=len(visitors)) as pool:
        futures = [
            pool.submit(run_visitor, base, visitor, deadline, start, uploads_share)
            for visitor in visitors
        ]
        start.wait()
        began = time.monotonic()
        if midway is not None:
            pool.submit(lambda: (time.sleep(seconds / 2), midway()))
        for future in futures:
            future.result()
    return time.monotonic() - began


# --- the cluster --------------------------------------------------------------------------------


class Cluster:
    """The processes of the recipe on loopback: application servers, a worker, nginx."""

    def __init__(self, tmp_path: Path, environment: dict, workers: int, threads: int):
        self.tmp = tmp_path
        self.environment = environment
        self.workers, self.threads = workers, threads
        self.processes: dict[str, subprocess.Popen] = {}
        self.ports: dict[str, int] = {}

    def spawn(self, name: str, command: list[str], environment=None) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            command,
            env=environment or self.environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()  # the child has its own descriptor
        self.processes[name] = process
        return process

    def start_server(self, name: str) -> None:
        port = self.ports.setdefault(name, free_port())
        command = [str(AMITY), "serve", "--host", "127.0.0.1", "--port", str(port)]
        command += ["--workers", str(self.workers), "--threads", str(self.threads)]
        # gunicorn's workers add up their metrics in a directory of the server's, empty at start
        metrics = self.tmp / f"metrics-{name}"
        shutil.rmtree(metrics, ignore_errors=True)
        metrics.mkdir()
        self.spawn(name, command, {**self.environment, "PROMETHEUS_MULTIPROC_DIR": str(metrics)})

    def wait_up(self, name: str) -> None:
        wait_until_up(self.url(name), self.processes[name])

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def start_nginx(self, servers: list[str]) -> str:
        port = self.ports["nginx"] = free_port()
        site = (ROOT / "deploy" / "nginx.conf").read_text()
        assert UPSTREAMS in site and "    listen 80;\n" in site  # the recipe's shape
        upstreams = "".join(
            f"    server 127.0.0.1:{self.ports[name]} max_fails=1 fail_timeout=10s;\n"
            for name in servers
        )
        site = site.replace(UPSTREAMS, upstreams).replace(
            "    listen 80;\n", f"    listen 127.0.0.1:{port};\n"
        )
        (self.tmp / "site.conf").write_text(site)
        temp = "".join(
            f"    {kind}_temp_path {self.tmp / ('nginx-' + kind)};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        user = "user root;\n" if os.geteuid() == 0 else ""
        (self.tmp / "nginx.conf").write_text(
            f"daemon off;\n{user}worker_processes 1;\npid {self.tmp / 'nginx.pid'};\n"
            f"error_log {self.tmp / 'nginx-error.log'} warn;\n"
            "events { worker_connections 2048; }\n"
            f"http {{\n    access_log {self.tmp / 'nginx-access.log'};\n{temp}"
            f"    include {self.tmp / 'site.conf'};\n}}\n"
        )
        nginx = [NGINX, "-p", str(self.tmp), "-e", str(self.tmp / "nginx-error.log")]
        self.spawn("nginx", [*nginx, "-c", str(self.tmp / "nginx.conf")])
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base, self.processes["nginx"])
        return base

    def stop(self, name: str) -> None:
        process = self.processes[name]
        process.send_signal(signal.SIGTERM)  # gunicorn finishes the requests it has, then exits
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_all(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is None:
                self.stop(name)

    def log(self, name: str) -> str:
        return (self.tmp / f"{name}.log").read_text(errors="replace")


def served_requests(log: str) -> int:
    """The requests a server answered, from gunicorn's access log."""
    return len(re.findall(r'"[A-Z]+ /[^"]*" \d{3} ', log))


# --- the data -----------------------------------------------------------------------------------


def make_visitors(count: int) -> list[ClusterVisitor]:
    """`count` unit officers of as many provincial Unions, each with a password the production
    hasher (Argon2) checks, an e-mail address, and an agreement of its Union expiring in 30
    days (a file to upload to, and one reminder due per Union)."""
    central = make_org("Liên hiệp Trung ương", "central_union")
    hasher = Argon2PasswordHasher()
    visitors = []
    for number in range(count):
        union = make_org(f"Liên hiệp tỉnh {number}", "provincial_union", central)
        user = make_user(f"cluster-{number}", "unit_officer", union)
        user.email = f"cluster-{number}@example.org"
        user.password = hasher.encode(PASSWORD, hasher.salt())
        user.save()
        agreement = builders.in_force(union, number, ends_on=builders.TODAY + timedelta(days=30))
        visitors.append(ClusterVisitor(number, "", union.pk, 0.5, agreement_id=agreement.pk))
    return visitors


def log_in(base: str, visitor: ClusterVisitor) -> None:
    """The log-in form, through the balancer: its session must hold on every server."""
    http = requests.Session()
    page = http.get(f"{base}/accounts/login/", timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    form = {
        "username": f"cluster-{visitor.number}",
        "password": PASSWORD,
        "csrfmiddlewaretoken": token,
    }
    done = http.post(f"{base}/accounts/login/", data=form, timeout=60, allow_redirects=False)
    assert done.status_code == 302, done.text[:500]
    visitor.session_key = http.cookies["sessionid"]


def cluster_environment(tmp_path: Path) -> dict:
    media = tmp_path / "shared-media"
    media.mkdir()
    return {
        **server_environment(tmp_path),
        "MEDIA_ROOT": str(media),  # the one upload directory of every server
        "TASKS_BACKEND": "database",
        "EXPORT_INLINE_ROWS": "1",  # any export is a background job for the worker
        "PROXY_COUNT": "1",
        "PYTHONPATH": os.pathsep.join(
            [str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")]
        ),
    }


# --- the checks ---------------------------------------------------------------------------------


def check_files_on_every_server(cluster: Cluster, visitors: list[ClusterVisitor]) -> int:
    checked = 0
    for visitor in visitors:
        for name in ("app1", "app2"):
            http = requests.Session()
            http.cookies.set("sessionid", visitor.session_key, domain="127.0.0.1")
            for address, digest in visitor.uploads.items():
                response = http.get(cluster.url(name) + address, timeout=60)
                assert response.status_code == 200, (name, address)
                assert hashlib.sha256(response.content).hexdigest() == digest
                checked += 1
    return checked


def check_export_by_the_worker(cluster: Cluster, base: str, visitor: ClusterVisitor) -> None:
    """A list export long enough for a background job: the worker writes the file, both servers
    hand it out."""
    http = requests.Session()
    http.cookies.set("sessionid", visitor.session_key, domain="127.0.0.1")
    response = http.get(f"{base}/partners/partners/?export=csv", timeout=60, allow_redirects=False)
    assert response.status_code == 302, response.text[:300]
    job = re.search(r"/core/jobs/(\d+)/", response.headers["Location"]).group(1)
    deadline = time.monotonic() + 120
    while True:
        done = http.get(f"{cluster.url('app2')}/core/jobs/{job}/download/", timeout=60)
        if done.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert done.status_code == 200
    again = http.get(f"{cluster.url('app1')}/core/jobs/{job}/download/", timeout=60)
    assert again.content == done.content
    assert f"Load user {visitor.number} partner".encode() in done.content


def check_metrics(cluster: Cluster, base: str) -> None:
    """Each server's metrics, added up over its workers; never through the balancer."""
    assert requests.get(f"{base}/metrics", timeout=60).status_code == 404
    text = requests.get(f"{cluster.url('app2')}/metrics", timeout=60).text
    counted = re.search(r'django_http_responses_total_by_status_total\{status="200"\} (\S+)', text)
    assert counted and float(counted.group(1)) > 10
    assert re.search(r'django_db_execute_total\{alias="default",vendor="\w+"\} [1-9]', text)
    assert re.search(r"amity_task_queue_depth \d", text)


def start_schedulers(cluster: Cluster) -> list[subprocess.Popen]:
    """The daily reminders started on both servers at the same moment: one sends them."""
    mail = cluster.tmp / "mail"
    environment = {
        **cluster.environment,
        "DJANGO_SETTINGS_MODULE": "tests.load.cluster_settings",
        "AMITY_MAIL_DIR": str(mail),
    }
    command = [str(AMITY), "agreements_reminders", "--once"]
    return [
        subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in ("app1", "app2")
    ]


def scheduler_outputs(schedulers: list[subprocess.Popen]) -> list[str]:
    outputs = []
    for process in schedulers:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()[-2000:]
        outputs.append(out.decode())
    return outputs


def mails_sent(folder: Path) -> list[str]:
    """The addressees of every message the file backend wrote (one file per connection, the
    messages of a connection one after the other)."""
    addressees = []
    for path in sorted(folder.glob("*.log")):
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                addressees.append(message_from_bytes(chunk.strip()).get("To"))
    return addressees


# --- the tests ----------------------------------------------------------------------------------


def test_two_servers_behind_nginx_lose_nothing_when_one_stops(tmp_path):
    visitors = make_visitors(USERS)
    environment = cluster_environment(tmp_path)
    cluster = Cluster(tmp_path, environment, workers=2 if SOAK else 1, threads=4)
    try:
        for name in ("app1", "app2"):
            cluster.start_server(name)
        cluster.spawn("worker", [str(AMITY), "db_worker", "--interval", "0.2"])
        for name in ("app1", "app2"):
            cluster.wait_up(name)
        base = cluster.start_nginx(["app1", "app2"])
        for visitor in visitors:
            log_in(base, visitor)
        seconds = simulate(base, visitors, SECONDS, midway=lambda: cluster.stop("app1"))
        assert cluster.processes["app1"].returncode is not None  # it did stop
        answered_before_stop = served_requests(cluster.log("app1"))

        errors = [error for visitor in visitors for error in visitor.errors]
        assert errors[:10] == []
        check_nothing_lost(read_back(tmp_path), visitors)

        # app1 back, for the files' check through both servers; meanwhile the schedulers
        schedulers = start_schedulers(cluster)
        cluster.start_server("app1")
        cluster.wait_up("app1")
        files = check_files_on_every_server(cluster, visitors)
        uploaded = sum(len(visitor.uploads) for visitor in visitors)
        assert files == 2 * uploaded and uploaded >= USERS // 2
        rows = read_back(tmp_path)("SELECT COUNT(*) FROM agreements_agreementfile")
        assert rows[0][0] == uploaded + USERS  # and each Union's signed copy
        check_export_by_the_worker(cluster, base, visitors[0])
        check_metrics(cluster, base)

        outputs = scheduler_outputs(schedulers)
        assert sorted(output.strip().splitlines()[-1] for output in outputs) == [
            f"Reminders sent: {USERS}",
            "agreements_reminders: already run today.",
        ]
        addressees = mails_sent(tmp_path / "mail")
        assert sorted(addressees) == sorted(f"cluster-{n}@example.org" for n in range(USERS))
    finally:
        cluster.stop_all()

    for name in ("app1", "app2", "worker"):
        assert "Traceback" not in cluster.log(name), name
    served_by_app2 = served_requests(cluster.log("app2"))
    assert answered_before_stop > 0 and served_by_app2 > 0
    total = sum(visitor.requests for visitor in visitors)
    retries = sum(visitor.retries for visitor in visitors)
    samples = [sample for visitor in visitors for sample in visitor.latencies_ms]
    made = sum(len(visitor.partners) for visitor in visitors)
    print(
        f"\ncluster on {connection.vendor}: {USERS} users, {seconds:.0f} s, {total} requests "
        f"({total / seconds:.1f}/s), app1 {answered_before_stop} until stopped, app2 "
        f"{served_by_app2}; {retries} retried by the client, 0 errors; {made} partners, "
        f"{uploaded} files (each read through both servers), {USERS} reminders sent once; "
        f"median {statistics.median(samples):.0f} ms, p95 {percentile(samples, 0.95):.0f} ms"
    )


@pytest.mark.skipif(not SOAK, reason="the throughput comparison runs in `make soak`")
def test_throughput_one_and_two_servers(tmp_path):
    """The same users against one server, then two (each as large), through nginx: the
    requests per second each gives and at which p95, for docs/admin.md."""
    visitors = make_visitors(max(USERS // 2, 10))
    environment = cluster_environment(tmp_path)
    seconds = float(os.environ.get("AMITY_THROUGHPUT_SECONDS") or 30)
    results = {}
    for servers in (["app1"], ["app1", "app2"]):
        cluster = Cluster(tmp_path / str(len(servers)), environment, workers=2, threads=4)
        cluster.tmp.mkdir()
        try:
            for name in servers:
                cluster.start_server(name)
            for name in servers:
                cluster.wait_up(name)
            base = cluster.start_nginx(servers)
            for visitor in visitors:
                log_in(base, visitor)
                visitor.requests, visitor.latencies_ms, visitor.errors = 0, [], []
            took = simulate(base, visitors, seconds, uploads_share=0.05)
        finally:
            cluster.stop_all()
        samples = [sample for visitor in visitors for sample in visitor.latencies_ms]
        assert [error for visitor in visitors for error in visitor.errors][:10] == []
        results[len(servers)] = (len(samples) / took, percentile(samples, 0.95))
    for count, (rate, p95) in results.items():
        print(
            f"\n{count} server(s), {len(visitors)} users: {rate:.1f} requests/s, p95 {p95:.0f} ms"
        )
    print(f"ratio two/one: {results[2][0] / results[1][0]:.2f}")
