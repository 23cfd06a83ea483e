"""The one way KPI actuals arrive from a file, for the page and the command line alike."""

from __future__ import annotations

from sqlalchemy import Engine

from models.settings import get_settings
from strategy.store.actuals import insert_actuals
from strategy.store.records import list_records
from strategy.sustain.actuals_csv import parse_actuals


def import_actuals_csv(engine: Engine, workspace_id: int, data: bytes, *, actor: str) -> int:
    """Check every line of a kpi,date,value CSV, then store all of them, or none (InvalidInput
    names every bad line). Returns how many actuals were stored."""
    kpis = {str(k["name"]).strip().casefold(): int(k["id"]) for k in list_records(engine, "kpi", workspace_id)}
    stored = {(m["kpi_id"], m["measured_on"]) for m in list_records(engine, "measurement", workspace_id)}
    rows = parse_actuals(data, kpis, stored, max_bytes=get_settings().actuals_max_bytes)
    return insert_actuals(engine, workspace_id, [(r.kpi_id, r.measured_on, r.value) for r in rows], actor=actor)
