"""Builders for the Discover step: plain record dicts for the pure rules, stored records for services."""

from __future__ import annotations

from itertools import count
from typing import Any

from sqlalchemy import Engine

from strategy.store.records import create_record
from tests.factories import ACTOR

_ids = count(1000)


def need_row(**overrides: Any) -> dict[str, Any]:
    """A need as the services return it, without touching a database."""
    return {
        "id": next(_ids),
        "version": 1,
        "kind": "pain",
        "title": "Quotes take a week",
        "description": "",
        "department": "Sales",
        "raised_by": "",
        "level": "end_user",
        "severity": 3,
        "reach": 3,
        "annual_value": None,
        "evidence": "",
        "priority_id": None,
    } | overrides


def person_row(**overrides: Any) -> dict[str, Any]:
    """A stakeholder as the services return it, without touching a database."""
    return {
        "id": next(_ids),
        "version": 1,
        "name": "Ada Byron",
        "role": "Sales Director",
        "department": "Sales",
        "side": "business",
        "influence": 3,
        "interest": 3,
        "wiifm": "Fewer spreadsheets",
        "is_sponsor": False,
        "is_champion": False,
        "is_power_user": False,
        "active": True,
        "backup_id": None,
    } | overrides


def make_priority(engine: Engine, workspace_id: int, title: str, position: int, **extra: Any) -> dict[str, Any]:
    return create_record(engine, "priority", workspace_id, {"title": title, "position": position} | extra, actor=ACTOR)


def make_principle(engine: Engine, workspace_id: int, text: str, position: int) -> dict[str, Any]:
    return create_record(engine, "principle", workspace_id, {"text": text, "position": position}, actor=ACTOR)
