"""Many KPI actuals written at once: one transaction, one statement for the rows and one for their
audit events, so a 10,000-row upload does not pay a round trip per row."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic_core import to_jsonable_python
from sqlalchemy import Engine, insert
from sqlmodel import col

from models.base import utcnow
from models.define import Measurement
from models.engine import write_session
from models.workspace import AuditEvent
from strategy.store import record_store as store
from strategy.store.access import Action, require


def insert_actuals(engine: Engine, workspace_id: int, rows: Sequence[tuple[int, date, float]], *, actor: str) -> int:
    """Store (kpi_id, measured_on, value) rows already checked by the caller; all or nothing."""
    now = utcnow()
    values: list[dict[str, Any]] = [
        {
            "workspace_id": workspace_id,
            "kpi_id": kpi_id,
            "measured_on": on,
            "value": value,
            "note": "",
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for kpi_id, on, value in rows
    ]
    if not values:
        return 0
    with write_session(engine) as session:
        require(session, workspace_id, actor, Action.EDIT)
        store.load_workspace(session, workspace_id)
        returning = insert(Measurement).returning(col(Measurement.id), sort_by_parameter_order=True)
        ids = session.execute(returning, values).scalars().all()
        events = [
            {
                "workspace_id": workspace_id,
                "at": now,
                "actor": (actor.strip() or "unknown")[:80],
                "table_name": "measurement",
                "row_id": row_id,
                "action": "create",
                "before": None,
                "after": to_jsonable_python(
                    {
                        "id": row_id,
                        "version": 1,
                        "kpi_id": v["kpi_id"],
                        "measured_on": v["measured_on"],
                        "value": v["value"],
                        "note": "",
                    }
                ),
            }
            for row_id, v in zip(ids, values, strict=True)
        ]
        session.execute(insert(AuditEvent), events)
    return len(values)
