"""Real Streamlit servers of the app, each on a free loopback port, waited for by their health endpoint
(a condition, not a sleep) and stopped together: the one way the browser tests and the benchmark start
the app. Also where Debian's Chromium is and the flags it needs on these machines."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from models.settings import ROOT

START_TIMEOUT_S = 60
CHROMIUM = "/usr/bin/chromium"  # Debian's; `playwright install` cannot download one here
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_installed() -> bool:
    return Path(CHROMIUM).exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _launch(env: Mapping[str, str], log: Path) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    # Edits elsewhere in the tree must not reload the server mid-test.
    command += ["--server.fileWatcherType", "none"]
    with open(log, "w") as out:  # the child keeps its own copy of the descriptor
        server = subprocess.Popen(command, cwd=ROOT, env=dict(env), stdout=out, stderr=subprocess.STDOUT)
    return f"http://127.0.0.1:{port}", server


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def _stop(servers: list[subprocess.Popen[bytes]]) -> None:
    """Ask every server to stop at once, then wait for each (one after another would add up)."""
    for server in servers:
        server.terminate()
    for server in servers:
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@contextmanager
def running_servers(envs: Sequence[Mapping[str, str]], folder: Path) -> Iterator[list[tuple[str, int]]]:
    """One app server per environment, started at once; yields (URL, process id) once every one answers."""
    servers: list[subprocess.Popen[bytes]] = []
    try:
        started = []
        for number, env in enumerate(envs):
            url, server = _launch(env, folder / f"streamlit-{number}.log")
            servers.append(server)
            started.append((url, server, folder / f"streamlit-{number}.log"))
        deadline = time.monotonic() + START_TIMEOUT_S
        waiting = list(started)
        while waiting:
            for url, server, log in started:
                if server.poll() is not None:
                    raise RuntimeError(f"streamlit at {url} exited: {log.read_text()}")
            waiting = [s for s in waiting if not _healthy(s[0])]
            if waiting and time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start: {waiting[0][2].read_text()}")
            if waiting:
                time.sleep(0.2)
        yield [(url, server.pid) for url, server, _ in started]
    finally:
        _stop(servers)


@contextmanager
def running_apps(envs: Sequence[Mapping[str, str]], folder: Path) -> Iterator[list[str]]:
    """One app server per environment, started at once; yields their URLs once every one answers."""
    with running_servers(envs, folder) as servers:
        yield [url for url, _ in servers]


def app_env(**settings: str) -> dict[str, str]:
    """This process's environment with the given settings, and no database URL unless given."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    return env | settings


@contextmanager
def app_on(database: Path, folder: Path) -> Iterator[tuple[str, int]]:
    """The app serving an existing SQLite file (no sample added); yields its URL and process id."""
    env = app_env(WORKBENCH_SQLITE_PATH=str(database), WORKBENCH_LOAD_SAMPLE="false")
    with running_servers([env], folder) as [server]:
        yield server


def memory_mb(pid: int) -> float:
    """A process's resident memory (RSS) in MB, as the machine's operator would see it."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no memory figure for process {pid}")
