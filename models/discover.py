"""Discover: the business need, the people, and the 3-5 year vision."""

from __future__ import annotations

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from models.base import NeedKind, RaisedLevel, RowMeta, Side


class NeedBase(SQLModel):
    """A pain or an opportunity, raised top-down by leaders or bottom-up by departments."""

    kind: NeedKind = Field(default=NeedKind.pain, sa_type=String(16))
    title: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=2000)
    department: str = Field(min_length=1, max_length=60)
    raised_by: str = Field(default="", max_length=80)
    level: RaisedLevel = Field(default=RaisedLevel.department_lead, sa_type=String(20))
    severity: int = Field(default=3, ge=1, le=5)
    reach: int = Field(default=3, ge=1, le=5)
    annual_value: float | None = Field(default=None, ge=0)
    evidence: str = Field(default="", max_length=2000)


class NeedRefs(SQLModel):
    priority_id: int | None = Field(default=None, foreign_key="priority.id", ondelete="SET NULL")


class Need(NeedBase, NeedRefs, RowMeta, table=True):
    """A stored need."""


class StakeholderBase(SQLModel):
    """Someone the programme touches, with their stake and their role in adoption."""

    name: str = Field(min_length=1, max_length=80)
    role: str = Field(default="", max_length=80)
    department: str = Field(min_length=1, max_length=60)
    side: Side = Field(default=Side.business, sa_type=String(16))
    influence: int = Field(default=3, ge=1, le=5)
    interest: int = Field(default=3, ge=1, le=5)
    wiifm: str = Field(default="", max_length=1000)
    is_sponsor: bool = False
    is_champion: bool = False
    is_power_user: bool = False
    active: bool = True


class StakeholderRefs(SQLModel):
    backup_id: int | None = Field(default=None, foreign_key="stakeholder.id", ondelete="SET NULL")


class Stakeholder(StakeholderBase, StakeholderRefs, RowMeta, table=True):
    """A stored stakeholder; a champion names a backup who takes over when they leave."""


class VisionBase(SQLModel):
    """The destination: one per workspace."""

    statement: str = Field(default="", max_length=2000)
    destination: str = Field(default="", max_length=4000)


class Vision(VisionBase, RowMeta, table=True):
    """A stored vision."""


class PriorityBase(SQLModel):
    """An ordered strategic priority of the vision."""

    title: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=2000)
    position: int = Field(default=0, ge=0)


class Priority(PriorityBase, RowMeta, table=True):
    """A stored priority."""


class PrincipleBase(SQLModel):
    """A guiding principle of the vision."""

    text: str = Field(min_length=1, max_length=500)
    position: int = Field(default=0, ge=0)


class Principle(PrincipleBase, RowMeta, table=True):
    """A stored guiding principle."""
