"""The running app in Debian's Chromium: a Streamlit server per test module on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from models.settings import ROOT

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# A rerun on a busy 2-core machine can take longer than Playwright's default 5 s; a user would wait too.
expect.set_options(timeout=30_000)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    return {"executable_path": CHROMIUM, "args": FLAGS}


@pytest.fixture(scope="session")
def browser_context_args() -> dict:
    return {"viewport": {"width": 1920, "height": 1080}}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_app(tmp_path: Path) -> Iterator[str]:
    """The app on its own SQLite file seeded with the sample strategy; yields its URL."""
    port = _free_port()
    env = {**os.environ, "WORKBENCH_SQLITE_PATH": str(tmp_path / "e2e.db")}
    env.pop("DATABASE_URL", None)
    log = open(tmp_path / "streamlit.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--server.fileWatcherType",  # edits elsewhere in the tree must not reload the server mid-test
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        server.terminate()
        raise RuntimeError(f"streamlit did not start: {(tmp_path / 'streamlit.log').read_text()}")
    yield url
    server.terminate()
    server.wait(timeout=20)
    log.close()
