"""Session-level primitives behind the record services: validate, write, link, detach, audit.

They run inside a caller's transaction, so an import or a bulk edit is all-or-nothing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import ValidationError
from pydantic_core import to_jsonable_python
from sqlalchemy import Delete, Update, and_, update
from sqlmodel import Session, col, delete, select

from models.base import RowMeta, utcnow
from models.history import BinEntry
from models.registry import BY_KIND, ENTITIES, Entity, Link
from models.workspace import Workspace
from strategy.errors import Conflict, FieldError, InvalidInput, NotFound, StaleVersion, field_errors
from strategy.store.audit import latest_changes, record_event
from strategy.store.bounds import not_yet_named, out_of_bounds
from strategy.store.record_checks import run_checks

Record = dict[str, Any]
META = ("id", "version")


def wid(workspace: Workspace) -> int:
    """The id of a stored workspace (never None once it is in the database)."""
    assert workspace.id is not None
    return workspace.id


def _audit(
    session: Session,
    ent: Entity,
    workspace: Workspace,
    row_id: int,
    action: str,
    before: Record | None,
    after: Record | None,
    actor: str,
) -> None:
    record_event(
        session,
        workspace_id=wid(workspace),
        actor=actor,
        table_name=ent.table_name,
        row_id=row_id,
        action=action,
        before=before,
        after=after,
    )


def load_workspace(session: Session, workspace_id: int, *, lock: bool = False) -> Workspace:
    statement = select(Workspace).where(Workspace.id == workspace_id)
    if lock:
        statement = statement.with_for_update().execution_options(populate_existing=True)
    workspace = session.exec(statement).first()
    if workspace is None or workspace.deleted_at is not None:
        raise NotFound(f"workspace {workspace_id} does not exist")
    return workspace


def load_row(session: Session, ent: Entity, workspace_id: int, record_id: int, *, lock: bool = False) -> RowMeta:
    statement = select(ent.table).where(ent.table.id == record_id, ent.table.workspace_id == workspace_id)
    if lock:
        # populate_existing: a copy read earlier in this session must not hide a newer version.
        statement = statement.with_for_update().execution_options(populate_existing=True)
    row = session.exec(statement).first()
    if row is None:
        raise NotFound(f"{ent.label} {record_id} does not exist in this workspace")
    return row


def link_map(session: Session, link: Link, owner_ids: list[int]) -> dict[int, list[int]]:
    """The link lists of many owners in one query."""
    own, other = getattr(link.table, link.own_column), getattr(link.table, link.other_column)
    found: dict[int, list[int]] = defaultdict(list)
    if owner_ids:
        for owner, target in session.exec(select(own, other).where(col(own).in_(owner_ids)).order_by(other)):
            found[owner].append(target)
    return found


def links_of(session: Session, ent: Entity, record_id: int) -> dict[str, list[int]]:
    """One record's link lists (an objective's need_ids …)."""
    return {link.field: link_map(session, link, [record_id]).get(record_id, []) for link in ent.links}


def to_record(row: RowMeta, ent: Entity, links: dict[str, list[int]]) -> Record:
    # getattr, not model_dump: stored choices come back as plain strings, which is what we want.
    data = {name: getattr(row, name) for name in (*META, *ent.fields, *ent.refs)}
    data.update({link.field: list(links.get(link.field, [])) for link in ent.links})
    return data


def records_of(session: Session, ent: Entity, workspace_id: int) -> list[Record]:
    """Every record of a kind, read as plain columns: no ORM object per row (12,000 rows in a tenth of
    the time), the same dicts as to_record gives."""
    names = (*META, *ent.fields, *ent.refs)
    statement = (
        select(*(getattr(ent.table, name) for name in names))
        .where(ent.table.workspace_id == workspace_id)
        .order_by(col(ent.table.id))
    )
    rows = [dict(zip(names, row, strict=True)) for row in session.execute(statement)]
    maps = {link.field: link_map(session, link, [row["id"] for row in rows]) for link in ent.links}
    for row in rows:
        row.update({field: list(found.get(row["id"], [])) for field, found in maps.items()})
    return rows


def _existing_ids(session: Session, kind: str, workspace_id: int, ids: set[int]) -> set[int]:
    table = BY_KIND[kind].table
    statement = select(table.id).where(table.workspace_id == workspace_id, col(table.id).in_(ids))
    return set(session.exec(statement).all())  # type: ignore[arg-type]


def validate(session: Session, ent: Entity, workspace: Workspace, data: Record, record_id: int | None = None) -> Record:
    """The cleaned record, or InvalidInput naming every field at fault."""
    allowed = set(ent.fields) | set(ent.refs) | {link.field for link in ent.links} | set(META)
    errors = [FieldError(name, "is not a field of this record") for name in data if name not in allowed]
    errors += out_of_bounds({k: v for k, v in data.items() if k in allowed})
    clean: Record = {}
    try:
        base = ent.base.model_validate({k: v for k, v in data.items() if k in ent.base.model_fields})
        clean.update({name: getattr(base, name) for name in ent.fields})
    except ValidationError as exc:
        errors += not_yet_named(field_errors(exc), errors)
    for name, target in ent.refs.items():
        value = data.get(name)
        clean[name] = value
        if value is None:
            if name in ent.required_refs:
                errors.append(FieldError(name, f"a {BY_KIND[target].label} must be chosen"))
        elif not _existing_ids(session, target, wid(workspace), {int(value)}):
            errors.append(FieldError(name, f"{BY_KIND[target].label} {value} is not in this workspace"))
    for link in ent.links:
        wanted = {int(v) for v in data.get(link.field) or []}
        missing = wanted - _existing_ids(session, link.target, wid(workspace), wanted) if wanted else set()
        if missing:
            errors.append(
                FieldError(link.field, f"{BY_KIND[link.target].label} {sorted(missing)} not in this workspace")
            )
        clean[link.field] = sorted(wanted)
    errors += run_checks(ent.kind, workspace, {**data, "id": record_id})
    if errors:
        raise InvalidInput(errors)
    return clean


def _write_links(session: Session, ent: Entity, row_id: int, clean: Record) -> None:
    for link in ent.links:
        session.exec(delete(link.table).where(getattr(link.table, link.own_column) == row_id))  # type: ignore[call-overload]
        for target in clean[link.field]:
            session.add(link.table(**{link.own_column: row_id, link.other_column: target}))


def insert(
    session: Session,
    ent: Entity,
    workspace: Workspace,
    data: Record,
    actor: str,
    *,
    record_id: int | None = None,
    action: str = "create",
) -> Record:
    """A new row; a restore from the recycle bin passes the id the record had, so its history and the
    references kept in other bin entries still find it."""
    clean = validate(session, ent, workspace, data)
    if ent.singleton and session.exec(select(ent.table.id).where(ent.table.workspace_id == workspace.id)).first():
        raise Conflict(f"this workspace already has a {ent.label}; edit it instead")
    row = ent.table(
        **{k: v for k, v in clean.items() if k not in {link.field for link in ent.links}},
        workspace_id=wid(workspace),
        id=record_id,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    _write_links(session, ent, row.id, clean)
    after = to_record(row, ent, clean)
    _audit(session, ent, workspace, row.id, action, None, after, actor)
    return after


def stale_message(session: Session, ent: Entity, row: RowMeta, expected: int) -> str:
    """Who changed which fields since the version the person opened; reads only those changes."""
    changed: set[str] = set()
    actors: list[str] = []
    for event in latest_changes(session, ent.table_name, row.id or 0, row.version - expected):
        before, after = event.before or {}, event.after or {}
        changed |= {k for k in after if k not in META and before.get(k) != after.get(k)}
        if event.actor not in actors:
            actors.append(event.actor)
    title = getattr(row, ent.title_field, row.id)
    who = ", ".join(actors) or "someone else"
    what = ", ".join(sorted(changed)) or "the record"
    return (
        f"{ent.label} '{title}' was changed by {who} after you opened it ({what}). "
        f"Your edit was not saved: reload to see the current values, then apply it again."
    )


def modify(
    session: Session,
    ent: Entity,
    workspace: Workspace,
    record_id: int,
    changes: Record,
    expected_version: int,
    actor: str,
) -> Record:
    row = load_row(session, ent, wid(workspace), record_id, lock=True)
    if row.version != expected_version:
        raise StaleVersion(stale_message(session, ent, row, expected_version))
    maps = links_of(session, ent, record_id)
    before = to_record(row, ent, maps)
    merged = {**before, **{k: v for k, v in changes.items() if k not in META}}
    clean = validate(session, ent, workspace, {k: v for k, v in merged.items() if k not in META}, record_id)
    if all(before.get(k) == v for k, v in clean.items()):
        return before
    values = {name: value for name, value in clean.items() if name not in maps}
    _write_if_current(session, ent, row, expected_version, {**values, "updated_at": utcnow()})
    _write_links(session, ent, record_id, clean)
    after = to_record(row, ent, clean)
    _audit(session, ent, workspace, record_id, "update", before, after, actor)
    return after


def remove(
    session: Session, ent: Entity, workspace: Workspace, record_id: int, expected_version: int, actor: str
) -> None:
    row = load_row(session, ent, wid(workspace), record_id, lock=True)
    if row.version != expected_version:
        raise StaleVersion(stale_message(session, ent, row, expected_version))
    _refuse_if_owned(session, ent, record_id)
    detached = _detach(session, ent, workspace, record_id, actor)
    maps = links_of(session, ent, record_id)
    before = to_record(row, ent, maps)
    title = str(getattr(row, ent.title_field, record_id))
    _write_if_current(session, ent, row, expected_version, None)
    _audit(session, ent, workspace, record_id, "delete", before, None, actor)
    put_in_bin(session, ent, wid(workspace), before, detached, title, actor)


def _write_if_current(session: Session, ent: Entity, row: RowMeta, expected: int, values: Record | None) -> None:
    """Update (or, with no values, delete) the row only if the database still holds the expected
    version: the check is the statement's WHERE and the rows it touched, not a copy in memory."""
    where = and_(col(ent.table.id) == row.id, col(ent.table.version) == expected)
    statement: Update | Delete = (
        delete(ent.table).where(where)
        if values is None
        else update(ent.table).where(where).values(**values, version=expected + 1)
    )
    touched = session.exec(statement.execution_options(synchronize_session="fetch"))  # type: ignore[call-overload]
    if touched.rowcount != 1:
        raise StaleVersion(
            stale_message(session, ent, load_row(session, ent, row.workspace_id, row.id or 0, lock=True), expected)
        )
    if values is None:
        session.expunge(row)


def _refuse_if_owned(session: Session, ent: Entity, record_id: int) -> None:
    for child in ENTITIES:
        for name in child.required_refs:
            if child.refs[name] == ent.kind:
                owned = session.exec(select(child.table).where(getattr(child.table, name) == record_id)).all()
                if owned:
                    titles = ", ".join(f"'{getattr(r, child.title_field)}'" for r in owned[:3])
                    more = f" and {len(owned) - 3} more" if len(owned) > 3 else ""
                    raise Conflict(
                        f"{child.label} {titles}{more} belong to this {ent.label}: delete or move them first"
                    )


def _detach(session: Session, ent: Entity, workspace: Workspace, record_id: int, actor: str) -> list[Record]:
    """Clear optional references and links to the record, each as an audited update, so nothing
    changes behind anyone's back; returns what was detached (kind, id, field) for a later restore."""
    detached: list[Record] = []
    for other in ENTITIES:
        ref_names = [n for n, t in other.refs.items() if t == ent.kind and n not in other.required_refs]
        links = [link for link in other.links if link.target == ent.kind]
        holders: set[int] = set()
        for name in ref_names:
            holders |= set(session.exec(select(other.table.id).where(getattr(other.table, name) == record_id)).all())  # type: ignore[arg-type]
        for link in links:
            column = getattr(link.table, link.other_column)
            holders |= set(session.exec(select(getattr(link.table, link.own_column)).where(column == record_id)).all())
        if other.kind == ent.kind:
            holders.discard(record_id)
        for holder_id in sorted(holders):
            row = load_row(session, other, wid(workspace), holder_id, lock=True)
            maps = links_of(session, other, holder_id)
            changes: Record = {name: None for name in ref_names if getattr(row, name) == record_id}
            changes |= {link.field: [t for t in maps[link.field] if t != record_id] for link in links}
            fields = [name for name in changes if name in ref_names or record_id in maps.get(name, [])]
            detached += [{"kind": other.kind, "id": holder_id, "field": name} for name in fields]
            modify(session, other, workspace, holder_id, changes, row.version, actor)
    return detached


def put_in_bin(
    session: Session, ent: Entity, workspace_id: int, record: Record, detached: list[Record], title: str, actor: str
) -> None:
    """Keep a deleted record, its link lists and what pointed at it, for the recycle bin's restore."""
    rows = to_jsonable_python({"record": record, "detached": detached})
    session.add(
        BinEntry(
            workspace_id=workspace_id,
            kind=ent.kind,
            record_id=record["id"],
            title=title[:200],
            rows=rows,
            deleted_by=(actor.strip() or "unknown")[:80],
        )
    )
