"""Plan: initiatives and their dependencies, and the business case's cost and benefit lines."""

from __future__ import annotations

from datetime import date

from pydantic import model_validator
from sqlalchemy import String
from sqlmodel import Field, SQLModel

from models.base import BenefitCategory, CostCategory, InitiativeStatus, Recurrence, RowMeta


class InitiativeBase(SQLModel):
    """A piece of delivery work: effort, duration, earliest start and where it sits in the plan."""

    title: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=2000)
    effort: float = Field(default=4.0, ge=0, le=10_000)  # person-weeks
    duration_weeks: int = Field(default=6, ge=1, le=260)
    earliest_start: date | None = None
    status: InitiativeStatus = Field(default=InitiativeStatus.proposed, sa_type=String(16))
    wave: int | None = Field(default=None, ge=1, le=20)
    value_score: int | None = Field(default=None, ge=1, le=5)
    pinned_start: date | None = None
    scheduled_start: date | None = None
    scheduled_end: date | None = None


class InitiativeRefs(SQLModel):
    owner_id: int | None = Field(default=None, foreign_key="stakeholder.id", ondelete="SET NULL")
    capability_id: int | None = Field(default=None, foreign_key="capability.id", ondelete="SET NULL")


class Initiative(InitiativeBase, InitiativeRefs, RowMeta, table=True):
    """A stored initiative; objectives served and dependencies are in link tables."""


class InitiativeObjective(SQLModel, table=True):
    """An initiative serves an objective."""

    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True, ondelete="CASCADE")
    objective_id: int = Field(foreign_key="objective.id", primary_key=True, ondelete="CASCADE")


class InitiativeDependency(SQLModel, table=True):
    """An initiative cannot start before another one ends."""

    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True, ondelete="CASCADE")
    depends_on_id: int = Field(foreign_key="initiative.id", primary_key=True, ondelete="CASCADE")


class AmountRange(SQLModel):
    """A three-point estimate in money: low <= likely <= high, none negative."""

    low: float = Field(ge=0)
    likely: float = Field(ge=0)
    high: float = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> AmountRange:
        if not self.low <= self.likely <= self.high:
            name = getattr(self, "name", "this line")
            raise ValueError(
                f"'{name}': amounts must satisfy low <= likely <= high "
                f"(got {self.low:g} / {self.likely:g} / {self.high:g})"
            )
        return self


class CostLineBase(AmountRange):
    """A cost of the programme; year 0 is the initial investment."""

    name: str = Field(min_length=1, max_length=120)
    category: CostCategory = Field(default=CostCategory.other, sa_type=String(24))
    recurrence: Recurrence = Field(default=Recurrence.one_off, sa_type=String(16))
    start_year: int = Field(default=0, ge=0, le=5)


class CostLineRefs(SQLModel):
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", ondelete="SET NULL")


class CostLine(CostLineBase, CostLineRefs, RowMeta, table=True):
    """A stored cost line."""


class BenefitLineBase(AmountRange):
    """An annual benefit in money, realised from its start year, optionally scaled by adoption."""

    name: str = Field(min_length=1, max_length=120)
    category: BenefitCategory = Field(default=BenefitCategory.other, sa_type=String(24))
    start_year: int = Field(default=1, ge=0, le=5)
    adoption_dependent: bool = True


class BenefitLineRefs(SQLModel):
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", ondelete="SET NULL")
    objective_id: int | None = Field(default=None, foreign_key="objective.id", ondelete="SET NULL")
    kpi_id: int | None = Field(default=None, foreign_key="kpi.id", ondelete="SET NULL")


class BenefitLine(BenefitLineBase, BenefitLineRefs, RowMeta, table=True):
    """A stored benefit line."""


class ScenarioBase(SQLModel):
    """A named what-if: overrides of the case settings and factors on the likely amounts."""

    name: str = Field(min_length=1, max_length=60)
    discount_rate: float | None = Field(default=None, ge=-0.5, le=1.0)
    benefit_risk: float | None = Field(default=None, ge=0, le=1)
    cost_risk: float | None = Field(default=None, ge=0, le=1)
    benefit_factor: float = Field(default=1.0, ge=0, le=10)
    cost_factor: float = Field(default=1.0, ge=0, le=10)


class Scenario(ScenarioBase, RowMeta, table=True):
    """A stored scenario."""
