"""Defects found by a careful user: stale refusals stay fast, a second 'first save' does not
overwrite, and a locked SQLite database is waited for, then refused in words."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import SQLModel

from models.engine import make_engine
from models.workspace import AuditEvent
from strategy.errors import Busy, StaleVersion
from strategy.store import transaction
from strategy.store.records import get_record, get_singleton, save_singleton, update_record
from tests.factories import make_need, make_workspace

LONG_HISTORY = 300


@pytest.fixture
def audit_rows_read():
    """How many audit events the code under test loads."""
    seen: list[AuditEvent] = []

    def count(_session, instance):  # type: ignore[no-untyped-def]
        if isinstance(instance, AuditEvent):
            seen.append(instance)

    event.listen(OrmSession, "loaded_as_persistent", count)
    yield seen
    event.remove(OrmSession, "loaded_as_persistent", count)


def test_refusing_a_stale_save_reads_only_the_changes_since_it_was_opened(engine, audit_rows_read):
    ws = make_workspace(engine)
    need = make_need(engine, ws.id)
    for n in range(LONG_HISTORY):
        update_record(
            engine, "need", ws.id, need["id"], {"description": f"note {n}"}, expected_version=n + 1, actor="bob"
        )
    opened = LONG_HISTORY  # two changes behind
    update_record(
        engine,
        "need",
        ws.id,
        need["id"],
        {"title": "Quotes take days"},
        expected_version=LONG_HISTORY + 1,
        actor="carol",
    )
    audit_rows_read.clear()
    with pytest.raises(StaleVersion, match=r"changed by bob, carol .*\(description, title\)"):
        update_record(engine, "need", ws.id, need["id"], {"reach": 1}, expected_version=opened, actor="alice")
    assert len(audit_rows_read) == 2  # not the 300 before them


def test_two_people_who_opened_an_empty_vision_cannot_overwrite_each_other(engine):
    ws = make_workspace(engine)
    save_singleton(engine, "vision", ws.id, {"statement": "Bob's view"}, expected_version=None, actor="bob")
    with pytest.raises(StaleVersion, match="changed by bob"):
        save_singleton(engine, "vision", ws.id, {"statement": "Alice's view"}, expected_version=None, actor="alice")
    assert get_singleton(engine, "vision", ws.id)["statement"] == "Bob's view"


@pytest.fixture
def impatient(tmp_path):
    """A SQLite file with a 20 ms busy timeout, and a way to hold its write lock from outside."""
    path = tmp_path / "locked.db"
    engine = make_engine(f"sqlite:///{path}", busy_timeout_ms=20)
    SQLModel.metadata.create_all(engine)
    return engine, path


def _hold_write_lock(path, seconds: float) -> threading.Thread:
    locked = threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        locked.set()
        threading.Event().wait(seconds)
        connection.execute("COMMIT")
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    locked.wait()
    return thread


def test_a_save_waits_out_a_short_lock_instead_of_failing(impatient):
    engine, path = impatient
    ws = make_workspace(engine)
    need = make_need(engine, ws.id)
    holder = _hold_write_lock(path, 0.3)
    saved = update_record(engine, "need", ws.id, need["id"], {"severity": 5}, expected_version=1, actor="alice")
    holder.join()
    assert saved["severity"] == 5


def test_a_lock_that_outlasts_the_retries_is_a_clear_busy_message(impatient, monkeypatch):
    monkeypatch.setattr(transaction, "FIRST_PAUSE_S", 0.002)
    engine, path = impatient
    ws = make_workspace(engine)
    need = make_need(engine, ws.id)
    holder = _hold_write_lock(path, 2)
    with pytest.raises(Busy, match=r"busy .* nothing was saved — try again"):
        update_record(engine, "need", ws.id, need["id"], {"severity": 5}, expected_version=1, actor="alice")
    holder.join()
    assert get_record(engine, "need", ws.id, need["id"])["version"] == 1
