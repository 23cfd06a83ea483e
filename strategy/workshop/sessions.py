"""Opening, closing and joining a live session. Every write to a session first bumps its version in
the same transaction: that row lock queues concurrent writers on SQLite and PostgreSQL alike, and
the projector reads only what changed since the version it last saw."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from models.base import utcnow
from models.engine import read_session, write_session
from models.workshop import LiveSession, Participant, VoteRound
from strategy.errors import Conflict, FieldError, InvalidInput, NotFound
from strategy.store.access import Action, require
from strategy.store.record_store import load_workspace
from strategy.workshop.codes import clean_name, name_key, new_code, normalise_code

CLOSED = "That code is not open: it is wrong, or its session has closed. Check the code on the screen."


@dataclass(frozen=True)
class LiveView:
    """A live session as screens show it."""

    id: int
    workspace_id: int
    code: str
    round: str
    allowance: int
    closes_at: datetime
    closed_at: datetime | None
    version: int

    def is_open(self, now: datetime | None = None) -> bool:
        return self.closed_at is None and (now or utcnow()) < self.closes_at


def _view(row: LiveSession) -> LiveView:
    closes = row.closes_at if row.closes_at.tzinfo else row.closes_at.replace(tzinfo=utcnow().tzinfo)
    assert row.id is not None
    return LiveView(row.id, row.workspace_id, row.code, row.round, row.allowance, closes, row.closed_at, row.version)


def bump(session: Session, session_id: int) -> LiveSession:
    """Take the session's row lock and move its version on; the caller's writes carry the new number."""
    session.exec(update(LiveSession).where(col(LiveSession.id) == session_id).values(version=LiveSession.version + 1))
    row = session.get(LiveSession, session_id, populate_existing=True)
    if row is None:
        raise NotFound("that live session does not exist")
    return row


def require_open(row: LiveSession, now: datetime | None = None) -> None:
    if not _view(row).is_open(now):
        raise NotFound(CLOSED)


def open_session(
    engine: Engine, workspace_id: int, *, actor: str, minutes: int, allowance: int, now: datetime | None = None
) -> LiveView:
    """A new session with a fresh join code; any session still open on the workspace closes first."""
    if not 1 <= allowance <= 20 or not 5 <= minutes <= 480:
        raise InvalidInput([FieldError("", "votes per person run 1–20 and a session 5–480 minutes")])
    started = now or utcnow()
    for _attempt in range(5):
        try:
            with write_session(engine) as session:
                require(session, workspace_id, actor, Action.EDIT)
                load_workspace(session, workspace_id)
                _close_open(session, workspace_id, started)
                row = LiveSession(
                    workspace_id=workspace_id,
                    code=new_code(),
                    allowance=allowance,
                    opened_by=actor,
                    opened_at=started,
                    closes_at=started + timedelta(minutes=minutes),
                )
                session.add(row)
                session.flush()
                return _view(row)
        except IntegrityError:
            continue  # the code was taken: draw another
    raise Conflict("could not draw a free join code; try again")


def _close_open(session: Session, workspace_id: int, now: datetime) -> None:
    query = select(LiveSession).where(LiveSession.workspace_id == workspace_id, col(LiveSession.closed_at).is_(None))
    for row in session.exec(query):
        row.closed_at = now
        row.version += 1


def close_session(engine: Engine, session_id: int, *, actor: str, now: datetime | None = None) -> LiveView:
    """Close by hand: the code stops working and the round's votes count in the rankings."""
    with write_session(engine) as session:
        row = bump(session, session_id)
        require(session, row.workspace_id, actor, Action.EDIT)
        row.closed_at = row.closed_at or now or utcnow()
        return _view(row)


def start_round(engine: Engine, session_id: int, vote_round: str, *, actor: str) -> LiveView:
    """Move the session's dot vote on to needs, objectives or initiatives; each round has a fresh allowance."""
    with write_session(engine) as session:
        row = bump(session, session_id)
        require(session, row.workspace_id, actor, Action.EDIT)
        require_open(row)
        row.round = VoteRound(vote_round)
        return _view(row)


def current_session(engine: Engine, workspace_id: int) -> LiveView | None:
    """The workspace's newest session (open or closed), for the facilitator's screen."""
    with read_session(engine) as session:
        query = select(LiveSession).where(LiveSession.workspace_id == workspace_id)
        row = session.exec(query.order_by(col(LiveSession.id).desc())).first()
        return _view(row) if row else None


@dataclass(frozen=True)
class Seat:
    """A participant's place in a session: all a phone holds is the token."""

    token: str
    name: str
    session_id: int


def join(engine: Engine, code: str, name: str, *, now: datetime | None = None) -> Seat:
    """Join by code with a display name nobody else in the session uses."""
    display = clean_name(name)
    try:
        with write_session(engine) as session:
            row = session.exec(select(LiveSession).where(LiveSession.code == normalise_code(code))).first()
            if row is None:
                raise NotFound(CLOSED)
            require_open(row, now)
            row = bump(session, row.id or 0)
            seat = Participant(session_id=row.id or 0, name=display, name_key=name_key(display), token=_token())
            session.add(seat)
            session.flush()
            return Seat(seat.token, seat.name, seat.session_id)
    except IntegrityError as exc:
        raise InvalidInput(
            [FieldError("name", f"someone here is already called {display!r}: add an initial or a team")]
        ) from exc


def _token() -> str:
    return secrets.token_urlsafe(32)


def seat_of(session: Session, token: str) -> Participant:
    """The participant a phone's token names; nothing else is reachable from it."""
    seat = session.exec(select(Participant).where(Participant.token == token)).first()
    if seat is None:
        raise NotFound("this phone has not joined a session: enter the code on the screen")
    return seat


def resume(engine: Engine, token: str) -> tuple[Seat, LiveView]:
    """A reloaded phone carries on under its name (even if its session has closed since)."""
    with read_session(engine) as session:
        seat = seat_of(session, token)
        row = session.get(LiveSession, seat.session_id)
        assert row is not None
        return Seat(seat.token, seat.name, seat.session_id), _view(row)
