"""Backups: SQLite's online backup (a consistent copy while the app runs) and a portable JSON bundle
of every workspace that any database can restore."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from models.workspace import Workspace
from strategy.errors import Conflict, FieldError, InvalidInput
from strategy.store.access import OPERATOR
from strategy.store.baselines import list_baselines, save_baseline
from strategy.store.interchange import export_json, import_document, parse_document
from strategy.store.interchange_format import WorkspaceDocument
from strategy.store.json_input import load_json
from strategy.store.workspaces import list_workspaces

BUNDLE = "crm-workbench-backup/1"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_file(engine: Engine) -> str:
    if not is_sqlite(engine) or engine.url.database in (None, "", ":memory:"):
        raise Conflict("a database file copy needs a SQLite file database: write a .json backup instead")
    return str(engine.url.database)


def backup_sqlite(engine: Engine, out: Path) -> None:
    """A consistent copy of the SQLite file, taken page by page while others keep writing."""
    source = sqlite3.connect(_sqlite_file(engine))
    target = sqlite3.connect(out)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def restore_sqlite(engine: Engine, backup: Path) -> None:
    """Replace the SQLite database's content with the backup's, through the same online API."""
    live = _sqlite_file(engine)
    engine.dispose()
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    target = sqlite3.connect(live)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def backup_json(engine: Engine) -> str:
    """Every live workspace (archived included) in the import format, in one document, with each
    workspace's baselines beside it (same position in `baselines`)."""
    spaces = list_workspaces(engine, include_archived=True)
    workspaces = [json.loads(export_json(engine, w.id or 0, actor=OPERATOR)) for w in spaces]  # the operator's copy
    baselines = [
        [
            {"name": b.name, "saved_by": b.saved_by, "document": b.document}
            for b in reversed(list_baselines(engine, w.id or 0))
        ]
        for w in spaces
    ]
    bundle = {"format": BUNDLE, "workspaces": workspaces, "baselines": baselines}
    return json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"


def parse_bundle(text: str | bytes) -> list[WorkspaceDocument]:
    """Every workspace of a bundle, validated; InvalidInput names the workspace and the path."""
    data = load_json(text, math.inf)
    if not isinstance(data, dict) or data.get("format") != BUNDLE or not isinstance(data.get("workspaces"), list):
        raise InvalidInput([FieldError("format", f"not a workbench backup (expected format {BUNDLE!r})")])
    documents, errors = [], []
    for number, item in enumerate(data["workspaces"]):
        try:
            documents.append(parse_document(json.dumps(item), max_bytes=2**62))
        except InvalidInput as exc:
            errors += [FieldError(f"workspaces[{number}].{e.path}".rstrip("."), e.message) for e in exc.errors]
    if errors:
        raise InvalidInput(errors)
    return documents


def restore_json(engine: Engine, text: str | bytes, *, actor: str) -> list[Workspace]:
    """Import every workspace of the bundle; refused before writing if any name is taken already."""
    documents = parse_bundle(text)
    taken = {w.name for w in list_workspaces(engine, include_archived=True)}
    clashes = [d.workspace.name for d in documents if d.workspace.name in taken]
    if clashes:
        raise Conflict(f"workspaces already named {', '.join(map(repr, clashes))}: restore into an empty database")
    restored = [import_document(engine, document, actor=actor) for document in documents]
    _restore_baselines(engine, restored, load_json(text, math.inf).get("baselines") or [], actor)
    return restored


def _restore_baselines(engine: Engine, restored: list[Workspace], saved: list[Any], actor: str) -> None:
    """Each workspace's baselines, validated like any workspace file (older bundles have none)."""
    for workspace, baselines in zip(restored, saved, strict=False):
        for baseline in reversed(baselines) if isinstance(baselines, list) else []:  # listed newest first
            document = parse_document(json.dumps(baseline["document"]), max_bytes=2**62)
            name, saved_by = baseline["name"], baseline["saved_by"]
            save_baseline(engine, workspace.id or 0, name, actor=actor, saved_by=saved_by, document=document)
