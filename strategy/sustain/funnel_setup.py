"""A funnel from a template in one step: a KPI to count each stage, and the stages in order."""

from __future__ import annotations

from sqlalchemy import Engine

from models.base import KpiCategory
from models.engine import write_session
from models.registry import entity
from strategy.errors import FieldError, InvalidInput
from strategy.store import record_store as store
from strategy.store.access import Action, require
from strategy.sustain.funnel import DEFAULT_STAGES, MEMBER_LIFECYCLE

TEMPLATES: dict[str, tuple[str, ...]] = {"Sales funnel": DEFAULT_STAGES, "Member lifecycle": MEMBER_LIFECYCLE}


def set_up_funnel(engine: Engine, workspace_id: int, template: str, objective_id: int, *, actor: str) -> int:
    """Create a counting KPI per stage (under the chosen objective) and the stages, all or nothing;
    refused when the workspace already has a funnel. Returns how many stages were made."""
    stages = TEMPLATES.get(template)
    if stages is None:
        raise InvalidInput([FieldError("template", f"choose one of {', '.join(TEMPLATES)}")])
    with write_session(engine) as session:
        require(session, workspace_id, actor, Action.EDIT)
        workspace = store.load_workspace(session, workspace_id)
        if store.records_of(session, entity("funnel_stage"), workspace_id):
            raise InvalidInput([FieldError("template", "this workspace has a funnel already: edit its stages")])
        for position, name in enumerate(stages, start=1):
            kpi = {
                "objective_id": objective_id,
                "name": f"{name} per month",
                "kind": "lagging",
                "unit": "per month",
                "category": KpiCategory.general.value,  # a stage count serves no single discipline
            }
            made = store.insert(session, entity("kpi"), workspace, kpi, actor)
            stage = {"name": name, "position": position, "kpi_id": made["id"]}
            store.insert(session, entity("funnel_stage"), workspace, stage, actor)
    return len(stages)
