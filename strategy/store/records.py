"""The services pages and the CLI call to read and change any workspace record.

Every write is one transaction, validated (fields, references, workspace rules), checked against
the version the person had open, and audited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from models.engine import read_session
from models.registry import entity
from models.workspace import Workspace
from strategy.edits import TableEdits
from strategy.errors import Conflict, FieldError, InvalidInput, StaleVersion
from strategy.store import record_store as store
from strategy.store.access import Action, require
from strategy.store.transaction import in_transaction

Record = store.Record
T = TypeVar("T")
# A rule over every record of a kind, judged inside the writing transaction: (workspace, before, after).
WholeCheck = Callable[[Workspace, list[Record], list[Record]], None]


def _write(
    engine: Engine,
    kind: str,
    workspace_id: int,
    work: Callable[[Session, Workspace], T],
    check: WholeCheck | None,
    actor: str,
) -> T:
    """One retried transaction, by someone whose role allows editing; with a whole-set check, writers
    of the workspace queue on its row so two concurrent edits cannot each pass a rule that their sum
    breaks (a dependency ring)."""

    def run(session: Session) -> T:
        require(session, workspace_id, actor, Action.EDIT)
        workspace = store.load_workspace(session, workspace_id, lock=check is not None)
        if check is None:
            return work(session, workspace)
        before = store.records_of(session, entity(kind), workspace_id)
        result = work(session, workspace)
        session.flush()
        check(workspace, before, store.records_of(session, entity(kind), workspace_id))
        return result

    try:
        return in_transaction(engine, run)
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


def create_record(
    engine: Engine,
    kind: str,
    workspace_id: int,
    data: Mapping[str, Any],
    *,
    actor: str,
    check: WholeCheck | None = None,
) -> Record:
    return _write(
        engine, kind, workspace_id, lambda s, ws: store.insert(s, entity(kind), ws, dict(data), actor), check, actor
    )


def update_record(
    engine: Engine,
    kind: str,
    workspace_id: int,
    record_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int,
    actor: str,
    check: WholeCheck | None = None,
) -> Record:
    def work(session: Session, workspace: Workspace) -> Record:
        return store.modify(session, entity(kind), workspace, record_id, dict(changes), expected_version, actor)

    return _write(engine, kind, workspace_id, work, check, actor)


def delete_record(
    engine: Engine, kind: str, workspace_id: int, record_id: int, *, expected_version: int, actor: str
) -> None:
    def work(session: Session, workspace: Workspace) -> None:
        store.remove(session, entity(kind), workspace, record_id, expected_version, actor)

    _write(engine, kind, workspace_id, work, None, actor)


def save_singleton(
    engine: Engine, kind: str, workspace_id: int, data: Mapping[str, Any], *, expected_version: int | None, actor: str
) -> Record:
    """Create the workspace's vision or direction, or update the one it has. `expected_version` None
    means the person opened it empty: if someone created it meanwhile, the save is refused."""
    ent = entity(kind)

    def work(session: Session, workspace: Workspace) -> Record:
        current = session.exec(
            select(ent.table).where(ent.table.workspace_id == workspace_id).with_for_update()
        ).first()
        if current is None:
            return store.insert(session, ent, workspace, dict(data), actor)
        if expected_version is None:
            raise StaleVersion(store.stale_message(session, ent, current, 0))
        return store.modify(session, ent, workspace, current.id or 0, dict(data), expected_version, actor)

    return _write(engine, kind, workspace_id, work, None, actor)


def apply_table_edits(
    engine: Engine, kind: str, workspace_id: int, edits: TableEdits, *, actor: str, check: WholeCheck | None = None
) -> int:
    """Apply a whole table edit in one transaction, or nothing; errors name the row they are in."""
    ent = entity(kind)

    def work(session: Session, workspace: Workspace) -> int:
        for record_id, (version, changes) in edits.edited.items():
            row = store.load_row(session, ent, workspace_id, record_id, lock=True)
            with _naming_row(f"{ent.label} '{getattr(row, ent.title_field)}'"):
                store.modify(session, ent, workspace, record_id, changes, version, actor)
        for record_id, version in edits.deleted.items():
            store.remove(session, ent, workspace, record_id, version, actor)
        for number, data in enumerate(edits.added, start=1):
            with _naming_row(f"new row {number}"):
                store.insert(session, ent, workspace, data, actor)
        return len(edits.edited) + len(edits.deleted) + len(edits.added)

    return _write(engine, kind, workspace_id, work, check, actor)


@contextmanager
def _naming_row(where: str) -> Iterator[None]:
    try:
        yield
    except InvalidInput as exc:
        raise InvalidInput(
            [FieldError(f"{where}.{e.path}" if e.path else where, e.message) for e in exc.errors]
        ) from exc
