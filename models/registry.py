"""Every workspace entity described once: its table, its schema, its references and links.

The generic services, the import/export format and the audit trail all read this table, so adding
an entity means adding one line here rather than a new set of functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import SQLModel

from models.base import RowMeta
from models.define import (
    Capability,
    CapabilityBase,
    DirectionBase,
    Kpi,
    KpiBase,
    Measurement,
    MeasurementBase,
    Objective,
    ObjectiveBase,
    ObjectiveNeed,
    StrategicDirection,
)
from models.discover import (
    Need,
    NeedBase,
    Principle,
    PrincipleBase,
    Priority,
    PriorityBase,
    Stakeholder,
    StakeholderBase,
    Vision,
    VisionBase,
)
from models.plan import (
    BenefitLine,
    BenefitLineBase,
    CostLine,
    CostLineBase,
    Initiative,
    InitiativeBase,
    InitiativeDependency,
    InitiativeObjective,
    Scenario,
    ScenarioBase,
)
from models.sustain import (
    ChangeRequest,
    ChangeRequestBase,
    Dataset,
    DatasetBase,
    Review,
    ReviewBase,
)
from models.track import (
    ChangeEffect,
    ChangeEffectBase,
    Feedback,
    FeedbackBase,
    FunnelStage,
    FunnelStageBase,
    StepReview,
    StepReviewBase,
    UnusedCapability,
    UnusedCapabilityBase,
)
from models.workshop import AgendaStep, AgendaStepBase, Decision, DecisionBase, WorkshopSettings, WorkshopSettingsBase


@dataclass(frozen=True)
class Link:
    """A many-to-many list field (e.g. an objective's need_ids) kept in a link table."""

    field: str
    json_field: str
    table: type[SQLModel]
    own_column: str
    other_column: str
    target: str


@dataclass(frozen=True)
class Entity:
    """One kind of workspace record."""

    kind: str
    label: str
    collection: str  # its name in the import/export format
    table: type[RowMeta]
    base: type[SQLModel]
    refs: dict[str, str] = field(default_factory=dict)  # id field -> target kind
    links: tuple[Link, ...] = ()
    title_field: str = "title"
    singleton: bool = False  # at most one per workspace
    required_refs: frozenset[str] = frozenset()

    @property
    def table_name(self) -> str:
        return str(self.table.__tablename__)

    @property
    def fields(self) -> list[str]:
        return list(self.base.model_fields)


# In dependency order: every reference points to a kind listed earlier, or to its own kind.
ENTITIES: tuple[Entity, ...] = (
    Entity(
        "stakeholder",
        "Stakeholder",
        "stakeholders",
        Stakeholder,
        StakeholderBase,
        refs={"backup_id": "stakeholder"},
        title_field="name",
    ),
    Entity("priority", "Vision priority", "priorities", Priority, PriorityBase),
    Entity("principle", "Guiding principle", "principles", Principle, PrincipleBase, title_field="text"),
    Entity("vision", "Vision", "vision", Vision, VisionBase, title_field="statement", singleton=True),
    Entity("need", "Need", "needs", Need, NeedBase, refs={"priority_id": "priority"}),
    Entity(
        "direction",
        "Direction",
        "direction",
        StrategicDirection,
        DirectionBase,
        title_field="lead_discipline",
        singleton=True,
    ),
    Entity("capability", "Capability", "capabilities", Capability, CapabilityBase, title_field="dimension"),
    Entity(
        "objective",
        "Objective",
        "objectives",
        Objective,
        ObjectiveBase,
        refs={"owner_id": "stakeholder", "priority_id": "priority"},
        links=(Link("need_ids", "needs", ObjectiveNeed, "objective_id", "need_id", "need"),),
    ),
    Entity(
        "kpi",
        "KPI",
        "kpis",
        Kpi,
        KpiBase,
        refs={"objective_id": "objective", "leads_kpi_id": "kpi"},
        title_field="name",
        required_refs=frozenset({"objective_id"}),
    ),
    Entity(
        "measurement",
        "KPI measurement",
        "measurements",
        Measurement,
        MeasurementBase,
        refs={"kpi_id": "kpi"},
        title_field="measured_on",
        required_refs=frozenset({"kpi_id"}),
    ),
    Entity(
        "initiative",
        "Initiative",
        "initiatives",
        Initiative,
        InitiativeBase,
        refs={"owner_id": "stakeholder", "capability_id": "capability"},
        links=(
            Link("objective_ids", "objectives", InitiativeObjective, "initiative_id", "objective_id", "objective"),
            Link("depends_on_ids", "depends_on", InitiativeDependency, "initiative_id", "depends_on_id", "initiative"),
        ),
    ),
    Entity(
        "cost", "Cost line", "costs", CostLine, CostLineBase, refs={"initiative_id": "initiative"}, title_field="name"
    ),
    Entity(
        "benefit",
        "Benefit line",
        "benefits",
        BenefitLine,
        BenefitLineBase,
        refs={"initiative_id": "initiative", "objective_id": "objective", "kpi_id": "kpi"},
        title_field="name",
    ),
    Entity("scenario", "Scenario", "scenarios", Scenario, ScenarioBase, title_field="name"),
    Entity(
        "change_request",
        "Change request",
        "change_requests",
        ChangeRequest,
        ChangeRequestBase,
        refs={"initiative_id": "initiative"},
    ),
    Entity("dataset", "Dataset", "datasets", Dataset, DatasetBase, title_field="name"),
    Entity("review", "Review", "reviews", Review, ReviewBase, title_field="held_on"),
    # Tracking: the funnel, front-line feedback, unused capability, journey-step reviews.
    Entity(
        "funnel_stage",
        "Funnel stage",
        "funnel_stages",
        FunnelStage,
        FunnelStageBase,
        refs={"kpi_id": "kpi"},
        title_field="name",
        required_refs=frozenset({"kpi_id"}),
    ),
    Entity(
        "feedback",
        "Feedback",
        "feedback",
        Feedback,
        FeedbackBase,
        refs={"change_request_id": "change_request"},
        title_field="text",
    ),
    Entity(
        "unused_capability",
        "Unused capability",
        "unused_capabilities",
        UnusedCapability,
        UnusedCapabilityBase,
        refs={"initiative_id": "initiative", "change_request_id": "change_request"},
        title_field="name",
    ),
    Entity("step_review", "Step review", "step_reviews", StepReview, StepReviewBase, title_field="step"),
    Entity(
        "change_effect",
        "Change effect",
        "change_effects",
        ChangeEffect,
        ChangeEffectBase,
        refs={
            "change_request_id": "change_request",
            "initiative_id": "initiative",
            "after_initiative_id": "initiative",
        },
        title_field="new_title",
        required_refs=frozenset({"change_request_id"}),
    ),
    # Workshops: the agenda, the decisions log and how votes are run.
    Entity("agenda_step", "Agenda step", "agenda", AgendaStep, AgendaStepBase),
    Entity("decision", "Decision or action", "decisions", Decision, DecisionBase, title_field="text"),
    Entity(
        "workshop",
        "Workshop settings",
        "workshop",
        WorkshopSettings,
        WorkshopSettingsBase,
        title_field="vote_allowance",
        singleton=True,
    ),
)

BY_KIND: dict[str, Entity] = {entity.kind: entity for entity in ENTITIES}


def entity(kind: str) -> Entity:
    """The entity of a kind, with a clear error for a kind that does not exist."""
    try:
        return BY_KIND[kind]
    except KeyError:
        raise KeyError(f"unknown record kind {kind!r}; known: {', '.join(BY_KIND)}") from None
