"""Unused capability: features or data the organisation has but does not use, each turned into an
initiative or a change request in one audited step."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Engine

from models.engine import write_session
from models.registry import entity
from strategy.store import record_store as store
from strategy.store.access import Action, require

Record = Mapping[str, Any]


def bring_into_play(
    engine: Engine, workspace_id: int, capability: Record, kind: str, *, actor: str, today: date
) -> dict[str, Any]:
    """Create an initiative or a change request from an unused capability, link it and record it as
    brought into play, in one step."""
    if kind == "initiative":
        data: dict[str, Any] = {
            "title": capability["name"][:120],
            "description": f"{capability['potential']} (unused: {capability['why_unused']})"[:2000],
        }
    else:
        data = {
            "title": f"Use {capability['name']}"[:120],
            "description": capability["potential"],
            "raised_on": today,
            "requested_by": actor,
            "status": "submitted",
        }
    with write_session(engine) as session:
        require(session, workspace_id, actor, Action.EDIT)
        workspace = store.load_workspace(session, workspace_id)
        created = store.insert(session, entity(kind), workspace, data, actor)
        link = {f"{kind}_id": created["id"], "brought_into_play": True}
        return store.modify(
            session, entity("unused_capability"), workspace, capability["id"], link, capability["version"], actor
        )
