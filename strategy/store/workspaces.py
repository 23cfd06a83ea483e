"""Workspaces: several strategies in one database, each sealed off from the others."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ParamSpec

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from models.base import utcnow
from models.engine import read_session
from models.workspace import Workspace, WorkspaceBase
from strategy.errors import Conflict, FieldError, InvalidInput, NotFound, StaleVersion, field_errors
from strategy.store.access import Action, make_owner, require, visible_workspace_ids
from strategy.store.audit import latest_changes, record_event
from strategy.store.bounds import not_yet_named, out_of_bounds
from strategy.store.transaction import in_transaction

EDITABLE = tuple(WorkspaceBase.model_fields)
P = ParamSpec("P")


def list_workspaces(
    engine: Engine, *, include_archived: bool = False, include_deleted: bool = False, visible_to: str | None = None
) -> list[Workspace]:
    """The workspaces, by name; with `visible_to`, only those that person may open (accounts on)."""
    with read_session(engine) as session:
        statement = select(Workspace).order_by(col(Workspace.name), col(Workspace.id))
        allowed = None if visible_to is None else visible_workspace_ids(session, visible_to)
        if allowed is not None:
            statement = statement.where(col(Workspace.id).in_(allowed))
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
    unknown += out_of_bounds(dict(data))
    try:
        valid = WorkspaceBase.model_validate(dict(data))
    except ValidationError as exc:
        raise InvalidInput(unknown + not_yet_named(field_errors(exc), unknown)) from exc
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
    make_owner(session, workspace.id, actor)
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


@contextmanager
def unique_names(name: str) -> Iterator[None]:
    """The database's unique index has the last word when two people pick one name at once."""
    try:
        yield
    except IntegrityError as exc:
        if "uq_workspace_live_name" not in str(exc.orig) and "workspace.name" not in str(exc.orig):
            raise
        raise InvalidInput([FieldError("name", f"a workspace named {name!r} already exists")]) from exc


def refusing_name_clashes(work: Callable[P, Workspace]) -> Callable[P, Workspace]:
    """For writers that take the name from a document: a clash the index finds reads as a field error."""

    @functools.wraps(work)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> Workspace:
        with unique_names("this name"):
            return work(*args, **kwargs)

    return guarded


def write_workspace(engine: Engine, name: str, work: Callable[[Session], Workspace]) -> Workspace:
    """One retried transaction whose name clash, if any, reads as a field error."""
    with unique_names(name):
        return in_transaction(engine, work)


def create_workspace(engine: Engine, data: Mapping[str, Any], *, actor: str) -> Workspace:
    valid = validate_workspace(data)
    return write_workspace(engine, valid.name, lambda session: add_workspace(session, valid, actor))


def stale_workspace(session: Session, workspace: Workspace, expected: int) -> StaleVersion:
    """Who changed the workspace, and what, since the version the person opened."""
    events = latest_changes(session, "workspace", workspace.id or 0, workspace.version - expected)
    who = ", ".join(dict.fromkeys(e.actor for e in events)) or "someone else"
    changed = sorted(
        {k for e in events for k, v in (e.after or {}).items() if (e.before or {}).get(k) != v}
        - {"version", "updated_at"}
    )
    what = ", ".join(changed) or "its settings"
    return StaleVersion(
        f"workspace '{workspace.name}' was changed by {who} after you opened it ({what}); "
        "your edit was not saved: reload and apply it again"
    )


def _change(
    engine: Engine,
    workspace_id: int,
    actor: str,
    expected_version: int,
    *,
    action: Action = Action.EDIT,
    audited_as: str = "update",
    **changes: Any,
) -> Workspace:
    """One change of the workspace row, by someone whose role allows `action`; `audited_as` is the audit
    trail's word for it (a delete is a delete)."""
    return write_workspace(
        engine,
        str(changes.get("name", "this name")),
        lambda session: _change_in(
            session, workspace_id, actor, expected_version, changes, action=action, audited_as=audited_as
        ),
    )


def _change_in(
    session: Session,
    workspace_id: int,
    actor: str,
    expected_version: int,
    changes: Mapping[str, Any],
    *,
    action: Action = Action.EDIT,
    audited_as: str = "update",
) -> Workspace:
    require(session, workspace_id, actor, action)
    statement = select(Workspace).where(Workspace.id == workspace_id).with_for_update()
    workspace = session.exec(statement.execution_options(populate_existing=True)).first()
    if workspace is None:
        raise NotFound(f"workspace {workspace_id} does not exist")
    if workspace.version != expected_version:
        raise stale_workspace(session, workspace, expected_version)
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
        action=audited_as,
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


def set_archived(engine: Engine, workspace_id: int, archived: bool, *, expected_version: int, actor: str) -> Workspace:
    return _change(engine, workspace_id, actor, expected_version, archived=archived)


def delete_workspace(engine: Engine, workspace_id: int, *, expected_version: int, actor: str) -> Workspace:
    """Soft delete: hidden everywhere, restorable from the workspaces page."""
    return _change(
        engine, workspace_id, actor, expected_version, action=Action.OWN, audited_as="delete", deleted_at=utcnow()
    )


def restore_workspace(engine: Engine, workspace_id: int, *, expected_version: int, actor: str) -> Workspace:
    workspace = get_workspace(engine, workspace_id)
    try:
        with read_session(engine) as session:
            ensure_unique_name(session, workspace.name, own_id=workspace_id)
        return _change(
            engine, workspace_id, actor, expected_version, action=Action.OWN, audited_as="restore", deleted_at=None
        )
    except InvalidInput as exc:
        raise Conflict(f"rename the other workspace called {workspace.name!r} before restoring this one") from exc
