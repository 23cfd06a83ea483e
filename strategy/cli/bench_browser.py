"""The benchmark's browser part: a real server on the benchmark's workspace and Debian's Chromium —
the roadmap's Gantt visible, the Objectives page interactive, a vote reaching the projector — and the
server's memory over sessions that each visit every page. Skipped, with a note, without Chromium."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from strategy.cli.bench_measure import Workspace
from strategy.cli.bench_row import Row
from strategy.cli.live_app import CHROMIUM, app_on, chromium_installed, memory_mb

if TYPE_CHECKING:  # Playwright loads only when a browser is there to drive
    from playwright.sync_api import Browser

BROWSER_BUDGET_S = 2.0
MEMORY_BUDGET_MB = 600.0
FLAT_MB_PER_SESSION = 0.05  # 5 MB over 100 sessions: noise, not a leak
LATER_VISITS = 3
GANTT = "roadmap Gantt visible in Chromium"
OBJECTIVES = "Objectives page interactive in Chromium"
VOTE = "workshop vote reaches the projector"


def skipped(note: str, sessions: int) -> list[Row]:
    names = [GANTT, OBJECTIVES, VOTE]
    rows = [Row("browser", name, None, unit="s", note=note) for name in names]
    return [*rows, Row("memory", f"server after {sessions} sessions of every page", None, unit="MB", note=note)]


def slope(values: list[float]) -> float:
    """Least-squares growth per step: how much each further session adds."""
    if len(values) < 2:
        return 0.0
    xs = range(len(values))
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(values)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, values, strict=True)) / spread


def _timings(browser: Browser, url: str, ws_id: int) -> list[Row]:
    from strategy.cli.browser_probe import gantt_visible, objectives_interactive, page_timings, vote_latencies

    rows = []
    pages = (
        (GANTT, "roadmap", "Roadmap", gantt_visible),
        (OBJECTIVES, "objectives", "Objectives", objectives_interactive),
    )
    for name, path, link, ready in pages:
        took = page_timings(browser, f"{url}/{path}?ws={ws_id}", link, ready, LATER_VISITS)
        note = (
            f"click in the sidebar, median of {LATER_VISITS}; in a new tab {took.new_tab:.1f} s "
            f"(the app's scripts loaded afresh), the first visit (cold server) {took.first_tab:.1f} s"
        )
        rows.append(Row("browser", name, took.click, unit="s", budget=BROWSER_BUDGET_S, note=note))
    votes = vote_latencies(browser, url, ws_id)
    note = f"tap on a phone → total on the projector; median of {len(votes)}, max {max(votes):.2f} s"
    rows.append(Row("browser", VOTE, statistics.median(votes), unit="s", budget=BROWSER_BUDGET_S, note=note))
    return rows


def memory_after_sessions(
    browser: Browser, url: str, pid: int, ws_id: int, sessions: int
) -> tuple[list[float], list[int]]:
    """The server's memory after each of `sessions` sessions that visit every page; and the pages each saw."""
    from strategy.cli.browser_probe import visit_every_page

    after, pages = [], []
    for n in range(1, sessions + 1):
        pages.append(visit_every_page(browser, url, ws_id))
        after.append(memory_mb(pid))
        # A hundred sessions of every page take the better part of an hour: say where the run is.
        typer.echo(f"session {n}/{sessions}: {pages[-1]} pages, server {after[-1]:,.1f} MB", err=True)
    return after, pages


def memory_rows(after: list[float], pages: list[int]) -> list[Row]:
    last_half = after[len(after) // 2 :]
    growth = slope(last_half)
    return [
        Row(
            "memory",
            f"server after {len(after)} sessions of every page",
            after[-1],
            unit="MB",
            budget=MEMORY_BUDGET_MB,
            note=f"RSS; {_pages_note(pages)}; after the first session {after[0]:,.0f} MB",
        ),
        Row(
            "memory",
            f"server growth over the last {len(last_half)} sessions",
            growth,
            unit="MB/session",
            budget=FLAT_MB_PER_SESSION,
            note=f"least-squares slope; {last_half[0]:,.0f} → {last_half[-1]:,.0f} MB",
        ),
    ]


def _pages_note(pages: list[int]) -> str:
    """Every session's page count, so a session that saw fewer pages than the rest shows in the table."""
    fewest, most = min(pages), max(pages)
    return f"{most} pages a session" if fewest == most else f"{fewest} to {most} pages a session"


def browser(ws: Workspace, folder: Path, sessions: int) -> list[Row]:
    """Every browser figure, on a server of its own that serves the benchmark's workspace."""
    if not chromium_installed():
        return skipped(f"skipped: no Chromium at {CHROMIUM} (apt-get install chromium)", sessions)
    from strategy.cli.browser_probe import chromium

    (folder / "server").mkdir(exist_ok=True)
    with app_on(ws.database, folder / "server") as (url, pid), chromium() as opened:
        rows = _timings(opened, url, ws.workspace_id)
        if sessions > 0:
            after, pages = memory_after_sessions(opened, url, pid, ws.workspace_id, sessions)
            rows += memory_rows(after, pages)
    return rows
