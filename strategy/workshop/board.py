"""What the projector and the record keep of a session: news since a version, totals, the log."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from threading import Lock
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from models.engine import read_session
from models.workshop import Contribution, LiveSession, Participant, Vote


@dataclass(frozen=True)
class BoardNews:
    """What changed since the version a screen last saw: three queries however many people vote."""

    version: int
    contributions: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[int, int] = field(default_factory=dict)
    people: int = 0


def session_version(engine: Engine, session_id: int) -> int:
    """One indexed read: a screen asks this every second and reads more only when it moved."""
    with read_session(engine) as session:
        found = session.exec(select(LiveSession.version).where(LiveSession.id == session_id)).first()
        return int(found or 0)


def news_since(engine: Engine, session_id: int, seen: int) -> BoardNews:
    """Contributions newer than `seen`, the current round's totals and how many have joined."""
    with read_session(engine) as session:
        live = session.get(LiveSession, session_id)
        if live is None:
            return BoardNews(0)
        new = session.exec(
            select(Contribution, Participant.name)
            .join(Participant, col(Participant.id) == Contribution.participant_id)
            .where(Contribution.session_id == session_id, col(Contribution.seq) > seen)
            .order_by(col(Contribution.seq))
        ).all()
        totals = session.exec(
            select(Vote.target_id, func.count())
            .where(Vote.session_id == session_id, Vote.round == live.round)
            .group_by(col(Vote.target_id))
        ).all()
        people = session.exec(select(func.count()).where(Participant.session_id == session_id)).one()
        return BoardNews(
            live.version,
            [contribution_row(row, name) for row, name in new],
            {int(target): int(n) for target, n in totals},
            int(people),
        )


def contribution_row(row: Contribution, name: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "title": row.title,
        "department": row.department,
        "size": row.size,
        "by": name,
        "at": row.at.isoformat(),
        "status": str(row.status),
    }


def closed_vote_totals(engine: Engine, workspace_id: int, vote_round: str = "needs") -> dict[int, int]:
    """Dots placed in the workspace's closed sessions, by target: what the rankings count."""
    with read_session(engine) as session:
        rows = session.exec(
            select(Vote.target_id, func.count())
            .join(LiveSession, col(LiveSession.id) == Vote.session_id)
            .where(
                LiveSession.workspace_id == workspace_id,
                col(LiveSession.closed_at).is_not(None),
                Vote.round == vote_round,
            )
            .group_by(col(Vote.target_id))
        ).all()
        return {int(target): int(n) for target, n in rows}


def session_log(engine: Engine, session_id: int) -> dict[str, Any]:
    """Who joined, what they submitted and every vote, with times: kept and exportable as JSON.

    Every change to a session moves its version, and the facilitator's page offers the log on every
    rerun: read whole only when the version moved (one indexed read otherwise). Shared: do not modify."""
    with read_session(engine) as session:
        version = session.exec(select(LiveSession.version).where(LiveSession.id == session_id)).first()
        if version is None:
            return {}
        with _LOGS_LOCK:  # several facilitators' pages rerun in threads of one server
            found = _LOGS.setdefault(engine, {}).get(session_id)
        if found is None or found[0] != version:
            found = (version, _read_log(session, session_id))
            with _LOGS_LOCK:
                logs = _LOGS.setdefault(engine, {})
                logs.pop(session_id, None)  # an older version of it is never asked for again
                logs[session_id] = found  # newest last: the first is the one to let go
                while len(logs) > LOGS_KEPT:
                    logs.pop(next(iter(logs)))
        return found[1]


LOGS_KEPT = 8  # sessions an engine whose latest log is kept
_LOGS: WeakKeyDictionary[Engine, dict[int, tuple[int, dict[str, Any]]]] = WeakKeyDictionary()
_LOGS_LOCK = Lock()


def _read_log(session: Session, session_id: int) -> dict[str, Any]:
    live = session.get(LiveSession, session_id)
    if live is None:
        return {}
    people = session.exec(select(Participant).where(Participant.session_id == session_id)).all()
    names = {p.id: p.name for p in people}
    ideas = session.exec(select(Contribution).where(Contribution.session_id == session_id)).all()
    votes = session.exec(select(Vote).where(Vote.session_id == session_id).order_by(col(Vote.id))).all()
    return {
        "code": live.code,
        "opened_by": live.opened_by,
        "opened_at": live.opened_at.isoformat(),
        "closed_at": live.closed_at.isoformat() if live.closed_at else None,
        "allowance": live.allowance,
        "participants": [{"name": p.name, "joined_at": p.joined_at.isoformat()} for p in people],
        "contributions": [contribution_row(c, names[c.participant_id]) for c in ideas],
        "votes": [
            {"by": names[v.participant_id], "round": v.round, "target_id": v.target_id, "at": v.at.isoformat()}
            for v in votes
        ],
        "vote_counts": dict(Counter(f"{v.round}:{v.target_id}" for v in votes)),
    }
