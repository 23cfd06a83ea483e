"""Import and export whole workspaces; validate everything before writing anything."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine

from models.engine import read_session, write_session
from models.registry import BY_KIND, ENTITIES, Entity
from models.settings import get_settings
from models.workspace import Workspace
from strategy.cycles import cycle_message, find_cycle
from strategy.errors import FieldError, InvalidInput, field_errors
from strategy.store import record_store as store
from strategy.store.bounds import not_yet_named, out_of_bounds
from strategy.store.interchange_format import WorkspaceDocument, WorkspaceIn
from strategy.store.json_input import MB, load_json
from strategy.store.record_checks import run_checks
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
    """Write the document as a new workspace in one transaction: all of it or none of it."""
    settings = document.workspace if name is None else document.workspace.model_copy(update={"name": name})
    try:
        settings = WorkspaceIn.model_validate(settings.model_dump())
    except ValidationError as exc:
        raise InvalidInput(field_errors(exc, "workspace")) from exc
    with write_session(engine) as session:
        ensure_unique_name(session, settings.name)
        workspace = add_workspace(session, settings, actor)
        ids: dict[str, dict[str, int]] = {ent.kind: {} for ent in ENTITIES}
        later: list[tuple[Entity, int, dict[str, Any], int]] = []
        for ent in ENTITIES:
            for item in _items(document, ent):
                data = item.model_dump(include=set(ent.fields))
                deferred: dict[str, Any] = {}
                for field, target in ent.refs.items():
                    value = getattr(item, json_ref(field))
                    resolved = None if value is None else ids[target].get(value)
                    if target == ent.kind and value is not None:
                        deferred[field] = value
                    data[field] = None if target == ent.kind else resolved
                for link in ent.links:
                    wanted = getattr(item, link.json_field)
                    if link.target == ent.kind:
                        deferred[link.field] = wanted
                    data[link.field] = [] if link.target == ent.kind else [ids[link.target][k] for k in wanted]
                record = store.insert(session, ent, workspace, data, actor)
                if not ent.singleton:
                    ids[ent.kind][_key(item)] = record["id"]
                if deferred:
                    later.append((ent, record["id"], deferred, record["version"]))
        for ent, record_id, deferred, version in later:
            changes = {
                f: ([ids[ent.kind][k] for k in v] if isinstance(v, list) else ids[ent.kind][v])
                for f, v in deferred.items()
            }
            store.modify(session, ent, workspace, record_id, changes, version, actor)
        return workspace


def export_document(engine: Engine, workspace_id: int) -> WorkspaceDocument:
    """The workspace as a document; keys are the kind and the position, so export is stable."""
    with read_session(engine) as session:
        workspace = store.load_workspace(session, workspace_id)
        records = {ent.kind: store.records_of(session, ent, workspace_id) for ent in ENTITIES}
    keys = {kind: {r["id"]: f"{kind}-{n}" for n, r in enumerate(rows, start=1)} for kind, rows in records.items()}
    body: dict[str, Any] = {"workspace": {name: getattr(workspace, name) for name in EDITABLE}}
    for ent in ENTITIES:
        items = []
        for record in records[ent.kind]:
            item = {name: record[name] for name in ent.fields}
            if not ent.singleton:
                item["key"] = keys[ent.kind][record["id"]]
            for field, target in ent.refs.items():
                item[json_ref(field)] = None if record[field] is None else keys[target][record[field]]
            for link in ent.links:
                item[link.json_field] = [keys[link.target][i] for i in record[link.field]]
            items.append(item)
        body[ent.collection] = (items[0] if items else None) if ent.singleton else items
    return WorkspaceDocument.model_validate(body)


def export_json(engine: Engine, workspace_id: int) -> str:
    return export_document(engine, workspace_id).model_dump_json(indent=2) + "\n"


def duplicate_workspace(engine: Engine, workspace_id: int, new_name: str, *, actor: str) -> Workspace:
    """A full copy under a new name, made through the same path as export and import."""
    return import_document(engine, export_document(engine, workspace_id), actor=actor, name=new_name)
