"""Baselines: named snapshots of a whole strategy, kept in the export format so any two (or one and
now) compare section by section, and a restore or import reads them like any workspace file."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from models.engine import read_session
from models.history import Baseline
from strategy.errors import FieldError, InvalidInput, NotFound
from strategy.store.access import Action, require
from strategy.store.interchange import export_document
from strategy.store.interchange_format import WorkspaceDocument
from strategy.store.transaction import in_transaction

NAME_MAX = 120


def save_baseline(
    engine: Engine,
    workspace_id: int,
    name: str,
    *,
    actor: str,
    document: WorkspaceDocument | None = None,
    saved_by: str | None = None,
) -> Baseline:
    """Keep the workspace as it is now (or the given document) under a name, e.g. 'Board approved, March';
    `saved_by` keeps a restored baseline's author (the actor is who restores it)."""
    name = name.strip()
    if not name or len(name) > NAME_MAX:
        raise InvalidInput([FieldError("name", f"a baseline needs a name of 1 to {NAME_MAX} characters")])
    body = (document or export_document(engine, workspace_id)).model_dump(mode="json")

    def work(session: Session) -> Baseline:
        require(session, workspace_id, actor, Action.EDIT)  # a snapshot is an editor's act, like a save
        baseline = Baseline(
            workspace_id=workspace_id,
            name=name,
            saved_by=((saved_by or actor).strip() or "unknown")[:80],
            document=body,
        )
        session.add(baseline)
        session.flush()
        return baseline

    return in_transaction(engine, work)


def list_baselines(engine: Engine, workspace_id: int) -> list[Baseline]:
    """The workspace's baselines, newest first."""
    with read_session(engine) as session:
        statement = select(Baseline).where(Baseline.workspace_id == workspace_id).order_by(col(Baseline.id).desc())
        return list(session.exec(statement).all())


def baseline_document(engine: Engine, workspace_id: int, baseline_id: int | None) -> dict[str, Any]:
    """A baseline's document, or (None) the workspace as it is now, as plain JSON."""
    if baseline_id is None:
        return export_document(engine, workspace_id).model_dump(mode="json")
    with read_session(engine) as session:
        found = session.get(Baseline, baseline_id)
    if found is None or found.workspace_id != workspace_id:
        raise NotFound(f"baseline {baseline_id} is not in this workspace")
    return dict(found.document)
