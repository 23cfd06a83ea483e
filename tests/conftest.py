"""Shared fixtures: an in-memory database, the sample workspace, a fresh app per AppTest, and
the rule that in CI a skipped browser or PostgreSQL test fails the run."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import Engine
from sqlmodel import SQLModel
from streamlit.testing.v1 import AppTest

import models.tables  # noqa: F401
from models.engine import make_engine
from models.settings import ROOT, get_settings
from models.workspace import Workspace
from strategy.store import database
from strategy.store.database import load_sample

SAMPLE = ROOT / "data" / "sample_strategy.json"
APP = str(ROOT / "app.py")
ACTOR = "tester"
MUST_RUN = ("tests/e2e", "tests/db")


@pytest.fixture
def engine() -> Iterator[Engine]:
    """An empty in-memory SQLite database with every table (foreign keys on)."""
    made = make_engine("sqlite://")
    SQLModel.metadata.create_all(made)
    yield made
    made.dispose()


@pytest.fixture
def sample(engine: Engine) -> Workspace:
    """The sample strategy loaded into the in-memory database."""
    return load_sample(engine, SAMPLE, actor=ACTOR)


@pytest.fixture(autouse=True)
def _no_legacy_pages_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest resets Streamlit's legacy pages/-directory mode on every run, which would run a page
    without app.py's frame; app.py uses st.navigation, so keep the legacy mode off."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def reset_app_state() -> None:
    """AppTest runs in this process: forget cached settings, engines and Streamlit caches."""
    get_settings.cache_clear()
    database.shared_engine.cache_clear()
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def app_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh SQLite file for the app under test, seeded with the sample on first open."""
    path = tmp_path / "app.db"
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("WORKBENCH_SQLITE_PATH", str(path))
    reset_app_state()
    yield path
    reset_app_state()


def open_app(page: str | None = None, timeout: float = 30) -> AppTest:
    """The app run once (AppTest resolves relative paths against the caller, so use the absolute
    path), optionally switched to a page given relative to app.py, e.g. "pages/needs.py"."""
    at = AppTest.from_file(APP, default_timeout=timeout).run()
    if page is not None:
        at.switch_page(page).run()
    return at


@pytest.fixture
def cli_db(app_db: Path) -> Path:
    """A folder for CLI runs: the configured database lives in it, files can be written beside it."""
    return app_db.parent


def click(at: AppTest, label: str, nth: int = 0) -> AppTest:
    """Press the nth button with this label, run the app, and fail on any uncaught exception."""
    [button for button in at.button if button.label == label][nth].click().run()
    assert not at.exception, at.exception
    return at


def tab_opener(tabs_key: str) -> Callable[[AppTest, str], AppTest]:
    """For a page that runs only its open tab: open another as a click on its label would."""

    def open_tab(at: AppTest, label: str) -> AppTest:
        at.session_state[tabs_key] = label
        return at.run()

    return open_tab


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("CI", "").lower() != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = [
        r.nodeid
        for r in (reporter.stats.get("skipped", []) if reporter else [])
        if any(r.nodeid.startswith(p) for p in MUST_RUN)
    ]
    ran = [r.nodeid for key in ("passed", "failed") for r in (reporter.stats.get(key, []) if reporter else [])]
    missing = [p for p in MUST_RUN if not any(n.startswith(p) for n in ran)]
    if skipped or missing:
        print(f"\nCI: browser/PostgreSQL tests must run; skipped: {skipped or 'none'}; never ran: {missing or 'none'}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
