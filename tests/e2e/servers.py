"""Streamlit servers for the browser tests: each on a free loopback port, started together and waited
for by their health endpoint (a condition, not a sleep), stopped with the test."""

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
            return answer.status == 200
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
def running_apps(envs: Sequence[Mapping[str, str]], folder: Path) -> Iterator[list[str]]:
    """One app server per environment, started at once; yields their URLs once every one answers."""
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
        yield [url for url, _, _ in started]
    finally:
        _stop(servers)


def app_env(**settings: str) -> dict[str, str]:
    """This process's environment with the given settings, and no database URL unless given."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    return env | settings
