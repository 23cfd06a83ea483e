"""Workshop: the agenda and decisions log of a session in the room, and live participation.

The agenda, the decisions log and the workshop settings are ordinary workspace records (in the
registry, exported and imported). A live session, its participants, their contributions and votes
are the session's log: written only by the live-session service, kept after the session closes.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import String, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import RowMeta, utcnow


class DecisionKind(StrEnum):
    decision = "decision"
    action = "action"


class VoteRound(StrEnum):
    needs = "needs"
    objectives = "objectives"
    initiatives = "initiatives"


class ContributionStatus(StrEnum):
    pending = "pending"
    accepted = "accepted"
    merged = "merged"
    dismissed = "dismissed"


class AgendaStepBase(SQLModel):
    """One step of the workshop: the page it shows, what the room should leave with, its time box."""

    position: int = Field(default=0, ge=0)
    title: str = Field(min_length=1, max_length=80)
    page: str = Field(min_length=1, max_length=40)  # a page file name under pages/, e.g. "needs"
    goal: str = Field(default="", max_length=300)
    minutes: int = Field(default=10, ge=1, le=240)


class AgendaStep(AgendaStepBase, RowMeta, table=True):
    """A stored agenda step."""


class DecisionBase(SQLModel):
    """What the room decided, or an action someone owns, captured during the session."""

    kind: DecisionKind = Field(default=DecisionKind.decision, sa_type=String(16))
    text: str = Field(min_length=1, max_length=500)
    owner: str = Field(default="", max_length=80)
    due: date | None = None
    decided_on: date


class Decision(DecisionBase, RowMeta, table=True):
    """A stored decision or action."""


class WorkshopSettingsBase(SQLModel):
    """How this workspace runs its workshops: one per workspace."""

    presenting: bool = False
    vote_allowance: int = Field(default=3, ge=1, le=20)
    session_minutes: int = Field(default=90, ge=5, le=480)


class WorkshopSettings(WorkshopSettingsBase, RowMeta, table=True):
    """Stored workshop settings."""


class LiveSession(SQLModel, table=True):
    """A live participation session; `version` grows with every change so a screen reads only news."""

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id", index=True, ondelete="CASCADE")
    code: str = Field(max_length=6, unique=True)
    round: VoteRound = Field(default=VoteRound.needs, sa_type=String(16))
    allowance: int = Field(default=3, ge=1, le=20)
    opened_by: str = Field(max_length=80)
    opened_at: datetime = Field(default_factory=utcnow)
    closes_at: datetime
    closed_at: datetime | None = None
    version: int = Field(default=0)


class Participant(SQLModel, table=True):
    """Someone who joined a session from their phone; the token lets a reload carry on."""

    __table_args__ = (UniqueConstraint("session_id", "name_key"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="livesession.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=40)
    name_key: str = Field(max_length=40)
    token: str = Field(max_length=43, unique=True)
    joined_at: datetime = Field(default_factory=utcnow)


class Contribution(SQLModel, table=True):
    """A pain or opportunity raised in the workshop, waiting for the facilitator's verdict."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="livesession.id", index=True, ondelete="CASCADE")
    participant_id: int = Field(foreign_key="participant.id", ondelete="CASCADE")
    kind: str = Field(max_length=16)
    title: str = Field(max_length=120)
    department: str = Field(max_length=60)
    size: int = Field(ge=1, le=5)
    at: datetime = Field(default_factory=utcnow)
    seq: int  # the session version this contribution made
    status: ContributionStatus = Field(default=ContributionStatus.pending, sa_type=String(16))
    need_id: int | None = Field(default=None, foreign_key="need.id", ondelete="SET NULL")


class Vote(SQLModel, table=True):
    """One dot of a participant's allowance, placed on a need, objective or initiative."""

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="livesession.id", index=True, ondelete="CASCADE")
    participant_id: int = Field(foreign_key="participant.id", index=True, ondelete="CASCADE")
    round: VoteRound = Field(sa_type=String(16))
    target_id: int
    at: datetime = Field(default_factory=utcnow)
    seq: int
