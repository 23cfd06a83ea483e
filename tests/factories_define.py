"""Builders for the Define step: objectives and KPIs as plain dicts (as `list_records` returns them)
for the pure checks, and the SMART context of a 2026-2028 plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from strategy.define.smart import SmartContext

PLAN_START = date(2026, 1, 1)
CONTEXT = SmartContext(plan_start=PLAN_START, horizon_years=3, max_annual_change=0.5)  # ends 31 Dec 2028


def objective(**overrides: Any) -> dict[str, Any]:
    """A SMART objective: 64 → 80 % first-contact resolution by mid-2027, serving one need."""
    data: dict[str, Any] = {
        "id": 1,
        "version": 1,
        "title": "Resolve 80 % of member contacts at first contact by June 2027",
        "metric": "first-contact resolution",
        "unit": "%",
        "baseline": 64.0,
        "target": 80.0,
        "due_date": date(2027, 6, 30),
        "owner_id": None,
        "priority_id": None,
        "need_ids": [7],
    }
    return data | overrides


def kpi(kpi_id: int, objective_id: int = 1, kind: str = "lagging", **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": kpi_id,
        "version": 1,
        "name": f"KPI {kpi_id}",
        "kind": kind,
        "unit": "%",
        "baseline": 10.0,
        "target": 20.0,
        "target_date": date(2027, 12, 31),
        "good_direction": "up",
        "lag_months": None,
        "library_key": None,
        "objective_id": objective_id,
        "leads_kpi_id": None,
    }
    return data | overrides


def need(need_id: int, title: str = "Members lapse unnoticed") -> dict[str, Any]:
    return {"id": need_id, "version": 1, "title": title, "priority_id": None}


def open_on_new_workspace(page: str):
    """The app (see tests.conftest.open_app) on a freshly created, empty workspace, switched to a page."""
    from streamlit.testing.v1 import AppTest

    from models.settings import get_settings
    from strategy.store.database import shared_engine
    from tests.conftest import APP
    from tests.factories import make_workspace

    workspace = make_workspace(shared_engine(get_settings().url), "Blank slate")
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["workspace_id"] = workspace.id
    at.run()
    return at.switch_page(page).run()
