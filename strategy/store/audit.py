"""The audit trail: every write leaves who, when, which row, and the row before and after."""

from __future__ import annotations

from typing import Any

from pydantic_core import to_jsonable_python
from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from models.engine import read_session
from models.workspace import AuditEvent


def record_event(
    session: Session,
    *,
    workspace_id: int,
    actor: str,
    table_name: str,
    row_id: int,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    session.add(AuditEvent(**audit_row(workspace_id, actor, table_name, row_id, action, before, after)))


def audit_row(
    workspace_id: int,
    actor: str,
    table_name: str,
    row_id: int,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> dict[str, Any]:
    """One event's columns (the importer inserts a table's events as one batch)."""
    return {
        "workspace_id": workspace_id,
        "actor": (actor.strip() or "unknown")[:80],
        "table_name": table_name,
        "row_id": row_id,
        "action": action,
        "before": to_jsonable_python(before),
        "after": to_jsonable_python(after),
    }


def latest_changes(session: Session, table_name: str, row_id: int, count: int) -> list[AuditEvent]:
    """The row's newest `count` audit events, oldest first: one indexed read, however long the history."""
    if count <= 0:
        return []
    statement = (
        select(AuditEvent)
        .where(AuditEvent.table_name == table_name, AuditEvent.row_id == row_id)
        .order_by(col(AuditEvent.id).desc())
        .limit(count)
    )
    return list(reversed(session.exec(statement).all()))


def recent_events(engine: Engine, workspace_id: int, limit: int = 50) -> list[AuditEvent]:
    with read_session(engine) as session:
        statement = (
            select(AuditEvent)
            .where(AuditEvent.workspace_id == workspace_id)
            .order_by(col(AuditEvent.id).desc())
            .limit(limit)
        )
        return list(session.exec(statement).all())


def data_version(engine: Engine, workspace_id: int) -> int:
    """A number that grows with every write committed to the workspace: the key for cached figures,
    shared by every server process. The newest audit id alone misses writes on a server database: ids are
    handed out as writes start, so a write committing after a later one adds an older id. Every write adds
    events to a trail that only grows, so their count catches it; both come from one snapshot."""
    with read_session(engine) as session:
        newest, count = session.exec(
            select(func.max(AuditEvent.id), func.count()).where(AuditEvent.workspace_id == workspace_id)
        ).one()
        return int(newest or 0) + int(count)
