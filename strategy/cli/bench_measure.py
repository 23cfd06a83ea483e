"""What the benchmark measures: a seeded workspace in a scratch database, then the import, the pure
computations, the brief in every format, the CLI's start-up and (in their own process) the pages."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from models.settings import ROOT, Settings
from strategy.cli.bench_row import Row
from strategy.define.smart import check_objectives, smart_context
from strategy.deliver.roadmap import build_roadmap
from strategy.health.runner import run_health
from strategy.plan.business_case import settings_of
from strategy.plan.montecarlo import npv_distribution, tornado
from strategy.store.database import ensure_database
from strategy.store.generator import actuals_csv, generate
from strategy.store.interchange import export_json, import_document, parse_document
from strategy.store.snapshot import workspace_records
from strategy.store.workspaces import get_workspace
from strategy.sustain.actuals_import import import_actuals_csv

PAGES_SCRIPT = ROOT / "scripts" / "bench_pages.py"


@dataclass
class Workspace:
    engine: Engine
    database: Path
    workspace_id: int
    records: int


def timed(action: Callable[[], object], runs: int = 1) -> tuple[float, float]:
    """Median and max milliseconds of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def statements(engine: Engine, action: Callable[[], object]) -> int:
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return len(seen)


def build_workspace(size: str, folder: Path) -> tuple[Workspace, list[Row]]:
    """The seeded workspace imported into a scratch SQLite file; the import and export timed."""
    database = folder / f"bench-{size}.db"
    engine, _ = ensure_database(Settings(database_url=f"sqlite:///{database}", load_sample=False))
    text = json.dumps(generate(size))
    document = parse_document(text)
    found: dict[str, int] = {}
    start = time.perf_counter()
    count = statements(engine, lambda: found.update(id=import_document(engine, document, actor="bench").id or 0))
    import_ms = (time.perf_counter() - start) * 1000
    records = sum(len(rows) for rows in workspace_records(engine, found["id"]).values())
    export_ms, _ = timed(lambda: export_json(engine, found["id"]), runs=3)
    rows = [
        Row("import/export", f"import ({records:,} records)", import_ms, budget=3000, note=f"{count} SQL statements"),
        Row("import/export", "parse and check the document", timed(lambda: parse_document(text))[0]),
        Row("import/export", "export to JSON", export_ms, budget=1000),
    ]
    return Workspace(engine, database, found["id"], records), rows


def computations(ws: Workspace, today: date) -> list[Row]:
    workspace = get_workspace(ws.engine, ws.workspace_id)
    records = workspace_records(ws.engine, ws.workspace_id)
    settings, costs, benefits = settings_of(workspace), records["cost"], records["benefit"]
    pure: dict[str, Callable[[], object]] = {
        "read every record": lambda: workspace_records(ws.engine, ws.workspace_id),
        "build the roadmap (rank, schedule, checks)": lambda: build_roadmap(workspace, records, today),
        "SMART verdicts": lambda: check_objectives(records["objective"], smart_context(workspace)),
        "health check": lambda: run_health(workspace, records, today),
        "tornado": lambda: tornado(settings, costs, benefits),
    }
    rows = [Row("computations", name, timed(action, 3)[0]) for name, action in pure.items()]
    lines = len(costs) + len(benefits)
    for runs, budget in ((10_000, 50.0), (100_000, 500.0)):
        median = timed(partial(npv_distribution, settings, costs, benefits, runs=runs), 3)[0]
        rows.append(Row("computations", f"Monte Carlo {runs:,} runs ({lines} lines)", median, budget=budget))
    tracemalloc.start()
    npv_distribution(settings, costs, benefits, runs=100_000)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    rows.append(Row("computations", "Monte Carlo 100,000 runs: peak memory", peak, unit="MB", budget=200))
    return rows


def actuals_upload(ws: Workspace, rows: int = 10_000) -> Row:
    """The Tracking page's CSV upload: every line checked, then stored in one transaction."""
    names = [str(k["name"]) for k in workspace_records(ws.engine, ws.workspace_id)["kpi"]]
    data = actuals_csv(names, rows)
    start = time.perf_counter()
    import_actuals_csv(ws.engine, ws.workspace_id, data, actor="bench")
    return Row("import/export", f"upload {rows:,} KPI actuals (CSV)", (time.perf_counter() - start) * 1000, budget=2000)


BRIEF_BUDGETS = {"pdf": 5000.0, "pptx": 2000.0, "docx": 2000.0, "md": 1000.0}


def briefs(ws: Workspace, formats: tuple[str, ...] = tuple(BRIEF_BUDGETS), runs: int = 3) -> list[Row]:
    """Chromium's start, once a process; then each format from scratch (no chart drawn before) with the
    browser warm, as the budgets are set, the median of `runs`; then each again with its charts already
    drawn, as when someone downloads a second format of the same records. The memory of the process tree
    is sampled in a pass of its own: sampling /proc while a brief is timed slows the brief."""
    from strategy.brief.export import export_brief
    from strategy.brief.images import START_S, forget_drawn, warm_up
    from strategy.cli.bench_tree import peak_tree_memory

    made: dict[str, bytes] = {}

    def make(fmt: str, fresh: bool) -> None:
        if fresh:
            forget_drawn()
        made[fmt] = export_brief(ws.engine, ws.workspace_id, fmt).content

    opening = timed(lambda: warm_up().wait_open(START_S))[0]
    rows = [Row("brief", "Chromium's start, once a process", opening, note="the first brief waits for it")]
    for fmt in formats:
        make(fmt, True)  # the renderer's own imports, once a process
        median, worst = timed(partial(make, fmt, True), runs)
        note = f"{len(made[fmt]) / 1024:,.0f} KiB; median of {runs}, max {worst:,.0f} ms"
        rows.append(Row("brief", f"brief as {fmt}", median, budget=BRIEF_BUDGETS[fmt], note=note))
    with peak_tree_memory() as peak:
        for fmt in formats:
            make(fmt, True)
    tree = "memory of the process tree, Chromium's included (PSS)"
    rows.append(Row("brief", tree, peak[0], unit="MB", budget=1000, note="peak while making each format"))
    for fmt in formats:
        median = timed(partial(make, fmt, False), runs)[0]
        rows.append(Row("brief", f"brief as {fmt}, charts already drawn", median))
    return rows


def cli_start(ws: Workspace) -> Row:
    env = os.environ | {"WORKBENCH_SQLITE_PATH": str(ws.database), "WORKBENCH_LOAD_SAMPLE": "false"}
    env.pop("DATABASE_URL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a user's machine: the first run caches the bytecode
    command = [sys.executable, "-m", "strategy", "list"]
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
    median, _ = timed(lambda: subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True), runs=5)
    return Row("start-up", "python -m strategy list", median, budget=500)


def pages(ws: Workspace, runs: int, only: list[str] | None = None) -> list[dict[str, Any]]:
    """Each page's rerun in its own process (AppTest needs streamlit, which strategy/ never imports)."""
    command = [sys.executable, str(PAGES_SCRIPT), str(ws.database), str(ws.workspace_id), "--runs", str(runs)]
    for page in only or []:
        command += ["--page", page]
    done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    return list(json.loads(done.stdout))


def peak_memory() -> Row:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return Row("memory", "peak RSS: this process / largest child", own, unit="MB", note=f"{children:,.0f} MB")
