"""Health rules on the objectives: fully SMART, and measured by leading and lagging KPIs."""

from __future__ import annotations

from datetime import date

from models.registry import ENTITIES
from strategy.health.define import leading_and_lagging, smart_objectives
from strategy.health.types import HealthInput
from tests.factories import workspace_settings

TODAY = date(2026, 11, 23)
EMPTY = {e.kind: [] for e in ENTITIES}
SMART = {
    "id": 1,
    "title": "Cut quote time from 5 to 2 days by 2027",
    "metric": "quote lead time",
    "unit": "days",
    "baseline": 5.0,
    "target": 2.0,
    "due_date": date(2027, 12, 31),
    "need_ids": [1],
    "priority_id": None,
}
VAGUE = {
    "id": 2,
    "title": "Improve efficiency",
    "metric": "",
    "unit": "",
    "baseline": None,
    "target": None,
    "due_date": None,
    "need_ids": [],
    "priority_id": None,
}


def given(**kinds) -> HealthInput:
    return HealthInput(workspace_settings(), EMPTY | kinds, TODAY)


def test_a_vague_objective_among_two_fails_and_is_named():
    result = smart_objectives(given(objective=[SMART, VAGUE]))
    assert result.status == "fail" and "'Improve efficiency'" in result.evidence and "1 of 2" in result.evidence


def test_all_smart_objectives_pass():
    assert smart_objectives(given(objective=[SMART])).status == "pass"


def test_objectives_need_both_kinds_of_kpi():
    lagging = {"objective_id": 1, "kind": "lagging"}
    leading = {"objective_id": 1, "kind": "leading"}
    assert leading_and_lagging(given(objective=[SMART], kpi=[lagging])).status == "fail"
    assert leading_and_lagging(given(objective=[SMART], kpi=[lagging, leading])).status == "pass"
    assert leading_and_lagging(given()).status == "fail"


def test_the_first_wave_must_start_small():
    from strategy.health.deliver import small_first_wave

    small = [{"wave": 1, "status": "planned", "effort": 10.0}]
    big = small * 5
    assert small_first_wave(given(initiative=small)).status == "pass"
    assert "pilot cap is 3" in small_first_wave(given(initiative=big)).evidence
    assert small_first_wave(given()).status == "fail"
