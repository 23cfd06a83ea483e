"""Sustain: change control, data quality and retention, and strategy reviews."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlmodel import Field, SQLModel

from models.base import ChangeStatus, ImpactLevel, ReviewKind, RowMeta


class ChangeRequestBase(SQLModel):
    """A requested change, decided by the change committee after an impact assessment."""

    title: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=2000)
    requested_by: str = Field(default="", max_length=80)
    raised_on: date
    status: ChangeStatus = Field(default=ChangeStatus.submitted, sa_type=String(16))
    impact_assessment: str = Field(default="", max_length=2000)
    impact_level: ImpactLevel = Field(default=ImpactLevel.low, sa_type=String(8))
    affects_core_system: bool = False
    decided_on: date | None = None
    decision_note: str = Field(default="", max_length=1000)
    target_release: str = Field(default="", max_length=40)


class ChangeRequestRefs(SQLModel):
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", ondelete="SET NULL")


class ChangeRequest(ChangeRequestBase, ChangeRequestRefs, RowMeta, table=True):
    """A stored change request."""


class DatasetBase(SQLModel):
    """A body of customer data that decays, with its retention rule and last clean-up."""

    name: str = Field(min_length=1, max_length=80)
    system: str = Field(default="", max_length=60)
    owner: str = Field(default="", max_length=80)
    record_count: int = Field(default=0, ge=0)
    annual_decay_rate: float = Field(default=0.25, ge=0, le=1)
    completeness: float = Field(default=0.8, ge=0, le=1)
    last_cleansed: date | None = None
    retention_months: int | None = Field(default=None, ge=1, le=600)
    personal_data: bool = True


class Dataset(DatasetBase, RowMeta, table=True):
    """A stored dataset."""


class ReviewBase(SQLModel):
    """A strategy review held, and how often the next one is due."""

    held_on: date
    kind: ReviewKind = Field(default=ReviewKind.quarterly, sa_type=String(16))
    cadence_months: int = Field(default=3, ge=1, le=24)
    attendees: str = Field(default="", max_length=500)
    summary: str = Field(default="", max_length=4000)
    decisions: str = Field(default="", max_length=4000)


class Review(ReviewBase, RowMeta, table=True):
    """A stored review."""
