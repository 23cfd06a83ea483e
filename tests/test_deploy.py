"""The container file and the compose example, checked as far as this machine can (no Docker daemon
and no image registry here): what they say is read and held against the repository, and the
container's command is run for real outside a container."""

from __future__ import annotations

import fnmatch
import os
import re
import shlex
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from sqlalchemy.engine import make_url

from models.settings import ROOT
from tests.e2e.servers import free_port

APP_SERVICES = ("app", "app2")
PORT = "8501"
NEEDED = ("app.py", "pages/needs.py", "ui/common.py", "strategy/__main__.py", "models/migrations/env.py",
          "alembic.ini", "data/sample_strategy.json", "docs/METHOD.md", ".streamlit/config.toml",
          "requirements.txt", "scripts/container_start.sh")  # fmt: skip


def dockerfile() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (INSTRUCTION, arguments), continuation lines joined."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [(line.split()[0].upper(), line.partition(" ")[2].strip()) for line in lines if line and line[0] != "#"]


def arguments(instruction: str) -> list[str]:
    return [args for name, args in dockerfile() if name == instruction]


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_the_image_is_slim_python_311_and_serves_as_a_user_who_is_not_root():
    assert re.fullmatch(r"python:3\.11-slim(-\w+)?", arguments("FROM")[0])
    names = [name for name, _ in dockerfile()]
    [user] = arguments("USER")
    assert user not in {"root", "0"}
    assert names.index("USER") < names.index("CMD")  # the app runs as that user
    assert any(f"useradd --create-home --uid 10001 {user}" in run for run in arguments("RUN"))


def test_the_image_installs_the_pinned_requirements():
    assert "requirements.txt ." in arguments("COPY")
    assert any("pip install -r requirements.txt" in run for run in arguments("RUN"))
    lines = [line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    unpinned = [line for line in lines if line and not re.fullmatch(r"[\w.\[\]-]+==[\w.]+", line)]
    assert unpinned == []


def test_the_image_listens_on_all_interfaces_and_checks_streamlits_health_endpoint():
    env = " ".join(arguments("ENV"))
    assert "STREAMLIT_SERVER_ADDRESS=0.0.0.0" in env and f"STREAMLIT_SERVER_PORT={PORT}" in env
    assert arguments("EXPOSE") == [PORT]
    [health] = arguments("HEALTHCHECK")
    assert f"http://127.0.0.1:{PORT}/_stcore/health" in health


def test_the_container_command_upgrades_the_database_then_serves_the_app():
    [command], [workdir] = arguments("CMD"), arguments("WORKDIR")
    [script] = yaml.safe_load(command)  # the exec form is a JSON list
    path = ROOT / Path(script).relative_to(workdir)  # the image's WORKDIR holds the repository
    assert path.is_file() and os.access(path, os.X_OK)
    steps = [shlex.split(line) for line in path.read_text().splitlines() if line and not line.startswith("#")]
    assert steps.index(["python", "-m", "strategy", "init"]) < steps.index(
        ["exec", "python", "-m", "streamlit", "run", "app.py"]
    )


def test_the_build_context_leaves_out_local_data_and_keeps_what_the_app_reads():
    patterns = [p for p in (ROOT / ".dockerignore").read_text().splitlines() if p and not p.startswith("#")]
    assert {".venv", "instance", ".git", ".env"} <= set(patterns)
    for needed in NEEDED:
        assert (ROOT / needed).exists(), needed
        parts = Path(needed).parts
        blocked = [p for p in patterns for n in range(1, len(parts) + 1) if fnmatch.fnmatch("/".join(parts[:n]), p)]
        assert blocked == [], f"{needed} is left out of the image by {blocked}"


def test_compose_runs_postgres_15_on_a_volume_and_reports_when_it_is_ready():
    postgres = compose()["services"]["postgres"]
    assert postgres["image"] == "postgres:15"
    volume, _, mounted = postgres["volumes"][0].partition(":")
    assert mounted == "/var/lib/postgresql/data" and volume in compose()["volumes"]
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])


@pytest.mark.parametrize("name", APP_SERVICES)
def test_each_app_server_is_the_image_wired_to_that_postgres(name: str):
    services = compose()["services"]
    app, postgres = services[name], services["postgres"]["environment"]
    assert app["build"] == "." and app["image"] == services["app"]["image"]
    url = make_url(app["environment"]["DATABASE_URL"])
    assert (url.drivername, url.host, url.port) == ("postgresql+psycopg", "postgres", 5432)
    assert (url.username, url.database) == (postgres["POSTGRES_USER"], postgres["POSTGRES_DB"])
    assert url.password == postgres["POSTGRES_PASSWORD"]  # the same ${POSTGRES_PASSWORD…} on both sides
    assert app["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_the_balancer_keeps_each_browser_on_one_healthy_server():
    lb = compose()["services"]["lb"]
    assert {name: lb["depends_on"][name]["condition"] for name in APP_SERVICES} == dict.fromkeys(
        APP_SERVICES, "service_healthy"
    )
    source, _, target = lb["volumes"][0].partition(":")
    assert target == "/etc/caddy/Caddyfile:ro"
    caddyfile = (ROOT / source).read_text()
    upstreams = re.search(r"reverse_proxy ([^{]+)\{", caddyfile)
    assert upstreams and upstreams[1].split() == [f"{name}:{PORT}" for name in APP_SERVICES]
    assert re.search(r"^\s*lb_policy cookie \w+", caddyfile, re.MULTILINE)  # sticky sessions
    assert re.search(r"^\s*health_uri /_stcore/health$", caddyfile, re.MULTILINE)


def test_the_container_command_brings_up_a_healthy_app_on_a_new_database(tmp_path: Path):
    """The script the image runs, run here: schema created, sample loaded, server healthy."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env |= {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        "WORKBENCH_SQLITE_PATH": str(tmp_path / "container.db"),
        "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
        "STREAMLIT_SERVER_PORT": str(port),
        "STREAMLIT_SERVER_HEADLESS": "true",
        "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
    }
    with open(tmp_path / "container.log", "w") as log:
        server = subprocess.Popen([str(ROOT / "scripts/container_start.sh")], env=env, stdout=log, stderr=log)
    try:
        assert _healthy_within(f"http://127.0.0.1:{port}/_stcore/health", server, 90), (
            tmp_path / "container.log"
        ).read_text()
        assert "loaded the sample strategy" in (tmp_path / "container.log").read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)


def _healthy_within(url: str, server: subprocess.Popen[bytes], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                return answer.status == 200
        except OSError:
            time.sleep(0.3)
    return False


def test_the_image_and_compose_turn_accounts_on_since_they_listen_on_the_network():
    env = " ".join(arguments("ENV"))
    assert "WORKBENCH_ACCOUNTS=passwords" in env
    for name in APP_SERVICES:
        assert compose()["services"][name]["environment"]["WORKBENCH_ACCOUNTS"] == "${WORKBENCH_ACCOUNTS:-passwords}"
