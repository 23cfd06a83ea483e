"""The workspace: one strategy, its plan window and the settings its figures use."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import field_validator
from sqlalchemy import JSON, Column, Index, text
from sqlmodel import Field, SQLModel

from models.base import utcnow

DEFAULT_ADOPTION_RAMP = [0.40, 0.65, 0.80, 0.85, 0.85]


class WorkspaceBase(SQLModel):
    """What a person edits about a strategy."""

    name: str = Field(min_length=1, max_length=80)
    organisation: str = Field(default="", max_length=120)
    plan_start: date
    horizon_years: int = Field(default=3, ge=3, le=5)
    currency: str = Field(default="EUR", min_length=3, max_length=3)
    description: str = Field(default="", max_length=2000)
    # Business-case settings (Forrester-style risk adjustments).
    discount_rate: float = Field(default=0.10, ge=-0.5, le=1.0)
    benefit_risk: float = Field(default=0.10, ge=0.0, le=1.0)
    cost_risk: float = Field(default=0.05, ge=0.0, le=1.0)
    adoption_ramp: list[float] = Field(
        default_factory=lambda: list(DEFAULT_ADOPTION_RAMP), sa_column=Column(JSON, nullable=False)
    )
    # Roadmap settings: the pilot wave starts small; capacity caps each quarter.
    pilot_max_initiatives: int = Field(default=3, ge=1, le=20)
    pilot_max_effort: float = Field(default=40.0, gt=0)
    capacity_per_quarter: float = Field(default=60.0, gt=0)

    @field_validator("name", "organisation", "description")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, value: str) -> str:
        if not value:
            raise ValueError("a workspace needs a name")
        return value

    @field_validator("currency")
    @classmethod
    def _currency_code(cls, value: str) -> str:
        if not value.isalpha():
            raise ValueError("currency is a three-letter code such as EUR or GBP")
        return value.upper()

    @field_validator("adoption_ramp")
    @classmethod
    def _ramp_shares(cls, value: list[float]) -> list[float]:
        if not 1 <= len(value) <= 5 or any(not 0.0 <= share <= 1.0 for share in value):
            raise ValueError("the adoption ramp is 1 to 5 yearly shares, each from 0 % to 100 % of users")
        return value


class Workspace(WorkspaceBase, table=True):
    """A strategy stored in the database; archived and deleted are soft, restorable states."""

    # Two live workspaces never share a name, even when two people create them at once.
    __table_args__ = (
        Index(
            "uq_workspace_live_name",
            "name",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    archived: bool = Field(default=False)
    deleted_at: datetime | None = Field(default=None)
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class AuditEvent(SQLModel, table=True):
    """One create, update, delete or restore: who, when, which row, and the row before and after.
    Append-only: models/history.py adds the triggers that refuse UPDATE and DELETE."""

    # A stale save's message reads a row's newest events: one index lookup, however long the history.
    __table_args__ = (Index("ix_auditevent_row", "table_name", "row_id", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    # No foreign key: the trail outlives the workspace it describes.
    workspace_id: int = Field(index=True)
    at: datetime = Field(default_factory=utcnow)
    actor: str = Field(max_length=80)
    table_name: str = Field(max_length=40)
    row_id: int
    action: str = Field(max_length=10)
    before: dict | None = Field(default=None, sa_column=Column(JSON))
    after: dict | None = Field(default=None, sa_column=Column(JSON))
