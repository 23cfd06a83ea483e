"""Recording that a journey step was reviewed."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from strategy.store.records import create_record, list_records, update_record


def mark_reviewed(engine: Engine, workspace_id: int, step: str, *, actor: str, today: date) -> dict[str, Any]:
    """Record that a step was reviewed today (one record per step, updated in place, audited)."""
    found = next((r for r in list_records(engine, "step_review", workspace_id) if r["step"] == step), None)
    data = {"step": step, "reviewed_on": today, "reviewed_by": actor}
    if found is None:
        return create_record(engine, "step_review", workspace_id, data, actor=actor)
    return update_record(
        engine, "step_review", workspace_id, found["id"], data, expected_version=found["version"], actor=actor
    )
