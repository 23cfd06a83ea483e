"""Import and export whole workspaces; validate everything before writing anything."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import to_json
from sqlalchemy import Engine
from sqlmodel import Session, col, insert, select, update

from models.base import utcnow
from models.engine import read_session, write_session
from models.registry import BY_KIND, ENTITIES, Entity
from models.settings import get_settings
from models.workspace import AuditEvent, Workspace
from strategy.cycles import cycle_message, find_cycle
from strategy.errors import FieldError, InvalidInput, field_errors
from strategy.store import record_store as store
from strategy.store.access import OPERATOR, Action, require
from strategy.store.audit import audit_row
from strategy.store.bounds import not_yet_named, out_of_bounds
from strategy.store.interchange_format import FORMAT, ITEM_FIELDS, WorkspaceDocument, WorkspaceIn
from strategy.store.json_input import MB, load_json
from strategy.store.record_checks import run_checks
from strategy.store.record_store import wid
from strategy.store.transaction import retrying
from strategy.store.workspaces import EDITABLE, add_workspace, ensure_unique_name, refusing_name_clashes


def json_ref(field: str) -> str:
    """A reference's name in the file: owner_id is written owner."""
    return field.removesuffix("_id")


def _items(document: WorkspaceDocument, ent: Entity) -> list[BaseModel]:
    value = getattr(document, ent.collection)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _key(item: BaseModel) -> str:
    return str(getattr(item, "key"))  # noqa: B009  (every listed record has a key)


def parse_document(text: str | bytes, *, max_bytes: int | None = None) -> WorkspaceDocument:
    """The document, or InvalidInput naming every problem with its path (needs[2].severity)."""
    raw = load_json(text, get_settings().max_import_mb if max_bytes is None else max_bytes / MB)
    errors = out_of_bounds(raw)
    try:
        document = WorkspaceDocument.model_validate(raw)
    except ValidationError as exc:
        raise InvalidInput(errors + not_yet_named(field_errors(exc), errors)) from exc
    errors += out_of_bounds(document.model_dump())  # dates, once they are dates
    if errors:
        raise InvalidInput(errors)
    check_references(document)
    return document


def check_references(document: WorkspaceDocument) -> None:
    errors: list[FieldError] = []
    keys: dict[str, set[str]] = {}
    for ent in ENTITIES:
        if ent.singleton:
            continue
        seen: set[str] = set()
        for index, item in enumerate(_items(document, ent)):
            key = _key(item)
            if key in seen:
                errors.append(FieldError(f"{ent.collection}[{index}].key", f"key {key!r} is used twice"))
            seen.add(key)
        keys[ent.kind] = seen
    for ent in ENTITIES:
        for index, item in enumerate(_items(document, ent)):
            where = f"{ent.collection}[{index}]" if not ent.singleton else ent.collection
            for field, target in ent.refs.items():
                value = getattr(item, json_ref(field))
                if value is not None and value not in keys[target]:
                    errors.append(
                        FieldError(f"{where}.{json_ref(field)}", f"no {BY_KIND[target].label} has key {value!r}")
                    )
            for link in ent.links:
                for position, value in enumerate(getattr(item, link.json_field)):
                    if value not in keys[link.target]:
                        errors.append(
                            FieldError(
                                f"{where}.{link.json_field}[{position}]",
                                f"no {BY_KIND[link.target].label} has key {value!r}",
                            )
                        )
            for error in run_checks(ent.kind, document.workspace, item.model_dump()):
                errors.append(FieldError(f"{where}.{error.path}", error.message))
    errors += _dependency_rings(document)
    if errors:
        raise InvalidInput(errors)


def _dependency_rings(document: WorkspaceDocument) -> list[FieldError]:
    """A ring of initiatives waiting for each other could never start: refused like in the app."""
    position = {item.key: n for n, item in enumerate(document.initiatives)}
    graph = {n: [position[k] for k in item.depends_on if k in position] for n, item in enumerate(document.initiatives)}
    ring = find_cycle(graph)
    if ring is None:
        return []
    titles = {n: item.title for n, item in enumerate(document.initiatives)}
    return [FieldError(f"initiatives[{ring[0]}].depends_on", cycle_message(ring, titles))]


@refusing_name_clashes
@retrying
def import_document(engine: Engine, document: WorkspaceDocument, *, actor: str, name: str | None = None) -> Workspace:
    """Write the document as a new workspace in one transaction: all of it or none of it.

    The document was validated whole (fields, keys, references, checks, rings), so rows are written in
    bulk: one batched INSERT per table, not a validating SELECT per reference."""
    settings = document.workspace if name is None else document.workspace.model_copy(update={"name": name})
    try:
        settings = WorkspaceIn.model_validate(settings.model_dump())
    except ValidationError as exc:
        raise InvalidInput(field_errors(exc, "workspace")) from exc
    check_references(document)
    with write_session(engine) as session:
        ensure_unique_name(session, settings.name)
        workspace = add_workspace(session, settings, actor)
        ids: dict[str, dict[str, int]] = {ent.kind: {} for ent in ENTITIES}
        for ent in ENTITIES:
            _insert_rows(session, ent, workspace, _items(document, ent), ids, actor)
        return workspace


def _insert_rows(
    session: Session,
    ent: Entity,
    workspace: Workspace,
    items: list[BaseModel],
    ids: dict[str, dict[str, int]],
    actor: str,
) -> None:
    """One entity's rows as one batched INSERT, then references to its own kind (a backup, a
    dependency), its link rows and its audit events, each as one batch."""
    if not items:
        return
    now, table = utcnow(), ent.table
    rows = [
        {**item.model_dump(include=set(ent.fields)), **_refs(ent, item, ids), "workspace_id": wid(workspace)}
        | {"version": 1, "created_at": now, "updated_at": now}
        for item in items
    ]
    core = session.connection()  # plain Core executemany: the ORM would split rows by which values are None
    core.execute(insert(table.__table__), rows)  # type: ignore[attr-defined]
    # A new workspace's rows are all ours, and ids grow in insertion order (SQLite and PostgreSQL):
    # one SELECT, where RETURNING in input order would cost a statement per row on SQLite.
    found = session.exec(select(table.id).where(table.workspace_id == wid(workspace)).order_by(col(table.id)))
    new_ids = [int(row_id or 0) for row_id in found]
    if not ent.singleton:
        ids[ent.kind].update({_key(item): row_id for item, row_id in zip(items, new_ids, strict=True)})
    own_refs = [field for field, target in ent.refs.items() if target == ent.kind]
    later = []
    for item, row, row_id in zip(items, rows, new_ids, strict=True):
        row["id"] = row_id
        for field in own_refs:
            value = getattr(item, json_ref(field))
            row[field] = None if value is None else ids[ent.kind][value]
        if any(row[field] is not None for field in own_refs):
            later.append({"id": row_id, **{field: row[field] for field in own_refs}})
        row |= {link.field: sorted(ids[link.target][k] for k in getattr(item, link.json_field)) for link in ent.links}
    if later:
        session.execute(update(table), later)
    for link in ent.links:
        pairs = [{link.own_column: r["id"], link.other_column: t} for r in rows for t in r[link.field]]
        if pairs:
            core.execute(insert(link.table.__table__), pairs)  # type: ignore[attr-defined]
    events = [
        audit_row(wid(workspace), actor, ent.table_name, r["id"], "create", None, {k: r[k] for k in _shape(ent)})
        for r in rows
    ]
    core.execute(insert(AuditEvent.__table__), [e | {"at": now} for e in events])  # type: ignore[attr-defined]


def _shape(ent: Entity) -> tuple[str, ...]:
    """The keys of a record as the services return it (and the audit trail stores it)."""
    return ("id", "version", *ent.fields, *ent.refs, *(link.field for link in ent.links))


def _refs(ent: Entity, item: BaseModel, ids: dict[str, dict[str, int]]) -> dict[str, int | None]:
    """The item's references to other kinds as database ids (those to its own kind come later)."""
    values = {field: getattr(item, json_ref(field)) for field, target in ent.refs.items() if target != ent.kind}
    return {field: None if v is None else ids[ent.refs[field]][v] for field, v in values.items()}


def _export_body(engine: Engine, workspace_id: int, actor: str) -> dict[str, Any]:
    """The workspace as the document's plain data (an owner's action); keys are the kind and the position,
    so export is stable."""
    with read_session(engine) as session:
        require(session, workspace_id, actor, Action.OWN)
        workspace = store.load_workspace(session, workspace_id)
        records = {ent.kind: store.records_of(session, ent, workspace_id) for ent in ENTITIES}
    keys = {kind: {r["id"]: f"{kind}-{n}" for n, r in enumerate(rows, start=1)} for kind, rows in records.items()}
    body: dict[str, Any] = {"format": FORMAT, "workspace": {name: getattr(workspace, name) for name in EDITABLE}}
    for ent in ENTITIES:
        items = []
        order = ITEM_FIELDS[ent.collection]
        for record in records[ent.kind]:
            item = {name: record[name] for name in ent.fields}
            if not ent.singleton:
                item["key"] = keys[ent.kind][record["id"]]
            for field, target in ent.refs.items():
                item[json_ref(field)] = None if record[field] is None else keys[target][record[field]]
            for link in ent.links:
                item[link.json_field] = [keys[link.target][i] for i in record[link.field]]
            items.append({name: item[name] for name in order})
        body[ent.collection] = (items[0] if items else None) if ent.singleton else items
    return {name: body[name] for name in WorkspaceDocument.model_fields}


def export_document(engine: Engine, workspace_id: int, *, actor: str = OPERATOR) -> WorkspaceDocument:
    """The pages pass the signed-in person; the default is for server-side callers (command line, backup,
    benchmark), which act as the operator."""
    return WorkspaceDocument.model_validate(_export_body(engine, workspace_id, actor))


def export_json(engine: Engine, workspace_id: int, *, actor: str = OPERATOR) -> str:
    """The document as export writes it. The records were checked when they were saved, so the data is
    written as read, in the document's field order, without building a model per record (that took
    most of a large workspace's export); a test keeps it identical to the document's own JSON."""
    return to_json(_export_body(engine, workspace_id, actor), indent=2).decode() + "\n"


def duplicate_workspace(engine: Engine, workspace_id: int, new_name: str, *, actor: str) -> Workspace:
    """A full copy under a new name, made through the same path as export and import."""
    return import_document(engine, export_document(engine, workspace_id, actor=actor), actor=actor, name=new_name)
