"""A change request's effect before the committee decides: the business case's NPV and the
roadmap's end date with and without it, and whether it lands on the critical path. Stores nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from models.workspace import WorkspaceBase
from strategy.deliver.roadmap import Roadmap, build_roadmap
from strategy.plan.business_case import evaluate_case, settings_of

Record = Mapping[str, Any]
Records = Mapping[str, Sequence[Record]]
NEW_ID = -1  # the what-if's id for an initiative that does not exist yet


@dataclass(frozen=True)
class WhatIf:
    npv_without: float
    npv_with: float
    end_without: date | None
    end_with: date | None
    critical: bool  # the initiative it adds or changes is on the critical path with it
    initiative_title: str


def effect_initiative(request: Record, effect: Record) -> dict[str, Any]:
    """The new initiative a change effect would add, as a plain record."""
    after = effect.get("after_initiative_id")
    return {
        "id": NEW_ID,
        "version": 0,
        "title": (effect["new_title"] or request["title"])[:120],
        "description": request["description"],
        "effort": float(effect["added_effort"]),
        "duration_weeks": max(1, int(effect["added_weeks"])),
        "earliest_start": None,
        "status": "proposed",
        "wave": None,
        "value_score": None,
        "pinned_start": None,
        "scheduled_start": None,
        "scheduled_end": None,
        "owner_id": None,
        "capability_id": None,
        "objective_ids": [],
        "depends_on_ids": [after] if after else [],
    }


def effect_lines(request: Record, effect: Record, initiative_id: int) -> tuple[list[dict], list[dict]]:
    """The cost and benefit lines a change effect would add (its amounts are point estimates)."""
    name = f"Change: {request['title']}"[:120]
    costs = (
        [
            {
                "name": name,
                "category": "other",
                "recurrence": "recurring" if effect["cost_recurring"] else "one_off",
                "start_year": effect["cost_start_year"],
                "low": effect["cost"],
                "likely": effect["cost"],
                "high": effect["cost"],
                "initiative_id": initiative_id,
            }
        ]
        if effect["cost"]
        else []
    )
    benefits = (
        [
            {
                "name": name,
                "category": "other",
                "start_year": max(1, int(effect["benefit_start_year"])),
                "adoption_dependent": False,
                "low": effect["benefit"],
                "likely": effect["benefit"],
                "high": effect["benefit"],
                "initiative_id": initiative_id,
                "objective_id": None,
                "kpi_id": None,
            }
        ]
        if effect["benefit"]
        else []
    )
    return costs, benefits


def with_effect(records: Records, request: Record, effect: Record) -> tuple[dict[str, Sequence[Record]], int]:
    """The records as they would be with the change, and the id of the initiative it adds or changes."""
    initiatives: list[Record] = [dict(i) for i in records["initiative"]]
    target = effect.get("initiative_id")
    if target is None:
        initiatives.append(effect_initiative(request, effect))
        target = NEW_ID
    else:
        initiatives = [
            {
                **i,
                "duration_weeks": i["duration_weeks"] + effect["added_weeks"],
                "effort": i["effort"] + effect["added_effort"],
            }
            if i["id"] == target
            else i
            for i in initiatives
        ]
    costs, benefits = effect_lines(request, effect, target)
    changed = {
        **records,
        "initiative": initiatives,
        "cost": [*records["cost"], *costs],
        "benefit": [*records["benefit"], *benefits],
    }
    return changed, target


def end_of(roadmap: Roadmap) -> date | None:
    return max((item.end for item in roadmap.items), default=None)


def what_if(workspace: WorkspaceBase, records: Records, request: Record, effect: Record, today: date) -> WhatIf:
    """NPV and roadmap end without and with the change; raises DependencyCycle like the roadmap."""
    changed, target = with_effect(records, request, effect)
    settings = settings_of(workspace)
    before, after = build_roadmap(workspace, records, today), build_roadmap(workspace, changed, today)
    title = next(i["title"] for i in changed["initiative"] if i["id"] == target)
    return WhatIf(
        npv_without=evaluate_case(settings, records["cost"], records["benefit"]).npv,
        npv_with=evaluate_case(settings, changed["cost"], changed["benefit"]).npv,
        end_without=end_of(before),
        end_with=end_of(after),
        critical=target in after.critical_ids,
        initiative_title=title,
    )
