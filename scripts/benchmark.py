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

from models.settings import ROOT, Settings, get_settings
from strategy.store.audit import data_version
from strategy.store.database import ensure_database
from strategy.store.interchange import export_json, import_document, parse_document
from strategy.store.records import list_records, update_record
from strategy.store.snapshot import workspace_records

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
        rows += page_timings(db)
    width = max(len(name) for name, _ in rows)
    print(f"{'operation'.ljust(width)}  median ms")
    print(f"{'-' * width}  ---------")
    for name, ms in rows:
        print(f"{name.ljust(width)}  {ms:9.1f}")


if __name__ == "__main__":
    main()
