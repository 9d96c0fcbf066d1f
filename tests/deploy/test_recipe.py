"""The deployment recipe of deploy/, checked without a container engine (none on the machine that
tests): the compose file parses and runs what docs/admin.md says, nginx balances the two
application servers, the systemd units start the commands that exist, and every variable the
example environment names is one the settings read. tests/load/test_cluster.py runs nginx.conf."""

import re
from pathlib import Path

import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_compose_runs_nginx_two_servers_a_worker_postgresql_and_optional_minio():
    services = compose()["services"]
    assert set(services) == {
        "db",
        "migrate",
        "app1",
        "app2",
        "worker",
        "scheduler",
        "nginx",
        "minio",
    }
    assert services["minio"]["profiles"] == ["minio"]
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    amity = ("migrate", "app1", "app2", "worker", "scheduler")
    for name in amity:  # one image, one configuration, one shared upload volume
        assert services[name]["image"] == "amity:latest"
        assert services[name]["env_file"] == "amity.env"
        assert services[name]["volumes"] == ["media:/var/lib/amity/media"]
    assert "command" not in services["app1"] and "command" not in services["app2"]
    assert services["worker"]["command"][:2] == ["amity", "db_worker"]
    assert services["app1"]["depends_on"]["migrate"] == {
        "condition": "service_completed_successfully"
    }
    assert "./nginx.conf:/etc/nginx/conf.d/default.conf:ro" in services["nginx"]["volumes"]
    assert set(compose()["volumes"]) == {"pgdata", "media", "minio"}


def test_every_command_of_the_recipe_exists():
    commands = get_commands()
    services = compose()["services"]
    used = [services["migrate"]["command"][1], services["worker"]["command"][1]]
    used += re.findall(r"do amity (\w+);", services["scheduler"]["command"][2])
    units = "".join(path.read_text() for path in (DEPLOY / "systemd").iterdir())
    used += re.findall(r"bin/amity (\w+)", units)
    assert set(used) == {
        "migrate",
        "db_worker",
        "serve",
        "schedule",
    }
    assert all(name in commands for name in used)


def test_nginx_balances_both_servers_and_keeps_metrics_inside():
    site = (DEPLOY / "nginx.conf").read_text()
    assert re.findall(r"server (app\d):8000", site) == ["app1", "app2"]
    assert "location = /metrics { return 404; }" in site
    assert "proxy_pass http://amity;" in site
    # a POST already sent is never sent twice
    assert not re.search(r"^\s*proxy_next_upstream[^;]*non_idempotent", site, re.MULTILINE)


def test_the_image_serves_and_checks_readiness():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert 'CMD ["amity", "serve", "--host", "0.0.0.0", "--port", "8000"]' in dockerfile
    assert "/readyz" in dockerfile
    assert (DEPLOY / "entrypoint.sh").stat().st_mode & 0o111


def test_the_systemd_units():
    server = (DEPLOY / "systemd" / "amity@.service").read_text()
    assert "--port %i" in server and "PROMETHEUS_MULTIPROC_DIR=/run/amity-%i" in server
    timer = (DEPLOY / "systemd" / "amity-schedule.timer").read_text()
    assert "OnCalendar=*-*-* 07:00:00" in timer and "Persistent=true" in timer


def test_the_example_environment_names_only_settings_that_exist():
    settings_text = (ROOT / "src" / "amity" / "settings.py").read_text()
    read = set(re.findall(r'env(?:\.\w+)?\(\s*"(\w+)"', settings_text))
    serve = ROOT / "src" / "amity" / "core" / "management" / "commands" / "serve.py"
    read |= set(re.findall(r'_from_env\("(\w+)"', serve.read_text()))
    example = (DEPLOY / "amity.env.example").read_text()
    named = set(re.findall(r"^#? ?([A-Z_][A-Z0-9_]+)=", example, re.MULTILINE))
    assert named and named <= read, named - read
