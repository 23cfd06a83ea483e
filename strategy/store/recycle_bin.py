"""The recycle bin: deleted records kept per workspace, restorable with their links and the references
that pointed at them for a number of days (WORKBENCH_RECYCLE_BIN_DAYS), then purged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, UniqueConstraint
from sqlmodel import Session, col, delete, select

from models.base import utcnow
from models.engine import read_session
from models.history import BinEntry
from models.labels import field_label
from models.registry import Entity, entity
from models.settings import get_settings
from models.workspace import Workspace
from strategy.errors import Conflict, FieldError, InvalidInput, NotFound
from strategy.store import record_store as store
from strategy.store.records import (
    WholeCheck,
    _write,  # one write path for every change: retries, locks, access rules
)
from strategy.store.transaction import in_transaction

Record = store.Record


def _cutoff(days: int | None) -> datetime:
    return utcnow() - timedelta(days=get_settings().recycle_bin_days if days is None else days)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes: they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def list_bin(engine: Engine, workspace_id: int) -> list[BinEntry]:
    """The workspace's deleted records still restorable, newest first."""
    with read_session(engine) as session:
        statement = (
            select(BinEntry)
            .where(BinEntry.workspace_id == workspace_id, col(BinEntry.deleted_at) >= _cutoff(None))
            .order_by(col(BinEntry.id).desc())
        )
        return list(session.exec(statement).all())


def latest_entry(session: Session, workspace_id: int, kind: str, record_id: int) -> BinEntry | None:
    """The newest bin entry of one deleted record (undoing its delete restores it)."""
    statement = (
        select(BinEntry)
        .where(BinEntry.workspace_id == workspace_id, BinEntry.kind == kind, BinEntry.record_id == record_id)
        .order_by(col(BinEntry.id).desc())
    )
    return session.exec(statement).first()


def restore_from_bin(
    engine: Engine, workspace_id: int, entry_id: int, *, actor: str, check: WholeCheck | None = None
) -> Record:
    """Put a deleted record back, through the same checks as any new record (and the kind's whole-set
    `check`, e.g. no dependency ring); refused in words when what it pointed at is gone or its name
    is taken meanwhile. Audited as a restore."""
    with read_session(engine) as session:
        found = session.get(BinEntry, entry_id)
        if found is None or found.workspace_id != workspace_id:
            raise NotFound("that record is no longer in the recycle bin: it was restored or purged")
        kind = found.kind

    def work(session: Session, workspace: Workspace) -> Record:
        statement = select(BinEntry).where(BinEntry.id == entry_id).with_for_update()
        entry = session.exec(statement).first()
        if entry is None:
            raise NotFound("that record is no longer in the recycle bin: it was restored or purged")
        return restore_entry(session, workspace, entry, actor)

    return _write(engine, kind, workspace_id, work, check, actor)


def restore_entry(session: Session, workspace: Workspace, entry: BinEntry, actor: str) -> Record:
    ent = entity(entry.kind)
    what = f"{ent.label} '{entry.title}'"
    if _aware(entry.deleted_at) < _cutoff(None):
        days = get_settings().recycle_bin_days
        raise Conflict(f"{what} was deleted more than {days} days ago: it can no longer be restored")
    record = entry.rows["record"]
    data = {k: v for k, v in record.items() if k not in store.META}
    _refuse_clash(session, ent, store.wid(workspace), data, what)
    free = session.get(ent.table, record["id"]) is None
    try:
        restored = store.insert(
            session, ent, workspace, data, actor, record_id=record["id"] if free else None, action="restore"
        )
    except (InvalidInput, Conflict) as exc:
        raise Conflict(f"{what} cannot be restored: {exc}") from exc
    _reattach(session, workspace, entry.rows.get("detached", []), restored["id"], actor)
    session.delete(entry)
    return restored


def _refuse_clash(session: Session, ent: Entity, workspace_id: int, data: Record, what: str) -> None:
    """A record that took the deleted one's unique name meanwhile: say which, before the database does."""
    for constraint in ent.table.__table__.constraints:  # type: ignore[attr-defined]
        if not isinstance(constraint, UniqueConstraint):
            continue
        names = [c.name for c in constraint.columns if c.name != "workspace_id"]
        same = [getattr(ent.table, n) == data.get(n) for n in names]
        if session.exec(select(ent.table.id).where(ent.table.workspace_id == workspace_id, *same)).first():
            fields = ", ".join(field_label(n).lower() for n in names)
            raise Conflict(f"{what} cannot be restored: another {ent.label} now has the same {fields}; rename it first")


def _reattach(session: Session, workspace: Workspace, detached: list[Record], record_id: int, actor: str) -> None:
    """Point back at the restored record where the delete unhooked it, if the holder still exists and
    has not been pointed elsewhere meanwhile; each an audited update, like the detach was."""
    for item in detached:
        other = entity(item["kind"])
        try:
            row = store.load_row(session, other, store.wid(workspace), item["id"], lock=True)
        except NotFound:
            continue
        field = item["field"]
        if field in other.refs:
            if getattr(row, field) is not None:
                continue
            changes: Record = {field: record_id}
        else:
            current = store.links_of(session, other, item["id"])[field]
            changes = {field: sorted({*current, record_id})}
        store.modify(session, other, workspace, item["id"], changes, row.version, actor)


def purge_bin(engine: Engine, *, days: int | None = None) -> int:
    """Delete for good every bin entry older than `days` (the setting by default); how many went."""
    if days is not None and days < 0:
        raise InvalidInput([FieldError("days", "must be 0 or more")])
    cutoff = _cutoff(days)

    def work(session: Session) -> int:
        gone = session.exec(delete(BinEntry).where(col(BinEntry.deleted_at) < cutoff))  # type: ignore[call-overload]
        return int(gone.rowcount or 0)

    return in_transaction(engine, work)
