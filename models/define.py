"""Define: direction (value discipline, CRM continuum), capabilities, objectives and KPIs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Column, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import CapabilityLens, Discipline, GoodDirection, KpiCategory, KpiKind, RowMeta


class DirectionBase(SQLModel):
    """Where the organisation leads and where it sits on the CRM continuum; one per workspace.

    Discipline scores run 1-5; the continuum runs 0 (CRM as technology) to 2 (CRM as strategy).
    """

    lead_discipline: Discipline | None = Field(default=None, sa_type=String(32))
    customer_intimacy_current: float = Field(default=3.0, ge=1, le=5)
    customer_intimacy_target: float = Field(default=3.0, ge=1, le=5)
    operational_excellence_current: float = Field(default=3.0, ge=1, le=5)
    operational_excellence_target: float = Field(default=3.0, ge=1, le=5)
    product_leadership_current: float = Field(default=3.0, ge=1, le=5)
    product_leadership_target: float = Field(default=3.0, ge=1, le=5)
    continuum_current: float = Field(default=0.0, ge=0, le=2)
    continuum_target: float = Field(default=1.0, ge=0, le=2)
    notes: str = Field(default="", max_length=2000)
    # Answers to the evidence questions, keyed by question id; their meaning lives in strategy/.
    answers: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class StrategicDirection(DirectionBase, RowMeta, table=True):
    """A stored direction assessment."""


class CapabilityBase(SQLModel):
    """One dimension of a capability lens, rated now and as needed, 1-5."""

    lens: CapabilityLens = Field(default=CapabilityLens.core, sa_type=String(16))
    dimension: str = Field(min_length=1, max_length=60)
    current: int = Field(default=2, ge=1, le=5)
    target: int = Field(default=4, ge=1, le=5)
    notes: str = Field(default="", max_length=2000)


class Capability(CapabilityBase, RowMeta, table=True):
    """A stored capability rating; one per lens and dimension in a workspace."""

    __table_args__ = (UniqueConstraint("workspace_id", "lens", "dimension"),)


class ObjectiveBase(SQLModel):
    """A SMART objective: a metric moved from a baseline to a target by a date."""

    title: str = Field(min_length=1, max_length=160)
    metric: str = Field(default="", max_length=120)
    unit: str = Field(default="", max_length=30)
    baseline: float | None = None
    target: float | None = None
    due_date: date | None = None


class ObjectiveRefs(SQLModel):
    owner_id: int | None = Field(default=None, foreign_key="stakeholder.id", ondelete="SET NULL")
    priority_id: int | None = Field(default=None, foreign_key="priority.id", ondelete="SET NULL")


class Objective(ObjectiveBase, ObjectiveRefs, RowMeta, table=True):
    """A stored objective; the needs it serves are in ObjectiveNeed."""


class ObjectiveNeed(SQLModel, table=True):
    """Traceability: an objective serves a need."""

    objective_id: int = Field(foreign_key="objective.id", primary_key=True, ondelete="CASCADE")
    need_id: int = Field(foreign_key="need.id", primary_key=True, ondelete="CASCADE")


class KpiBase(SQLModel):
    """A leading or lagging indicator of an objective, with a target and the good direction."""

    name: str = Field(min_length=1, max_length=120)
    kind: KpiKind = Field(default=KpiKind.lagging, sa_type=String(16))
    unit: str = Field(default="", max_length=30)
    baseline: float | None = None
    target: float | None = None
    target_date: date | None = None
    good_direction: GoodDirection = Field(default=GoodDirection.up, sa_type=String(8))
    lag_months: int | None = Field(default=None, ge=0, le=60)
    library_key: str | None = Field(default=None, max_length=40)
    # What it measures; a library KPI takes the library's, a custom KPI is asked for one.
    category: KpiCategory | None = Field(default=None, sa_type=String(32))
    # How often an actual is expected; no actual for longer than this makes the KPI stale.
    cadence_months: int = Field(default=1, ge=1, le=12)


class KpiRefs(SQLModel):
    objective_id: int = Field(foreign_key="objective.id", index=True, ondelete="CASCADE")
    leads_kpi_id: int | None = Field(default=None, foreign_key="kpi.id", ondelete="SET NULL")


class Kpi(KpiBase, KpiRefs, RowMeta, table=True):
    """A stored KPI; a leading KPI names the lagging KPI it is expected to move."""


class MeasurementBase(SQLModel):
    """An actual value of a KPI on a date."""

    measured_on: date
    value: float
    note: str = Field(default="", max_length=500)


class MeasurementRefs(SQLModel):
    kpi_id: int = Field(foreign_key="kpi.id", index=True, ondelete="CASCADE")


class Measurement(MeasurementBase, MeasurementRefs, RowMeta, table=True):
    """A stored KPI measurement."""
