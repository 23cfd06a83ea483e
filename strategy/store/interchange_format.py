"""The import/export format: a whole workspace as one JSON document, defined by pydantic models.

Records refer to each other by `key` (unique within their list), never by database id, so a file
moves between databases. `python -m strategy schema` prints the JSON Schema of WorkspaceDocument.
"""

from __future__ import annotations

from typing import Any, Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from models.define import CapabilityBase, DirectionBase, KpiBase, MeasurementBase, ObjectiveBase
from models.discover import NeedBase, PrincipleBase, PriorityBase, StakeholderBase, VisionBase
from models.plan import BenefitLineBase, CostLineBase, InitiativeBase, ScenarioBase
from models.sustain import ChangeRequestBase, DatasetBase, ReviewBase
from models.track import ChangeEffectBase, FeedbackBase, FunnelStageBase, StepReviewBase, UnusedCapabilityBase
from models.workshop import AgendaStepBase, DecisionBase, WorkshopSettingsBase
from models.workspace import WorkspaceBase

FORMAT: Final = "crm-workbench/1"
Key = str


class Strict(BaseModel):
    """Unknown fields are errors, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


KEY = Field(min_length=1, max_length=40, description="unique within its list; other records refer to it")


class WorkspaceIn(WorkspaceBase, Strict):  # type: ignore[misc]
    """The workspace's own settings."""


class StakeholderRecord(StakeholderBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    backup: Key | None = None


class PriorityRecord(PriorityBase, Strict):  # type: ignore[misc]
    key: Key = KEY


class PrincipleRecord(PrincipleBase, Strict):  # type: ignore[misc]
    key: Key = KEY


class VisionRecord(VisionBase, Strict):  # type: ignore[misc]
    """The vision; one per workspace, so it needs no key."""


class NeedRecord(NeedBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    priority: Key | None = None


class DirectionRecord(DirectionBase, Strict):  # type: ignore[misc]
    """The direction assessment; one per workspace."""


class CapabilityRecord(CapabilityBase, Strict):  # type: ignore[misc]
    key: Key = KEY


class ObjectiveRecord(ObjectiveBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    owner: Key | None = None
    priority: Key | None = None
    needs: list[Key] = Field(default_factory=list)


class KpiRecord(KpiBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    objective: Key
    leads_kpi: Key | None = None


class MeasurementRecord(MeasurementBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    kpi: Key


class InitiativeRecord(InitiativeBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    owner: Key | None = None
    capability: Key | None = None
    objectives: list[Key] = Field(default_factory=list)
    depends_on: list[Key] = Field(default_factory=list)


class CostRecord(CostLineBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    initiative: Key | None = None


class BenefitRecord(BenefitLineBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    initiative: Key | None = None
    objective: Key | None = None
    kpi: Key | None = None


class ScenarioRecord(ScenarioBase, Strict):  # type: ignore[misc]
    key: Key = KEY


class ChangeRequestRecord(ChangeRequestBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    initiative: Key | None = None


class DatasetRecord(DatasetBase, Strict):  # type: ignore[misc]
    key: Key = KEY


class ReviewRecord(ReviewBase, Strict):  # type: ignore[misc]
    key: Key = KEY


class FunnelStageRecord(FunnelStageBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    kpi: Key


class FeedbackRecord(FeedbackBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    change_request: Key | None = None


class UnusedCapabilityRecord(UnusedCapabilityBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    initiative: Key | None = None
    change_request: Key | None = None


class StepReviewRecord(StepReviewBase, Strict):  # type: ignore[misc]
    key: Key = KEY


class ChangeEffectRecord(ChangeEffectBase, Strict):  # type: ignore[misc]
    key: Key = KEY
    change_request: Key
    initiative: Key | None = None
    after_initiative: Key | None = None


class AgendaRecord(AgendaStepBase, Strict):  # type: ignore[misc]
    key: Key = KEY


class DecisionRecord(DecisionBase, Strict):  # type: ignore[misc]
    key: Key = KEY


class WorkshopRecord(WorkshopSettingsBase, Strict):  # type: ignore[misc]
    """How the workspace runs its workshops; one per workspace."""


class WorkspaceDocument(Strict):
    """One strategy, complete: what export writes and import reads."""

    format: Literal["crm-workbench/1"] = FORMAT
    workspace: WorkspaceIn
    stakeholders: list[StakeholderRecord] = Field(default_factory=list)
    priorities: list[PriorityRecord] = Field(default_factory=list)
    principles: list[PrincipleRecord] = Field(default_factory=list)
    vision: VisionRecord | None = None
    needs: list[NeedRecord] = Field(default_factory=list)
    direction: DirectionRecord | None = None
    capabilities: list[CapabilityRecord] = Field(default_factory=list)
    objectives: list[ObjectiveRecord] = Field(default_factory=list)
    kpis: list[KpiRecord] = Field(default_factory=list)
    measurements: list[MeasurementRecord] = Field(default_factory=list)
    initiatives: list[InitiativeRecord] = Field(default_factory=list)
    costs: list[CostRecord] = Field(default_factory=list)
    benefits: list[BenefitRecord] = Field(default_factory=list)
    scenarios: list[ScenarioRecord] = Field(default_factory=list)
    change_requests: list[ChangeRequestRecord] = Field(default_factory=list)
    datasets: list[DatasetRecord] = Field(default_factory=list)
    reviews: list[ReviewRecord] = Field(default_factory=list)
    funnel_stages: list[FunnelStageRecord] = Field(default_factory=list)
    feedback: list[FeedbackRecord] = Field(default_factory=list)
    unused_capabilities: list[UnusedCapabilityRecord] = Field(default_factory=list)
    step_reviews: list[StepReviewRecord] = Field(default_factory=list)
    change_effects: list[ChangeEffectRecord] = Field(default_factory=list)
    agenda: list[AgendaRecord] = Field(default_factory=list)
    decisions: list[DecisionRecord] = Field(default_factory=list)
    workshop: WorkshopRecord | None = None


def _item_model(annotation: Any) -> type[BaseModel]:
    """The record model inside list[X] or X | None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(_item_model(arg) for arg in get_args(annotation) if arg is not type(None))


# Each collection's fields in the order the document writes them.
ITEM_FIELDS: dict[str, tuple[str, ...]] = {
    name: tuple(_item_model(field.annotation).model_fields)
    for name, field in WorkspaceDocument.model_fields.items()
    if name not in ("format", "workspace")
}
