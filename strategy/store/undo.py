"""Undo one audited change of a record: itself an audited change, refused if the record moved on."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session

from models.engine import read_session
from models.registry import ENTITIES, Entity
from models.workspace import AuditEvent, Workspace
from strategy.errors import Conflict, NotFound, StaleVersion
from strategy.store import record_store as store
from strategy.store.records import WholeCheck, _write, delete_record, update_record
from strategy.store.recycle_bin import latest_entry, restore_entry

BY_TABLE: dict[str, Entity] = {ent.table_name: ent for ent in ENTITIES}
UNDOABLE = frozenset({"create", "update", "delete", "restore"})


def _event(engine: Engine, workspace_id: int, event_id: int) -> AuditEvent:
    with read_session(engine) as session:
        event = session.get(AuditEvent, event_id)
    if event is None or event.workspace_id != workspace_id:
        raise NotFound(f"change {event_id} is not in this workspace's history")
    return event


def undo_change(
    engine: Engine, workspace_id: int, event_id: int, *, actor: str, check: WholeCheck | None = None
) -> str:
    """Reverse one change; says what was done. An edit is put back field by field only if the record
    is still at the version that edit left (the database checks it, as for any save); `check` is the
    kind's whole-set rule (no dependency ring), as its own saves use."""
    event = _event(engine, workspace_id, event_id)
    ent = BY_TABLE.get(event.table_name)
    if ent is None or event.action not in UNDOABLE:
        raise Conflict("only changes to a record can be undone here (workspace changes: see the Workspaces page)")
    after, before = event.after or {}, event.before or {}
    title = str((after or before).get(ent.title_field, event.row_id))
    what = f"{ent.label} '{title}'"
    try:
        if event.action == "update":
            changes = {k: v for k, v in before.items() if k not in store.META}
            version = after["version"]
            update_record(
                engine,
                ent.kind,
                workspace_id,
                event.row_id,
                changes,
                expected_version=version,
                actor=actor,
                check=check,
            )
            return f"Undid the change to {what}."
        if event.action in ("create", "restore"):
            delete_record(engine, ent.kind, workspace_id, event.row_id, expected_version=after["version"], actor=actor)
            return f"Undid: {what} is in the recycle bin again."
        restore = lambda s, ws: _restore_deleted(s, ws, ent, event, what, actor)  # noqa: E731
        _write(engine, ent.kind, workspace_id, restore, check, actor)
        return f"Undid the delete: {what} is back."
    except StaleVersion as exc:
        raise StaleVersion(f"cannot undo: {what} was changed again since. {exc}") from exc
    except NotFound as exc:
        raise Conflict(f"cannot undo: {what} no longer exists") from exc


def _restore_deleted(
    session: Session, workspace: Workspace, ent: Entity, event: AuditEvent, what: str, actor: str
) -> None:
    entry = latest_entry(session, store.wid(workspace), ent.kind, event.row_id)
    if entry is None:
        raise Conflict(f"cannot undo: {what} is no longer in the recycle bin")
    restore_entry(session, workspace, entry, actor)
