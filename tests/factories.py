"""Small builders for records, so each test says only what matters to it."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from models.workspace import Workspace, WorkspaceBase
from strategy.store.records import create_record
from strategy.store.workspaces import create_workspace

ACTOR = "tester"


def make_workspace(engine: Engine, name: str = "Acme CRM plan", **overrides: Any) -> Workspace:
    data = {
        "name": name,
        "organisation": "Acme Ltd",
        "plan_start": date(2026, 1, 1),
        "horizon_years": 3,
        "currency": "EUR",
    } | overrides
    return create_workspace(engine, data, actor=ACTOR)


def make_need(engine: Engine, workspace_id: int, **overrides: Any) -> dict[str, Any]:
    data = {
        "kind": "pain",
        "title": "Quotes take a week",
        "department": "Sales",
        "level": "end_user",
        "severity": 4,
        "reach": 3,
    } | overrides
    return create_record(engine, "need", workspace_id, data, actor=ACTOR)


def make_stakeholder(engine: Engine, workspace_id: int, **overrides: Any) -> dict[str, Any]:
    data = {"name": "Ada Byron", "role": "Sales Director", "department": "Sales"} | overrides
    return create_record(engine, "stakeholder", workspace_id, data, actor=ACTOR)


def make_objective(engine: Engine, workspace_id: int, **overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Cut quote time from 5 to 2 days by 2027",
        "metric": "quote lead time",
        "unit": "days",
        "baseline": 5,
        "target": 2,
        "due_date": date(2027, 12, 31),
    } | overrides
    return create_record(engine, "objective", workspace_id, data, actor=ACTOR)


def workspace_settings(**overrides: Any) -> WorkspaceBase:
    """A workspace's settings without a database, for pure functions that read them."""
    data = {"name": "Acme CRM plan", "plan_start": date(2026, 1, 1), "horizon_years": 3} | overrides
    return WorkspaceBase.model_validate(data)
