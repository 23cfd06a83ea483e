"""What a click costs on each page: repeated `run()` on one AppTest after a warm-up, and the SQL per rerun.

Run by `python -m strategy bench` in its own process (AppTest needs streamlit, which strategy/ never
imports): `bench_pages.py DATABASE WORKSPACE_ID [--runs 10] [--page roadmap.py …]` prints JSON rows.
The trivial page is app.py's frame (sidebar, picker, navigation) with a page that only writes "x".
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
import streamlit.testing.v1.app_test as app_test_module  # noqa: E402
import streamlit.testing.v1.local_script_runner as local_runner_module  # noqa: E402
from sqlalchemy import Engine, event  # noqa: E402
from streamlit.runtime.pages_manager import PagesManager  # noqa: E402
from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

TRIVIAL = "(trivial page: st.write inside app.py's frame)"
# The journey's pages; the participant page (join.py) is reached only from a phone in a live session,
# the sign-in page (sign_in.py) only with accounts on, before any other page.
PAGES = sorted(p.name for p in (ROOT / "pages").glob("[!_]*.py") if p.name not in ("join.py", "sign_in.py"))
STATEMENTS: list[str] = []


class _Trivial:
    """Stands in for the page st.navigation picked: the frame runs, the page only writes "x"."""

    def run(self) -> None:
        st.write("x")


def _navigation_with_trivial_page() -> None:
    real = st.navigation

    def navigation(*args: Any, **kwargs: Any) -> Any:
        page = real(*args, **kwargs)
        return _Trivial() if os.environ.get("BENCH_TRIVIAL") else page

    st.navigation = navigation  # type: ignore[assignment]


def _keep_navigation_mode() -> None:
    """AppTest resets Streamlit's legacy pages/-folder mode on every run, which would run a page
    without app.py's frame (as tests/conftest.py also prevents)."""
    original = PagesManager.__init__

    def init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]


def _keep_compiled_scripts() -> None:
    """A server compiles app.py and each page once (its ScriptCache lives as long as the server);
    AppTest makes a new cache every run, which would charge each click the page's compile time
    (1-9 ms here, growing with the file's length rather than with anything the user sees)."""
    shared = ScriptCache()
    app_test_module.ScriptCache = lambda: shared  # type: ignore[attr-defined,assignment]
    local_runner_module.ScriptCache = lambda: shared  # type: ignore[attr-defined,assignment]


def _count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
    STATEMENTS.append(statement)


def _open(page: str | None) -> AppTest:
    """One session on the page (None: the trivial page), after a warm-up rerun."""
    os.environ["BENCH_TRIVIAL"] = "1" if page is None else ""
    PagesManager.uses_pages_directory = False
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
    if page is not None and page != "home.py":
        at.switch_page(f"pages/{page}").run()
    at.run()
    return at


def _rerun_ms(at: AppTest, trivial: bool) -> float:
    os.environ["BENCH_TRIVIAL"] = "1" if trivial else ""
    start = time.perf_counter()
    at.run()
    return (time.perf_counter() - start) * 1000


def measure(page: str | None, runs: int, trivial: AppTest | None = None) -> dict[str, Any]:
    """Median and max ms of `runs` reruns after one warm-up, and the statements of the last rerun.
    With `trivial`, each rerun alternates with one of the trivial page, whose median is returned as
    trivial_ms: a shared machine's load then weighs on both sides of the ratio alike."""
    at = _open(page)
    times, trivial_times = [], []
    for _ in range(runs):
        if trivial is not None:
            trivial_times.append(_rerun_ms(trivial, trivial=True))
        STATEMENTS.clear()
        times.append(_rerun_ms(at, trivial=page is None))
    errors = [str(e.value) for e in at.exception]
    if not at.main.children or any("No workspace yet" in i.value for i in at.info):
        errors.append("the page did not run inside app.py's frame")
    found = {
        "page": page or TRIVIAL,
        "median_ms": statistics.median(times),
        "max_ms": max(times),
        "sql": len(STATEMENTS),
        "errors": errors,
    }
    return found | ({"trivial_ms": statistics.median(trivial_times)} if trivial_times else {})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database")
    parser.add_argument("workspace", type=int)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--page", action="append")
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    os.environ["WORKBENCH_SQLITE_PATH"] = args.database
    os.environ.pop("DATABASE_URL", None)
    os.environ["WORKBENCH_LOAD_SAMPLE"] = "false"
    _navigation_with_trivial_page()
    _keep_navigation_mode()
    _keep_compiled_scripts()
    event.listen(Engine, "before_cursor_execute", _count)
    rows = [measure(None, args.runs)]
    trivial = _open(None)
    for page in args.page or PAGES:
        rows.append(measure(page, args.runs, trivial))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    json.dump(rows, sys.stdout)


if __name__ == "__main__":
    main()
