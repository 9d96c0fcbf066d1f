"""The home page with the inbox (issue 21, "Speed"): a unit officer's and a central officer's
home within 150 ms at the 95th percentile, on every domain's data set at scale 1 (`amity bench
generate`), measured in-process with the test client, the two users taking turns."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import generate
from bench.harness import Figure, alternating, compared, logged_in_clients, settle_database

HOME_TARGET_MS = 150


def run(scale: float = 1.0, requests: int = 200) -> tuple[list[Figure], dict]:
    from amity.accounts.models import User
    from amity.core.inbox import inbox_of

    build = generate.build(scale)
    settle_database()
    users = [
        (role, User.objects.get(username=name))
        for role, name in (("central officer", "bench-central"), ("unit officer", "bench-unit"))
    ]
    clients = logged_in_clients(users)
    figures = []
    for (label, user), client in zip(users, clients, strict=True):
        assert client.get("/").status_code == 200  # templates compiled, as on a server
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        figures.append(Figure(f"home queries ({label})", len(queries), ""))
        figures.append(Figure(f"inbox items ({label})", inbox_of(user).total, ""))

    def getter(client):
        return lambda _index: client.get("/")

    samples = alternating([getter(client) for client in clients], range(requests))
    figures += compared("home with the inbox", users, samples, HOME_TARGET_MS)
    return build["figures"] + figures, build["parameters"]
