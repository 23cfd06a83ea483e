"""The running app in Debian's Chromium: a Streamlit server per test module on a free port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.servers import CHROMIUM, CHROMIUM_FLAGS, app_env, chromium_installed, running_apps

# A rerun on a busy 2-core machine can take longer than Playwright's default 5 s; a user would wait too.
expect.set_options(timeout=30_000)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    if not chromium_installed():
        pytest.skip("Debian's chromium is not installed")
    return {"executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args() -> dict:
    return {"viewport": {"width": 1920, "height": 1080}}


@pytest.fixture
def live_app(tmp_path: Path) -> Iterator[str]:
    """The app on its own SQLite file seeded with the sample strategy; yields its URL."""
    with running_apps([app_env(WORKBENCH_SQLITE_PATH=str(tmp_path / "e2e.db"))], tmp_path) as [url]:
        yield url
