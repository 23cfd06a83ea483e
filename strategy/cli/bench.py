"""`python -m strategy bench`: how fast the workbench is at a real organisation's size, against its budgets.

Builds the seeded workspace (sample, medium = a tenth, large = 12,428 records) in a scratch database and
prints one table: the machine, each page's rerun against the trivial page, SQL per rerun, the pure
computations, the brief in every format, import/export, CLI start-up, memory, and the growth of the
slowest page and the PDF brief over the three sizes. Timings on a shared machine are noisy: budgets are
judged here, not in tests.
"""

from __future__ import annotations

import os
import platform
import tempfile
from dataclasses import asdict
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any

import typer

from strategy.cli.app import app, emit_json
from strategy.cli.bench_row import Row

SIZES = ("sample", "medium", "large")
PACKAGES = ("streamlit", "plotly", "pandas", "numpy", "sqlalchemy", "sqlmodel", "pydantic", "kaleido", "weasyprint")
PAGE_RATIO = {"sample": 3.0, "medium": 5.0, "large": 5.0}
MAX_SQL = 15
PARTS = ("computations", "workshop", "brief", "start-up", "pages", "browser")  # --only picks among these


def machine() -> dict[str, Any]:
    return {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
        "python": platform.python_version(),
        "packages": {name: version(name) for name in PACKAGES},
    }


def page_rows(found: list[dict[str, Any]], size: str) -> list[Row]:
    trivial = found[0]["median_ms"]
    rows = [Row("pages", found[0]["page"], trivial, note=f"{found[0]['sql']} SQL")]
    for page in found[1:]:
        beside = page.get("trivial_ms", trivial)  # the trivial page, timed between this page's reruns
        ratio = page["median_ms"] / beside
        sql_ok = "✓" if page["sql"] <= MAX_SQL else "✗"
        errors = f" · error: {page['errors'][0][:60]}" if page["errors"] else ""
        rows.append(
            Row(
                "pages",
                f"{page['page']} (× trivial)",
                ratio,
                unit="×",
                budget=PAGE_RATIO[size],
                note=f"median {page['median_ms']:,.1f} ms (trivial {beside:,.1f}), max {page['max_ms']:,.0f} ms, "
                f"{page['sql']} SQL {sql_ok}" + errors,
            )
        )
    return rows


def growth(slowest: str, folder: Path, runs: int) -> list[Row]:
    """The slowest page and the PDF brief at every size, so linear (or worse) growth shows."""
    from strategy.cli.bench_measure import briefs, build_workspace, pages

    rows = []
    for size in SIZES:
        (folder / size).mkdir()
        ws, _ = build_workspace(size, folder / size)
        found = pages(ws, runs, only=[slowest])
        rows.append(Row("growth", f"{slowest} at {size}", found[1]["median_ms"], note=f"{ws.records:,} records"))
        rows += [Row("growth", f"{row.name} at {size}", row.value, note=row.note) for row in briefs(ws, ("pdf",))]
    return rows


def table(rows: list[Row], about: dict[str, Any]) -> str:
    lines = [
        f"machine: {about['machine']} · Python {about['python']}",
        "packages: " + ", ".join(f"{name} {v}" for name, v in about["packages"].items()),
        "",
        f"| {'measure':<58} | {'figure':>12} | budget | notes |",
        f"|{'-' * 60}|{'-' * 14}|:------:|-------|",
    ]
    for row in rows:
        figure = "—" if row.value is None else f"{row.value:,.1f} {row.unit}"
        budget = "" if row.budget is None else f"{row.verdict} ≤ {row.budget:g}"
        lines.append(f"| {row.group + ': ' + row.name:<58} | {figure:>12} | {budget} | {row.note} |")
    return "\n".join(lines)


@app.command()
def bench(
    size: Annotated[str, typer.Option(help=f"one of {', '.join(SIZES)}")] = "sample",
    as_json: Annotated[bool, typer.Option("--json", help="the rows as JSON")] = False,
    runs: Annotated[int, typer.Option(help="reruns a page (after one warm-up)")] = 10,
    sessions: Annotated[int, typer.Option(help="browser sessions, each visiting every page, for server memory")] = 100,
    with_browser: Annotated[bool, typer.Option("--browser/--no-browser", help="Chromium timings, memory")] = True,
    with_growth: Annotated[bool, typer.Option("--growth/--no-growth", help="all three sizes")] = False,
    only: Annotated[
        list[str] | None, typer.Option("--only", help=f"repeat to measure only some of: {', '.join(PARTS)}")
    ] = None,
) -> None:
    """Build a seeded workspace and print every figure beside its budget."""
    # What is measured loads only now: every other command starts without it.
    from strategy.cli.bench_browser import browser
    from strategy.cli.bench_measure import (
        actuals_upload,
        briefs,
        build_workspace,
        cli_start,
        computations,
        pages,
        peak_memory,
    )
    from strategy.cli.bench_workshop import workshop

    if size not in SIZES:
        raise typer.BadParameter(f"choose one of {', '.join(SIZES)}", param_hint="--size")
    unknown = set(only or ()) - set(PARTS)
    if unknown:
        raise typer.BadParameter(f"choose among {', '.join(PARTS)}", param_hint="--only")
    wanted = set(only or PARTS) - (set() if with_browser else {"browser"})  # the whole table unless asked
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ws, rows = build_workspace(size, folder)
        rows += computations(ws, date.today()) if "computations" in wanted else []
        rows += workshop(ws) if "workshop" in wanted else []
        rows += briefs(ws) if "brief" in wanted else []
        rows += [cli_start(ws)] if "start-up" in wanted else []
        if "pages" in wanted:
            found = pages(ws, runs)
            rows += page_rows(found, size)
            if with_growth:
                slowest = max(found[1:], key=lambda page: page["median_ms"])["page"]
                rows += growth(slowest, folder, runs)
        rows += browser(ws, folder, sessions) if "browser" in wanted else []
        rows += [actuals_upload(ws), peak_memory()] if wanted >= set(PARTS) - {"browser"} else [peak_memory()]
    about = machine() | {"size": size, "records": ws.records}
    if as_json:
        emit_json(about | {"rows": [asdict(row) | {"verdict": row.verdict} for row in rows]})
    else:
        typer.echo(f"size: {size} ({ws.records:,} records)")
        typer.echo(table(rows, about))
