"""Track: the funnel's stages, front-line feedback, unused capability and journey-step reviews."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import String, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import RowMeta


class FeedbackCategory(StrEnum):
    usability = "usability"
    data = "data"
    process = "process"
    feature = "feature"
    training = "training"
    other = "other"


class FeedbackStatus(StrEnum):
    new = "new"
    accepted = "accepted"  # turned into a change request
    wish_list = "wish_list"
    declined = "declined"


class JourneyStep(StrEnum):
    discover = "discover"
    define = "define"
    plan = "plan"
    deliver = "deliver"
    sustain = "sustain"


class FunnelStageBase(SQLModel):
    """One stage of the workspace's funnel (leads → qualified → …), counted by a KPI's actuals."""

    name: str = Field(min_length=1, max_length=60)
    position: int = Field(default=1, ge=1, le=20)


class FunnelStageRefs(SQLModel):
    kpi_id: int = Field(foreign_key="kpi.id", index=True, ondelete="CASCADE")


class FunnelStage(FunnelStageBase, FunnelStageRefs, RowMeta, table=True):
    """A stored funnel stage."""


class FeedbackBase(SQLModel):
    """A suggestion from a front-line user or a workshop participant, and how it was triaged."""

    text: str = Field(min_length=1, max_length=1000)
    department: str = Field(default="", max_length=60)
    category: FeedbackCategory = Field(default=FeedbackCategory.other, sa_type=String(16))
    submitted_by: str = Field(default="", max_length=80)
    submitted_on: date
    status: FeedbackStatus = Field(default=FeedbackStatus.new, sa_type=String(16))
    decline_reason: str = Field(default="", max_length=500)


class FeedbackRefs(SQLModel):
    change_request_id: int | None = Field(default=None, foreign_key="changerequest.id", ondelete="SET NULL")


class Feedback(FeedbackBase, FeedbackRefs, RowMeta, table=True):
    """A stored feedback item."""


class UnusedCapabilityBase(SQLModel):
    """A CRM feature or body of data the organisation has but does not use."""

    name: str = Field(min_length=1, max_length=120)
    system: str = Field(default="", max_length=60)
    why_unused: str = Field(default="", max_length=500)
    potential: str = Field(default="", max_length=500)
    brought_into_play: bool = False


class UnusedCapabilityRefs(SQLModel):
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", ondelete="SET NULL")
    change_request_id: int | None = Field(default=None, foreign_key="changerequest.id", ondelete="SET NULL")


class UnusedCapability(UnusedCapabilityBase, UnusedCapabilityRefs, RowMeta, table=True):
    """A stored unused capability."""


class StepReviewBase(SQLModel):
    """When a journey step (discover … sustain) was last reviewed, and by whom."""

    step: JourneyStep = Field(sa_type=String(16))
    reviewed_on: date
    reviewed_by: str = Field(default="", max_length=80)


class StepReview(StepReviewBase, RowMeta, table=True):
    """A stored step review; one per step in a workspace."""

    __table_args__ = (UniqueConstraint("workspace_id", "step"),)


class ChangeEffectBase(SQLModel):
    """What a change request would do to the plan if approved: a new initiative (or more weeks and
    effort on an existing one), and the cost and benefit it brings."""

    new_title: str = Field(default="", max_length=120)  # a new initiative, when no initiative is named
    added_weeks: int = Field(default=0, ge=0, le=260)
    added_effort: float = Field(default=0.0, ge=0, le=10_000)
    cost: float = Field(default=0.0, ge=0)
    cost_start_year: int = Field(default=1, ge=0, le=5)
    cost_recurring: bool = False
    benefit: float = Field(default=0.0, ge=0)
    benefit_start_year: int = Field(default=1, ge=0, le=5)
    applied: bool = False


class ChangeEffectRefs(SQLModel):
    change_request_id: int = Field(foreign_key="changerequest.id", index=True, ondelete="CASCADE")
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", ondelete="SET NULL")
    after_initiative_id: int | None = Field(default=None, foreign_key="initiative.id", ondelete="SET NULL")


class ChangeEffect(ChangeEffectBase, ChangeEffectRefs, RowMeta, table=True):
    """A stored change effect; one per change request."""

    __table_args__ = (UniqueConstraint("workspace_id", "change_request_id"),)
