"""Health rules on the objectives: fully SMART, and measured by leading and lagging KPIs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import hypothesis
import pytest
from hypothesis import strategies as st

from models.registry import ENTITIES
from models.settings import Settings
from strategy.health.define import capability_gaps, leading_and_lagging, smart_objectives
from strategy.health.deliver import small_first_wave
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


def pilot(effort, wave=1, status="planned"):
    return {"wave": wave, "status": status, "effort": effort}


def test_the_first_wave_must_start_small():
    later = [pilot(20.0, wave=2), pilot(20.0, wave=3)]
    small = [pilot(10.0)]
    assert small_first_wave(given(initiative=small + later)).status == "pass"
    assert "pilot cap is 3" in small_first_wave(given(initiative=small * 5 + later * 5)).evidence
    assert small_first_wave(given()).status == "fail"


def test_raised_caps_never_turn_a_big_bang_into_a_pilot():
    big_bang = HealthInput(workspace_settings(pilot_max_initiatives=20, pilot_max_effort=500), EMPTY, TODAY)
    plan = [pilot(10.0)] * 8 + [pilot(20.0, wave=2), pilot(15.0, wave=2, status="parked")]
    result = small_first_wave(replace(big_bang, records=EMPTY | {"initiative": plan}))
    assert result.status == "fail" and "80% of all planned effort (80 of 100 person-weeks)" in result.evidence
    generous = replace(big_bang, records=EMPTY | {"initiative": plan}, settings=Settings(health_pilot_max_share=0.8))
    assert small_first_wave(generous).status == "pass"


def rating(cid, dimension, current, target):
    return {"id": cid, "lens": "core", "dimension": dimension, "current": current, "target": target, "notes": ""}


CORE = [
    rating(1, "culture", 1, 5),
    rating(2, "people", 2, 4),
    rating(3, "process", 3, 4),
    rating(4, "technology", 3, 4),
]


def closing(*capability_ids, status="planned"):
    return [{"capability_id": c, "status": status} for c in capability_ids]


CAPABILITY_CASES = [
    ([], [], "fail", "not rated yet: culture, people, process, technology"),
    (CORE[:2], [], "fail", "not rated yet: process, technology"),
    (CORE, [], "fail", "no initiative closes culture 1 → 5; people 2 → 4"),
    (CORE, closing(1, status="parked"), "fail", "culture 1 → 5"),  # parked work closes nothing
    (CORE, closing(1), "warn", "no initiative closes people 2 → 4"),  # the largest gap is planned
    (CORE, closing(1, 2), "pass", "2 gaps of 2 points or more, each closed by an initiative"),
]


@pytest.mark.parametrize(("ratings", "initiatives", "status", "evidence"), CAPABILITY_CASES)
def test_capabilities_are_rated_and_their_largest_gaps_planned(ratings, initiatives, status, evidence):
    result = capability_gaps(given(capability=ratings, initiative=initiatives))
    assert result.status == status and evidence in result.evidence


initiatives_drawn = st.lists(
    st.builds(
        pilot,
        st.floats(0.5, 60, allow_nan=False),
        wave=st.integers(1, 4),
        status=st.sampled_from(["proposed", "planned", "parked"]),
    ),
    max_size=12,
)


@hypothesis.settings(max_examples=80, deadline=None)
@hypothesis.given(initiatives_drawn, st.integers(1, 20), st.floats(1, 1000, allow_nan=False))
def test_no_caps_let_a_first_wave_pass_with_more_than_its_share_of_the_effort(plan, max_count, max_effort):
    inp = HealthInput(workspace_settings(pilot_max_initiatives=max_count, pilot_max_effort=max_effort), EMPTY, TODAY)
    result = small_first_wave(replace(inp, records=EMPTY | {"initiative": plan}))
    live = [i for i in plan if i["status"] != "parked"]
    first = sum(i["effort"] for i in live if i["wave"] == 1)
    if result.status == "pass":
        assert first <= inp.settings.health_pilot_max_share * sum(i["effort"] for i in live) + 1e-6
        assert first <= max_effort + 1e-6
