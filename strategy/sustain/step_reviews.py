"""When each journey step was last reviewed, which are overdue, and recording a review."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine

from strategy.deliver.plan_window import add_months
from strategy.store.records import create_record, list_records, update_record

STEPS = ("discover", "define", "plan", "deliver", "sustain")


@dataclass(frozen=True)
class StepAge:
    step: str
    reviewed_on: date | None
    overdue: bool


def step_ages(reviews: Sequence[Mapping[str, Any]], today: date, months: int) -> list[StepAge]:
    """Every journey step with its last review; overdue when never reviewed or older than the cadence."""
    last = {r["step"]: r["reviewed_on"] for r in reviews}
    return [StepAge(step, last.get(step), step not in last or add_months(last[step], months) < today) for step in STEPS]


def mark_reviewed(engine: Engine, workspace_id: int, step: str, *, actor: str, today: date) -> dict[str, Any]:
    """Record that a step was reviewed today (one record per step, updated in place, audited)."""
    found = next((r for r in list_records(engine, "step_review", workspace_id) if r["step"] == step), None)
    data = {"step": step, "reviewed_on": today, "reviewed_by": actor}
    if found is None:
        return create_record(engine, "step_review", workspace_id, data, actor=actor)
    return update_record(
        engine, "step_review", workspace_id, found["id"], data, expected_version=found["version"], actor=actor
    )
