"""Columns every workspace row shares, and the small vocabularies the tables use."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Timezone-aware now: the tz-aware column type refuses naive datetimes."""
    return datetime.now(UTC)


class RowMeta(SQLModel):
    """Identity, ownership and optimistic-locking columns of every editable row."""

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(foreign_key="workspace.id", index=True, ondelete="CASCADE")
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class NeedKind(StrEnum):
    pain = "pain"
    opportunity = "opportunity"


class RaisedLevel(StrEnum):
    leadership = "leadership"
    department_lead = "department_lead"
    end_user = "end_user"


class Side(StrEnum):
    business = "business"
    it = "it"


class Discipline(StrEnum):
    customer_intimacy = "customer_intimacy"
    operational_excellence = "operational_excellence"
    product_leadership = "product_leadership"


class KpiCategory(StrEnum):
    """What a KPI measures: the promise of one value discipline, or the programme in general."""

    customer_intimacy = "customer_intimacy"
    operational_excellence = "operational_excellence"
    product_leadership = "product_leadership"
    general = "general"  # pipeline volume, adoption, data: no single discipline


class CapabilityLens(StrEnum):
    core = "core"  # culture, people, process, technology
    gartner = "gartner"  # Gartner's eight building blocks


class KpiKind(StrEnum):
    leading = "leading"
    lagging = "lagging"


class GoodDirection(StrEnum):
    up = "up"
    down = "down"


class InitiativeStatus(StrEnum):
    proposed = "proposed"
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    parked = "parked"


class CostCategory(StrEnum):
    licences = "licences"
    implementation = "implementation"
    integration = "integration"
    data_cleansing = "data_cleansing"
    training = "training"
    internal_staff = "internal_staff"
    change_management = "change_management"
    other = "other"


class Recurrence(StrEnum):
    one_off = "one_off"
    recurring = "recurring"


class BenefitCategory(StrEnum):
    revenue_uplift = "revenue_uplift"
    cost_saving = "cost_saving"
    productivity = "productivity"
    retention = "retention"
    risk_avoided = "risk_avoided"
    other = "other"


class ChangeStatus(StrEnum):
    submitted = "submitted"
    approved = "approved"
    rejected = "rejected"
    wish_list = "wish_list"
    implemented = "implemented"


class ImpactLevel(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class ReviewKind(StrEnum):
    programme = "programme"
    quarterly = "quarterly"
    annual = "annual"
