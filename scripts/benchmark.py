"""Measure the workbench's main operations on the sample strategy and print a table.

Timings are medians of several runs on a scratch SQLite file; nothing here asserts a limit.
Run with `make bench`.
"""

from __future__ import annotations

import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine

from models.settings import ROOT, Settings, get_settings
from strategy.store.audit import data_version
from strategy.store.database import ensure_database
from strategy.store.interchange import export_json, import_document, parse_document
from strategy.store.records import list_records, update_record
from strategy.store.snapshot import workspace_records
from strategy.workshop.board import news_since, session_version
from strategy.workshop.participation import vote
from strategy.workshop.sessions import join, open_session

SAMPLE = ROOT / "data" / "sample_strategy.json"
PAGES = sorted(p.name for p in (ROOT / "pages").glob("[!_]*.py"))


def median_ms(action: Callable[[], object], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def page_timings(db: Path) -> list[tuple[str, float]]:
    from streamlit.testing.v1 import AppTest

    os.environ["WORKBENCH_SQLITE_PATH"] = str(db)
    get_settings.cache_clear()
    rows = []
    for name in PAGES:

        def render(name: str = name) -> None:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
            if name != "home.py":
                at.switch_page(f"pages/{name}").run()

        rows.append((f"render page {name} (AppTest, cold session)", median_ms(render, runs=3)))
    return rows


def workshop_timings(engine: Engine, ws: int, people: int = 30) -> list[tuple[str, float]]:
    """What the projector pays each tick and a phone each tap, with a full room that has voted."""
    live = open_session(engine, ws, actor="bench", minutes=60, allowance=3)
    needs = [n["id"] for n in list_records(engine, "need", ws)]
    seats = [join(engine, live.code, f"Person {n}").token for n in range(people)]
    for n, token in enumerate(seats):
        for dot in range(3):
            vote(engine, token, needs[(n + dot) % len(needs)])
    spare = iter(join(engine, live.code, f"Late {n}").token for n in range(20))
    return [
        (
            f"board tick, nothing new ({people} people, {people * 3} votes)",
            median_ms(lambda: session_version(engine, live.id)),
        ),
        ("board news since the last version (totals, new ideas)", median_ms(lambda: news_since(engine, live.id, 0))),
        ("place one vote (row lock + allowance check)", median_ms(lambda: vote(engine, next(spare), needs[0]))),
    ]


def main() -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        engine, sample = ensure_database(Settings(database_url=f"sqlite:///{db}"))
        assert sample is not None and sample.id is not None
        ws = sample.id
        need = list_records(engine, "need", ws)[0]
        state = {"version": need["version"], "severity": need["severity"]}

        def edit() -> None:
            state["severity"] = 6 - state["severity"]
            updated = update_record(
                engine,
                "need",
                ws,
                need["id"],
                {"severity": state["severity"]},
                expected_version=state["version"],
                actor="bench",
            )
            state["version"] = updated["version"]

        document = parse_document(SAMPLE.read_bytes())
        copies = iter(range(1, 100))

        def import_copy() -> None:
            import_document(engine, document, actor="bench", name=f"copy {next(copies)}")

        rows = [
            ("import the sample strategy (all records, audited)", median_ms(import_copy, runs=3)),
            ("export a workspace to JSON", median_ms(lambda: export_json(engine, ws))),
            ("read every record of a workspace", median_ms(lambda: workspace_records(engine, ws))),
            ("list the needs", median_ms(lambda: list_records(engine, "need", ws))),
            ("data version (cache key)", median_ms(lambda: data_version(engine, ws))),
            ("update one need (version check + audit)", median_ms(edit)),
        ]
        from strategy.brief.export import export_brief

        for fmt in ("pdf", "pptx"):
            rows.append(
                (
                    f"build the {fmt} brief (charts by a warm kaleido)",
                    median_ms(lambda fmt=fmt: export_brief(engine, ws, fmt), runs=1),
                )
            )
        rows += workshop_timings(engine, ws)
        rows += page_timings(db)
    width = max(len(name) for name, _ in rows)
    print(f"{'operation'.ljust(width)}  median ms")
    print(f"{'-' * width}  ---------")
    for name, ms in rows:
        print(f"{name.ljust(width)}  {ms:9.1f}")


if __name__ == "__main__":
    main()
