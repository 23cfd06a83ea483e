"""The concurrency figures of issue #11: N processes × M edits on one record and on distinct records,
through the form path and the table path, on SQLite (a scratch file) and, when TEST_DATABASE_URL is
set, on PostgreSQL. Prints lost updates, refusals and tracebacks; exits 1 if any edit was lost or
any traceback seen. Run with `make stress` (8 × 500 by default)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from models.engine import make_engine
from models.migrate import upgrade_to_head
from tests.concurrency import PATHS, hammer


def fresh(url: str) -> str:
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)
    engine.dispose()
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    args = parser.parse_args()
    known = {"sqlite": None, "postgresql": os.environ.get("TEST_DATABASE_URL")}
    databases = {name: known[name] for name in args.databases.split(",")}
    failed = False
    print(
        f"{'database':<11}{'path':<7}{'records':<9}{'saved':>7}{'stale':>7}{'busy':>6}{'lost':>6}{'tracebacks':>12}{'s':>7}"
    )
    for name, url in databases.items():
        if name == "postgresql" and not url:
            print("postgresql: skipped (TEST_DATABASE_URL is not set; run through scripts/with_postgres.sh)")
            continue
        for path in PATHS:
            for shared in (True, False):
                with tempfile.TemporaryDirectory() as folder:
                    target = fresh(url or f"sqlite:///{folder}/stress.db")
                    started = time.perf_counter()
                    tally = hammer(target, processes=args.processes, edits=args.edits, path=path, shared=shared)
                    took = time.perf_counter() - started
                failed |= tally.lost != 0 or bool(tally.tracebacks) or tally.updates_audited != tally.saved
                print(
                    f"{name:<11}{path:<7}{'one' if shared else 'own':<9}{tally.saved:>7}{tally.refused['stale']:>7}"
                    f"{tally.refused['Busy']:>6}{tally.lost:>6}{len(tally.tracebacks):>12}{took:>7.1f}"
                )
                for trace in tally.tracebacks[:3]:
                    print(trace)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
