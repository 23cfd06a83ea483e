"""Every record of a workspace at once, for the views and reports that read across steps."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from models.engine import read_session
from models.registry import ENTITIES
from strategy.store import record_store as store


def workspace_records(engine: Engine, workspace_id: int) -> dict[str, list[dict[str, Any]]]:
    """Records of every kind, one query per kind (and per link table), never one per row."""
    with read_session(engine) as session:
        store.load_workspace(session, workspace_id)
        return {ent.kind: store.records_of(session, ent, workspace_id) for ent in ENTITIES}
