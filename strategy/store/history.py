"""A record's history in words, read with one query for the record shown: who, when, what changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from models.engine import read_session
from models.labels import change_text, field_label
from models.registry import ENTITIES, entity
from models.workspace import AuditEvent
from strategy.store.audit import recent_events

META = ("id", "version", "created_at", "updated_at")  # bookkeeping, not a change a person made
LABELS = {ent.table_name: (ent.label, ent.title_field) for ent in ENTITIES} | {"workspace": ("Workspace", "name")}
ACTION_WORDS = {
    "create": "Created",
    "delete": "Deleted",
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
    subject: str = ""  # which record, for a workspace-wide list: "Need 'Quotes take a week'"


def change_lines(action: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list[str]:
    """'Target changed from 40 to 45', one line per field that moved; a create, delete or restore in a word."""
    if action != "update":
        return [ACTION_WORDS.get(action, action.capitalize())]
    old, new = before or {}, after or {}
    lines = [_line(k, old.get(k), v) for k, v in new.items() if k not in META and old.get(k) != v]
    return lines or ["Saved without a change"]


def _line(name: str, before: Any, after: Any) -> str:
    """References are ids in the trail: say what happened to them rather than print numbers."""
    if name.endswith("_ids"):
        added, removed = len(set(after or []) - set(before or [])), len(set(before or []) - set(after or []))
        return f"{field_label(name)}: {added} added, {removed} removed"
    if name.endswith("_id"):
        return f"{field_label(name)} {'cleared' if after is None else 'set' if before is None else 'changed'}"
    return change_text(name, before, after)


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
        events = list(session.exec(statement).all())
    # A record is created once (a restore keeps its id): events before its create belong to an older
    # record whose id SQLite gave out again after it was deleted.
    created = next((n for n, e in enumerate(events) if e.action == "create"), len(events))
    return [
        HistoryEntry(e.id or 0, e.actor, e.at, e.action, change_lines(e.action, e.before, e.after))
        for e in events[: created + 1]
    ]


def _subject(event: AuditEvent) -> str:
    label, title_field = LABELS.get(event.table_name, (event.table_name, "id"))
    title = (event.after or event.before or {}).get(title_field, event.row_id)
    return f"{label} '{title}'"


def workspace_history(engine: Engine, workspace_id: int, *, limit: int = 30) -> list[HistoryEntry]:
    """The workspace's newest changes to any record, each said in words."""
    events = recent_events(engine, workspace_id, limit)
    return [
        HistoryEntry(e.id or 0, e.actor, e.at, e.action, change_lines(e.action, e.before, e.after), _subject(e))
        for e in events
    ]
