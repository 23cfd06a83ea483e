"""Two servers on one PostgreSQL: every server caches a workspace's records and results under its data
version, so a write another server commits must change that number — whatever order the database handed
out the writes' audit ids in (a sequence gives ids in the order writes start, not the order they commit)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import event
from sqlmodel import Session

from models.migrate import upgrade_to_head
from strategy.store.audit import data_version
from strategy.store.records import list_records, update_record
from tests.factories import make_need, make_workspace

pytestmark = pytest.mark.postgres


@pytest.fixture
def paused_writer() -> Iterator[tuple[threading.Event, threading.Event]]:
    """A write made on the thread named 'slow' stops after its rows and audit event reach the database
    (their ids given) and before it commits, until `go` is set; `flushed` says it got there."""
    flushed, go = threading.Event(), threading.Event()

    def hold(_session: Session, _context: object) -> None:
        if threading.current_thread().name == "slow" and not flushed.is_set():
            flushed.set()
            go.wait(timeout=30)

    event.listen(Session, "after_flush", hold)
    yield flushed, go
    go.set()
    event.remove(Session, "after_flush", hold)


def test_a_write_that_commits_after_a_later_one_still_changes_the_data_version(pg_engine, paused_writer):
    flushed, go = paused_writer
    upgrade_to_head(pg_engine)
    ws = make_workspace(pg_engine)
    first = make_need(pg_engine, ws.id, title="Quotes take a week")
    second = make_need(pg_engine, ws.id, title="Renewals are missed")

    def retitle(need: dict, title: str, actor: str) -> None:
        update_record(pg_engine, "need", ws.id, need["id"], {"title": title}, expected_version=1, actor=actor)

    def alice() -> None:  # server A: its save has its audit id, and is still committing
        retitle(first, "Quotes take a day", "Alice")

    slow = threading.Thread(target=alice, name="slow")
    slow.start()
    assert flushed.wait(timeout=30)
    # server B: a later save commits first; a page then reads the version and caches what it sees
    retitle(second, "Renewals are late", "Bob")
    cached_under = data_version(pg_engine, ws.id)
    assert "Quotes take a day" not in {n["title"] for n in list_records(pg_engine, "need", ws.id)}

    go.set()
    slow.join(timeout=30)
    assert {n["title"] for n in list_records(pg_engine, "need", ws.id)} == {"Quotes take a day", "Renewals are late"}
    assert data_version(pg_engine, ws.id) != cached_under, "the cache would keep hiding Alice's saved title"
