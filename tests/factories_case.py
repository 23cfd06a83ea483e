"""Builders for business-case lines and settings, as plain dicts like `list_records` returns,
or stored through the record services when an engine is given."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from strategy.plan.business_case import CaseSettings
from strategy.store.records import create_record

ACTOR = "tester"
SETTINGS_3Y = CaseSettings(
    horizon_years=3, discount_rate=0.10, benefit_risk=0.10, cost_risk=0.05, adoption_ramp=(0.40, 0.65, 0.80)
)


def cost_line(likely: float, **overrides: Any) -> dict[str, Any]:
    """A one-off initial cost line with a degenerate range unless low/high are given."""
    data: dict[str, Any] = {
        "name": "CRM licences",
        "category": "licences",
        "recurrence": "one_off",
        "start_year": 0,
        "low": likely,
        "likely": likely,
        "high": likely,
        "initiative_id": None,
    }
    return data | overrides


def benefit_line(likely: float, **overrides: Any) -> dict[str, Any]:
    """An adoption-dependent benefit from year 1 with a degenerate range unless low/high are given."""
    data: dict[str, Any] = {
        "name": "Faster quotes",
        "category": "productivity",
        "start_year": 1,
        "adoption_dependent": True,
        "low": likely,
        "likely": likely,
        "high": likely,
        "initiative_id": None,
        "objective_id": None,
        "kpi_id": None,
    }
    return data | overrides


def store_cost(engine: Engine, workspace_id: int, likely: float, **overrides: Any) -> dict[str, Any]:
    data = {k: v for k, v in cost_line(likely, **overrides).items() if v is not None}
    return create_record(engine, "cost", workspace_id, data, actor=ACTOR)


def store_benefit(engine: Engine, workspace_id: int, likely: float, **overrides: Any) -> dict[str, Any]:
    data = {k: v for k, v in benefit_line(likely, **overrides).items() if v is not None}
    return create_record(engine, "benefit", workspace_id, data, actor=ACTOR)
