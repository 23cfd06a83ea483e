"""The roadmap read from, and its schedule written to, the stored records."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from strategy.deliver.roadmap import Roadmap, build_roadmap, schedule_edits
from strategy.store.records import apply_table_edits
from strategy.store.snapshot import workspace_records
from strategy.store.workspaces import get_workspace


def load_roadmap(engine: Engine, workspace_id: int, today: date) -> Roadmap:
    """Read the workspace's records and build its roadmap."""
    return build_roadmap(get_workspace(engine, workspace_id), workspace_records(engine, workspace_id), today)


def store_schedule(engine: Engine, workspace_id: int, *, actor: str, today: date) -> int:
    """Schedule from the current records and store every changed start and end in one transaction
    (all or nothing, each change audited); returns how many initiatives changed."""
    edits = schedule_edits(load_roadmap(engine, workspace_id, today))
    return apply_table_edits(engine, "initiative", workspace_id, edits, actor=actor) if edits else 0
