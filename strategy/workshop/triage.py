"""The facilitator's verdict on what the room raised: accept as a need, merge into one, or dismiss."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from models.base import RaisedLevel
from models.engine import read_session, write_session
from models.labels import DATE_TEXT
from models.registry import entity
from models.workshop import Contribution, ContributionStatus, LiveSession, Participant
from strategy.errors import NotFound
from strategy.store import record_store as store
from strategy.store.access import Action, require
from strategy.workshop.board import contribution_row
from strategy.workshop.sessions import bump

RAISED_IN_WORKSHOP = "Raised in workshop"


def pending(engine: Engine, workspace_id: int) -> list[dict[str, Any]]:
    """Contributions of the workspace's sessions still waiting for a verdict, oldest first."""
    with read_session(engine) as session:
        rows = session.exec(
            select(Contribution, Participant.name, LiveSession.code)
            .join(Participant, col(Participant.id) == Contribution.participant_id)
            .join(LiveSession, col(LiveSession.id) == Contribution.session_id)
            .where(LiveSession.workspace_id == workspace_id, Contribution.status == ContributionStatus.pending)
            .order_by(col(Contribution.id))
        ).all()
        return [contribution_row(row, name) | {"code": code} for row, name, code in rows]


def decide(
    engine: Engine, workspace_id: int, contribution_id: int, verdict: str, *, actor: str, into: int | None = None
) -> int | None:
    """Accept (a new need marked raised in workshop), merge into need `into`, or dismiss; returns the need id."""
    with write_session(engine) as session:
        row = session.get(Contribution, contribution_id)
        live = session.get(LiveSession, row.session_id) if row else None
        if row is None or live is None or live.workspace_id != workspace_id:
            raise NotFound("that contribution is not in this workspace")
        require(session, workspace_id, actor, Action.EDIT)
        bump(session, live.id or 0)
        workspace = store.load_workspace(session, workspace_id)
        if verdict == "accept":
            by = session.get(Participant, row.participant_id)
            need = store.insert(session, entity("need"), workspace, _need_data(row, by, live.code), actor)
            row.need_id, row.status = need["id"], ContributionStatus.accepted
        elif verdict == "merge":
            store.load_row(session, entity("need"), workspace_id, into or 0)
            row.need_id, row.status = into, ContributionStatus.merged
        else:
            row.status = ContributionStatus.dismissed
        session.add(row)
        return row.need_id


def _need_data(row: Contribution, by: Participant | None, code: str) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "title": row.title,
        "department": row.department,
        "raised_by": by.name if by else "",
        "level": RaisedLevel.end_user,
        "severity": row.size,
        "reach": 3,
        "evidence": f"{RAISED_IN_WORKSHOP} {code} on {row.at:{DATE_TEXT}}.",
    }
