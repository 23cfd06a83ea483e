"""The services pages and the CLI call to read and change any workspace record.

Every write is one transaction, validated (fields, references, workspace rules), checked against
the version the person had open, and audited.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from models.engine import read_session, write_session
from models.registry import entity
from models.workspace import Workspace
from strategy.edits import TableEdits
from strategy.errors import Conflict, FieldError, InvalidInput
from strategy.store import record_store as store

Record = store.Record


@contextmanager
def _writing(engine: Engine, workspace_id: int) -> Iterator[tuple[Session, Workspace]]:
    try:
        with write_session(engine) as session:
            yield session, store.load_workspace(session, workspace_id)
    except IntegrityError as exc:
        raise Conflict(f"that would duplicate or orphan a record ({exc.orig})") from exc


def list_records(engine: Engine, kind: str, workspace_id: int) -> list[Record]:
    """Every record of a kind in the workspace, oldest first, with link lists filled in."""
    with read_session(engine) as session:
        return store.records_of(session, entity(kind), workspace_id)


def get_record(engine: Engine, kind: str, workspace_id: int, record_id: int) -> Record:
    ent = entity(kind)
    with read_session(engine) as session:
        row = store.load_row(session, ent, workspace_id, record_id)
        return store.to_record(row, ent, store.links_of(session, ent, record_id))


def get_singleton(engine: Engine, kind: str, workspace_id: int) -> Record | None:
    """The workspace's one vision or direction, if it has one yet."""
    found = list_records(engine, kind, workspace_id)
    return found[0] if found else None


def create_record(engine: Engine, kind: str, workspace_id: int, data: Mapping[str, Any], *, actor: str) -> Record:
    with _writing(engine, workspace_id) as (session, workspace):
        return store.insert(session, entity(kind), workspace, dict(data), actor)


def update_record(
    engine: Engine,
    kind: str,
    workspace_id: int,
    record_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int,
    actor: str,
) -> Record:
    with _writing(engine, workspace_id) as (session, workspace):
        return store.modify(session, entity(kind), workspace, record_id, dict(changes), expected_version, actor)


def delete_record(
    engine: Engine, kind: str, workspace_id: int, record_id: int, *, expected_version: int, actor: str
) -> None:
    with _writing(engine, workspace_id) as (session, workspace):
        store.remove(session, entity(kind), workspace, record_id, expected_version, actor)


def save_singleton(
    engine: Engine, kind: str, workspace_id: int, data: Mapping[str, Any], *, expected_version: int | None, actor: str
) -> Record:
    """Create the workspace's vision or direction, or update the one it has."""
    ent = entity(kind)
    with _writing(engine, workspace_id) as (session, workspace):
        current = session.exec(select(ent.table).where(ent.table.workspace_id == workspace_id)).first()
        if current is None:
            return store.insert(session, ent, workspace, dict(data), actor)
        version = current.version if expected_version is None else expected_version
        return store.modify(session, ent, workspace, current.id or 0, dict(data), version, actor)


def apply_table_edits(engine: Engine, kind: str, workspace_id: int, edits: TableEdits, *, actor: str) -> int:
    """Apply a whole table edit in one transaction, or nothing; errors name the row they are in."""
    ent = entity(kind)
    done = 0
    with _writing(engine, workspace_id) as (session, workspace):
        for record_id, (version, changes) in edits.edited.items():
            row = store.load_row(session, ent, workspace_id, record_id)
            with _naming_row(f"{ent.label} '{getattr(row, ent.title_field)}'"):
                store.modify(session, ent, workspace, record_id, changes, version, actor)
            done += 1
        for record_id, version in edits.deleted.items():
            store.remove(session, ent, workspace, record_id, version, actor)
            done += 1
        for number, data in enumerate(edits.added, start=1):
            with _naming_row(f"new row {number}"):
                store.insert(session, ent, workspace, data, actor)
            done += 1
    return done


@contextmanager
def _naming_row(where: str) -> Iterator[None]:
    try:
        yield
    except InvalidInput as exc:
        raise InvalidInput(
            [FieldError(f"{where}.{e.path}" if e.path else where, e.message) for e in exc.errors]
        ) from exc
