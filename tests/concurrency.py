"""A concurrency harness: N processes make M edits each through the services, on one record or on
one record each, through the form path or the table path; the tally tells lost updates apart from
clear refusals and tracebacks. Used by tests (small) and `make stress` (8 × 500)."""

from __future__ import annotations

import functools
import multiprocessing
import threading
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, func
from sqlmodel import select

from models.engine import make_engine, read_session
from models.workspace import AuditEvent
from strategy.deliver.initiatives import add_dependency, create_initiative
from strategy.edits import TableEdits
from strategy.errors import StaleVersion, WorkbenchError
from strategy.store.records import apply_table_edits, create_record, get_record, list_records, update_record
from strategy.store.workspaces import create_workspace

PATHS = ("form", "table")


@dataclass(frozen=True)
class Tally:
    """What the writers saw and what the database kept."""

    saved: int  # edits the service said it saved
    refused: Counter[str]  # clear refusals by kind (stale, busy …)
    tracebacks: list[str]  # anything that was not a WorkbenchError
    updates_stored: int  # the records' versions say this many updates happened
    updates_audited: int

    @property
    def lost(self) -> int:
        """Edits reported as saved that the records do not show."""
        return self.saved - self.updates_stored


def prepare(url: str, records: int) -> tuple[int, list[int]]:
    """A workspace with `records` needs to edit."""
    engine = make_engine(url)
    ws = create_workspace(engine, {"name": "Stress", "plan_start": date(2026, 1, 1)}, actor="setup")
    assert ws.id is not None
    made = [
        create_record(
            engine,
            "need",
            ws.id,
            {"title": f"Need {n}", "department": "Sales", "kind": "pain", "level": "end_user"},
            actor="setup",
        )
        for n in range(records)
    ]
    engine.dispose()
    return ws.id, [m["id"] for m in made]


def _edit(engine, path: str, ws_id: int, record_id: int, title: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    current = get_record(engine, "need", ws_id, record_id)
    if path == "form":
        update_record(
            engine, "need", ws_id, record_id, {"title": title}, expected_version=current["version"], actor=actor
        )
    else:
        edits = TableEdits(edited={record_id: (current["version"], {"title": title})})
        apply_table_edits(engine, "need", ws_id, edits, actor=actor)


def _worker(args: tuple[str, str, int, int, int, int]) -> tuple[int, Counter[str], list[str]]:
    url, path, ws_id, record_id, edits, number = args
    engine = make_engine(url)
    saved, refused, tracebacks = 0, Counter[str](), []
    for n in range(edits):
        try:
            _edit(engine, path, ws_id, record_id, f"w{number} e{n}", f"writer{number}")
            saved += 1
        except StaleVersion:
            refused["stale"] += 1
        except WorkbenchError as exc:
            refused[type(exc).__name__] += 1
        except Exception:
            tracebacks.append(traceback.format_exc(limit=3))
    engine.dispose()
    return saved, refused, tracebacks


def hammer(url: str, *, processes: int, edits: int, path: str, shared: bool) -> Tally:
    """Run the writers in separate processes and tally what happened."""
    ws_id, ids = prepare(url, 1 if shared else processes)
    jobs = [(url, path, ws_id, ids[0 if shared else n], edits, n) for n in range(processes)]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        results = pool.map(_worker, jobs)
    engine = make_engine(url)
    with read_session(engine) as session:
        versions = sum(get_record(engine, "need", ws_id, i)["version"] - 1 for i in ids)
        audited = session.exec(
            select(func.count()).where(AuditEvent.workspace_id == ws_id, AuditEvent.action == "update")
        ).one()
    engine.dispose()
    refused: Counter[str] = Counter()
    for _, counts, _ in results:
        refused.update(counts)
    return Tally(
        saved=sum(r[0] for r in results),
        refused=refused,
        tracebacks=[t for r in results for t in r[2]],
        updates_stored=versions,
        updates_audited=int(audited),
    )


def _together(jobs: list[Callable[[], object]]) -> tuple[int, Counter[str], list[str]]:
    """Start the jobs on threads at one barrier; count successes, clear refusals and tracebacks."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list[str] = []

    def run(job: Callable[[], object]) -> None:
        barrier.wait()
        try:
            job()
            outcomes.append("saved")
        except WorkbenchError as exc:
            outcomes.append(type(exc).__name__)
        except Exception:
            outcomes.append("traceback:" + traceback.format_exc(limit=3))

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tracebacks = [o for o in outcomes if o.startswith("traceback:")]
    return outcomes.count("saved"), Counter(o for o in outcomes if o != "saved" and o not in tracebacks), tracebacks


def race_rings(engine: Engine, pairs: int) -> tuple[int, Counter[str], list[str]]:
    """Pairs of initiatives; for each, two people at once make each wait for the other.
    Returns (rings stored, refusals, tracebacks)."""
    ws = create_workspace(engine, {"name": "Rings", "plan_start": date(2026, 1, 1)}, actor="setup")
    ws_id = ws.id or 0
    made = [
        [create_initiative(engine, ws_id, {"title": f"{side}{n}", "effort": 1}, actor="setup") for side in "AB"]
        for n in range(pairs)
    ]
    jobs: list[Callable[[], object]] = []
    for a, b in made:
        for first, second in ((a, b), (b, a)):
            jobs.append(
                functools.partial(
                    add_dependency, engine, ws_id, first["id"], second["id"], expected_version=1, actor="racer"
                )
            )
    _, refused, tracebacks = _together(jobs)
    stored = {i["id"]: i["depends_on_ids"] for i in list_records(engine, "initiative", ws_id)}
    rings = sum(1 for a, b in made if b["id"] in stored[a["id"]] and a["id"] in stored[b["id"]])
    return rings, refused, tracebacks


def race_names(engine: Engine, writers: int) -> tuple[int, Counter[str], list[str]]:
    """Several people create a workspace of one name at once: (created, refusals, tracebacks)."""
    data = {"name": "Same name", "plan_start": date(2026, 1, 1)}
    return _together([functools.partial(create_workspace, engine, data, actor="racer") for _ in range(writers)])
