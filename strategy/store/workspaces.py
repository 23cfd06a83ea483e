"""Workspaces: several strategies in one database, each sealed off from the others."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from models.base import utcnow
from models.engine import read_session, write_session
from models.workspace import Workspace, WorkspaceBase
from strategy.errors import Conflict, FieldError, InvalidInput, NotFound, StaleVersion, field_errors
from strategy.store.audit import record_event

EDITABLE = tuple(WorkspaceBase.model_fields)


def list_workspaces(
    engine: Engine, *, include_archived: bool = False, include_deleted: bool = False
) -> list[Workspace]:
    with read_session(engine) as session:
        statement = select(Workspace).order_by(col(Workspace.name), col(Workspace.id))
        if not include_deleted:
            statement = statement.where(col(Workspace.deleted_at).is_(None))
        if not include_archived:
            statement = statement.where(col(Workspace.archived).is_(False))
        return list(session.exec(statement).all())


def get_workspace(engine: Engine, workspace_id: int) -> Workspace:
    with read_session(engine) as session:
        found = session.get(Workspace, workspace_id)
        if found is None:
            raise NotFound(f"workspace {workspace_id} does not exist")
        return found


def resolve_workspace(engine: Engine, name_or_id: str) -> Workspace:
    """A workspace by its id or its exact name (deleted ones excluded), as the CLI takes it."""
    candidates = list_workspaces(engine, include_archived=True)
    for workspace in candidates:
        if str(workspace.id) == name_or_id.strip() or workspace.name == name_or_id.strip():
            return workspace
    known = ", ".join(f"{w.id}: {w.name}" for w in candidates) or "none yet"
    raise NotFound(f"no workspace is named or numbered {name_or_id!r} (known: {known})")


def validate_workspace(data: Mapping[str, Any]) -> WorkspaceBase:
    unknown = [FieldError(name, "is not a workspace field") for name in data if name not in EDITABLE]
    try:
        valid = WorkspaceBase.model_validate(dict(data))
    except ValidationError as exc:
        raise InvalidInput(unknown + field_errors(exc)) from exc
    if unknown:
        raise InvalidInput(unknown)
    return valid


def ensure_unique_name(session: Session, name: str, own_id: int | None = None) -> None:
    statement = select(Workspace.id).where(Workspace.name == name, col(Workspace.deleted_at).is_(None))
    clash = [found for found in session.exec(statement).all() if found != own_id]
    if clash:
        raise InvalidInput([FieldError("name", f"a workspace named {name!r} already exists")])


def add_workspace(session: Session, valid: WorkspaceBase, actor: str) -> Workspace:
    """Insert inside the caller's transaction (the importer adds records in the same one)."""
    ensure_unique_name(session, valid.name)
    workspace = Workspace.model_validate(valid.model_dump())
    session.add(workspace)
    session.flush()
    assert workspace.id is not None
    record_event(
        session,
        workspace_id=workspace.id,
        actor=actor,
        table_name="workspace",
        row_id=workspace.id,
        action="create",
        before=None,
        after=workspace.model_dump(),
    )
    return workspace


def create_workspace(engine: Engine, data: Mapping[str, Any], *, actor: str) -> Workspace:
    valid = validate_workspace(data)
    with write_session(engine) as session:
        return add_workspace(session, valid, actor)


def _change(engine: Engine, workspace_id: int, actor: str, expected_version: int | None, **changes: Any) -> Workspace:
    with write_session(engine) as session:
        workspace = session.exec(select(Workspace).where(Workspace.id == workspace_id).with_for_update()).first()
        if workspace is None:
            raise NotFound(f"workspace {workspace_id} does not exist")
        if expected_version is not None and workspace.version != expected_version:
            raise StaleVersion(
                f"workspace '{workspace.name}' was changed by someone else after you opened it; "
                "your edit was not saved: reload and apply it again"
            )
        before = workspace.model_dump()
        for name, value in changes.items():
            setattr(workspace, name, value)
        workspace.version += 1
        workspace.updated_at = utcnow()
        session.add(workspace)
        session.flush()
        record_event(
            session,
            workspace_id=workspace_id,
            actor=actor,
            table_name="workspace",
            row_id=workspace_id,
            action="update",
            before=before,
            after=workspace.model_dump(),
        )
        return workspace


def update_workspace(
    engine: Engine, workspace_id: int, changes: Mapping[str, Any], *, expected_version: int, actor: str
) -> Workspace:
    """Rename or re-plan a workspace; the whole result is validated before anything is written."""
    current = get_workspace(engine, workspace_id)
    merged = {name: getattr(current, name) for name in EDITABLE} | dict(changes)
    valid = validate_workspace(merged)
    with read_session(engine) as session:
        ensure_unique_name(session, valid.name, own_id=workspace_id)
    return _change(engine, workspace_id, actor, expected_version, **valid.model_dump())


def set_archived(engine: Engine, workspace_id: int, archived: bool, *, actor: str) -> Workspace:
    return _change(engine, workspace_id, actor, None, archived=archived)


def delete_workspace(engine: Engine, workspace_id: int, *, actor: str) -> Workspace:
    """Soft delete: hidden everywhere, restorable from the workspaces page."""
    return _change(engine, workspace_id, actor, None, deleted_at=utcnow())


def restore_workspace(engine: Engine, workspace_id: int, *, actor: str) -> Workspace:
    workspace = get_workspace(engine, workspace_id)
    with read_session(engine) as session:
        try:
            ensure_unique_name(session, workspace.name, own_id=workspace_id)
        except InvalidInput as exc:
            raise Conflict(f"rename the other workspace called {workspace.name!r} before restoring this one") from exc
    return _change(engine, workspace_id, actor, None, deleted_at=None)
