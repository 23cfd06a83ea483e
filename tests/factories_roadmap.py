"""Builders for initiatives and scheduler tasks, as plain values or stored through the services."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from strategy.deliver.schedule import Task
from strategy.store.records import create_record

ACTOR = "tester"
PLAN_START = date(2026, 1, 5)  # a Monday, so weekly slots fall on Mondays


def task(task_id: int, weeks: int = 4, effort: float = 4.0, **overrides: Any) -> Task:
    """A task named by its id ('T1'), released at the plan start unless told otherwise."""
    data: dict[str, Any] = {
        "id": task_id,
        "title": f"T{task_id}",
        "duration_weeks": weeks,
        "effort": effort,
        "release": PLAN_START,
    } | overrides
    return Task(**data)


def initiative(record_id: int, **overrides: Any) -> dict[str, Any]:
    """An initiative as `list_records` returns it."""
    data: dict[str, Any] = {
        "id": record_id,
        "version": 1,
        "title": f"Initiative {record_id}",
        "description": "",
        "effort": 8.0,
        "duration_weeks": 6,
        "earliest_start": None,
        "status": "proposed",
        "wave": None,
        "value_score": 3,
        "pinned_start": None,
        "scheduled_start": None,
        "scheduled_end": None,
        "owner_id": None,
        "capability_id": None,
        "objective_ids": [],
        "depends_on_ids": [],
    }
    return data | overrides


def store_initiative(engine: Engine, workspace_id: int, **overrides: Any) -> dict[str, Any]:
    data = {"title": "Single customer record", "effort": 8.0, "duration_weeks": 6} | overrides
    return create_record(engine, "initiative", workspace_id, data, actor=ACTOR)
