"""What a phone may do: raise a pain or an opportunity, and place dots within its allowance.

Each call takes only the phone's token: the session, the workspace and what may be voted on all
follow from it, so a participant reaches nothing else. The allowance and the rate limit are
checked after taking the session's row lock, inside the transaction that writes, so two tabs or a
replayed request queue behind each other and the second sees the first's dot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Engine, Table, func
from sqlmodel import Session, col, select

from models.base import NeedKind, utcnow
from models.define import Objective
from models.discover import Need
from models.engine import read_session, write_session
from models.plan import Initiative
from models.workshop import Contribution, LiveSession, Participant, Vote
from strategy.errors import FieldError, InvalidInput, NotFound, WorkbenchError
from strategy.workshop.sessions import bump, require_open, seat_of

SUBMISSIONS_PER_MINUTE = 10
TARGETS: dict[str, Table] = {
    "needs": cast(Table, Need.__table__),  # type: ignore[attr-defined]
    "objectives": cast(Table, Objective.__table__),  # type: ignore[attr-defined]
    "initiatives": cast(Table, Initiative.__table__),  # type: ignore[attr-defined]
}


class RateLimited(WorkbenchError):
    """Too many submissions from one phone in a minute."""


class AllowanceSpent(WorkbenchError):
    """The participant has placed every dot of this round."""


@dataclass(frozen=True)
class Ballot:
    """What a phone shows: who it is, the round, the choices and the dots left."""

    name: str
    code: str
    open: bool
    round: str
    allowance: int
    remaining: int
    choices: list[tuple[int, str]]
    mine: dict[int, int]


def _used(session: Session, seat: Participant, vote_round: str) -> list[int]:
    query = select(Vote.target_id).where(Vote.participant_id == seat.id, Vote.round == vote_round)
    return list(session.exec(query))


def _choices(session: Session, live: LiveSession) -> list[tuple[int, str]]:
    table = TARGETS[live.round]
    query = select(table.c.id, table.c.title).where(table.c.workspace_id == live.workspace_id).order_by(table.c.id)
    return [(int(found_id), str(title)) for found_id, title in session.exec(query)]


def ballot(engine: Engine, token: str) -> Ballot:
    with read_session(engine) as session:
        seat = seat_of(session, token)
        live = session.get(LiveSession, seat.session_id)
        assert live is not None
        used = _used(session, seat, live.round)
        mine = {target: used.count(target) for target in set(used)}
        is_open = live.closed_at is None and utcnow() < _aware(live.closes_at)
        return Ballot(
            seat.name,
            live.code,
            is_open,
            live.round,
            live.allowance,
            max(0, live.allowance - len(used)),
            _choices(session, live),
            mine,
        )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def vote(engine: Engine, token: str, target_id: int, *, now: datetime | None = None) -> int:
    """Place one dot; returns the dots left. Refused once the allowance is spent."""
    with write_session(engine) as session:
        seat = seat_of(session, token)
        live = bump(session, seat.session_id)
        require_open(live, now)
        if target_id not in {choice for choice, _ in _choices(session, live)}:
            raise NotFound(f"that is not one of this session's {live.round}")
        used = len(_used(session, seat, live.round))
        if used >= live.allowance:
            raise AllowanceSpent(f"You have placed all {live.allowance} of your votes in this round.")
        session.add(
            Vote(
                session_id=live.id or 0,
                participant_id=seat.id or 0,
                round=live.round,
                target_id=target_id,
                seq=live.version,
            )
        )
        return live.allowance - used - 1


def submit(
    engine: Engine, token: str, *, kind: str, title: str, department: str, size: int, now: datetime | None = None
) -> int:
    """Raise a pain or an opportunity; it waits for the facilitator's accept, merge or dismiss."""
    cleaned = _checked(kind, title, department, size)
    moment = now or utcnow()
    with write_session(engine) as session:
        seat = seat_of(session, token)
        live = bump(session, seat.session_id)
        require_open(live, moment)
        _rate_limit(session, seat, moment)
        row = Contribution(session_id=live.id or 0, participant_id=seat.id or 0, at=moment, seq=live.version, **cleaned)
        session.add(row)
        session.flush()
        return row.id or 0


def _checked(kind: str, title: str, department: str, size: int) -> dict[str, Any]:
    errors = []
    title, department = " ".join(title.split()), " ".join(department.split())
    if kind not in set(NeedKind):
        errors.append(FieldError("kind", "a pain or an opportunity"))
    if not 1 <= len(title) <= 120:
        errors.append(FieldError("title", "say it in 1 to 120 characters"))
    if not 1 <= len(department) <= 60:
        errors.append(FieldError("department", "name your department (up to 60 characters)"))
    if not 1 <= size <= 5:
        errors.append(FieldError("size", "how big runs 1 (small) to 5 (huge)"))
    if errors:
        raise InvalidInput(errors)
    return {"kind": kind, "title": title, "department": department, "size": size}


def _rate_limit(session: Session, seat: Participant, now: datetime) -> None:
    since = now - timedelta(minutes=1)
    query = select(func.min(Contribution.at), func.count()).where(
        Contribution.participant_id == seat.id, col(Contribution.at) > since
    )
    first, count = session.exec(query).one()
    if count >= SUBMISSIONS_PER_MINUTE:
        wait = max(1, int(60 - (now - _aware(first)).total_seconds()))
        raise RateLimited(
            f"Thanks — that is {SUBMISSIONS_PER_MINUTE} ideas in a minute, the most one phone can send. "
            f"Try again in {wait} seconds."
        )
