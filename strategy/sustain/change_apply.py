"""Approving a change request with its effect: the decision, the new or changed initiative and its
cost and benefit lines written in one audited transaction."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select

from models.engine import write_session
from models.registry import entity
from models.track import ChangeEffect
from models.workspace import Workspace
from strategy.store import record_store as store
from strategy.store.access import Action, require
from strategy.sustain.change_whatif import effect_initiative, effect_lines

Record = Mapping[str, Any]
META = ("id", "version")


def _initiative(session: Session, workspace: Workspace, request: Record, effect: Record, actor: str) -> int:
    """Create the effect's initiative, or lengthen the one it names; its id."""
    target = effect["initiative_id"]
    if target is None:
        data = {k: v for k, v in effect_initiative(request, effect).items() if k not in META}
        return int(store.insert(session, entity("initiative"), workspace, data, actor)["id"])
    current = store.to_record(
        store.load_row(session, entity("initiative"), workspace.id or 0, target), entity("initiative"), {}
    )
    changes = {
        "duration_weeks": current["duration_weeks"] + effect["added_weeks"],
        "effort": current["effort"] + effect["added_effort"],
    }
    store.modify(session, entity("initiative"), workspace, target, changes, current["version"], actor)
    return int(target)


def approve_with_effect(
    engine: Engine,
    workspace_id: int,
    request: Record,
    note: str,
    *,
    actor: str,
    today: date,
    assessment: str | None = None,
) -> dict[str, Any]:
    """Approve the request (with the impact assessment written at the meeting, when given); when it
    has an effect not yet applied, apply it in the same transaction."""
    if assessment is not None:
        request = {**request, "impact_assessment": assessment.strip()}
    with write_session(engine) as session:
        require(session, workspace_id, actor, Action.EDIT)
        workspace = store.load_workspace(session, workspace_id)
        found = session.exec(select(ChangeEffect).where(ChangeEffect.change_request_id == request["id"])).first()
        changes: dict[str, Any] = {
            "status": "approved",
            "decision_note": note.strip(),
            "decided_on": today,
            "impact_assessment": request["impact_assessment"],
        }
        if found is not None and not found.applied:
            effect = store.to_record(found, entity("change_effect"), {})
            initiative_id = _initiative(session, workspace, request, effect, actor)
            costs, benefits = effect_lines(request, effect, initiative_id)
            for kind, lines in (("cost", costs), ("benefit", benefits)):
                for line in lines:
                    store.insert(session, entity(kind), workspace, line, actor)
            store.modify(
                session, entity("change_effect"), workspace, effect["id"], {"applied": True}, effect["version"], actor
            )
            changes["initiative_id"] = initiative_id
        return store.modify(
            session, entity("change_request"), workspace, request["id"], changes, request["version"], actor
        )
