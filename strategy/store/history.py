"""A record's history in words, read with one query for the record shown: who, when, what changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from models.engine import read_session
from models.labels import change_text
from models.registry import entity
from models.workspace import AuditEvent

META = ("id", "version")
ACTION_WORDS = {
    "create": "Created",
    "delete": "Deleted (to the recycle bin)",
    "restore": "Restored from the recycle bin",
}


@dataclass(frozen=True)
class HistoryEntry:
    """One audited change of a record, said in sentences."""

    event_id: int
    actor: str
    at: datetime
    action: str
    lines: list[str]


def change_lines(action: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[str]:
    """'Target changed from 40 to 45', one line per field that moved; a create, delete or restore in a word."""
    if action != "update":
        return [ACTION_WORDS.get(action, action.capitalize())]
    old, new = before or {}, after or {}
    lines = [change_text(k, old.get(k), v) for k, v in new.items() if k not in META and old.get(k) != v]
    return lines or ["Saved without a change"]


def record_history(engine: Engine, kind: str, record_id: int, *, limit: int = 10) -> list[HistoryEntry]:
    """The record's newest changes first; one indexed read however long its history."""
    table_name = entity(kind).table_name
    with read_session(engine) as session:
        statement = (
            select(AuditEvent)
            .where(AuditEvent.table_name == table_name, AuditEvent.row_id == record_id)
            .order_by(col(AuditEvent.id).desc())
            .limit(limit)
        )
        events = session.exec(statement).all()
    return [HistoryEntry(e.id or 0, e.actor, e.at, e.action, change_lines(e.action, e.before, e.after)) for e in events]
