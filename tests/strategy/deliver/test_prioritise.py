"""Prioritisation: value from the business case or the value score, the WSJF-style score, quick
wins, and the pilot wave that starts small."""

from __future__ import annotations

import pytest

from strategy.deliver.prioritise import (
    pilot_breaches,
    prioritise,
    propose_pilot,
    value_of,
    wave_load,
    wsjf_score,
)
from strategy.plan.business_case import InitiativeEconomics
from tests.factories_roadmap import initiative

LARGEST = 600_000.0


def economics(pv_benefits: float, pv_costs: float = 0.0) -> InitiativeEconomics:
    return InitiativeEconomics(pv_benefits, pv_costs, pv_benefits - pv_costs)


VALUES = [
    pytest.param(
        initiative(1, value_score=2), {1: economics(LARGEST)}, 5.0, "business case", id="largest benefits = 5"
    ),
    pytest.param(
        initiative(1, value_score=5), {1: economics(LARGEST / 2)}, 2.5, "business case", id="half the largest = 2.5"
    ),
    pytest.param(initiative(1), {1: economics(1_000)}, 1.0, "business case", id="tiny benefits still score 1"),
    pytest.param(
        initiative(1, value_score=4), {1: economics(0, 50_000)}, 4.0, "value score", id="costs only: its value score"
    ),
    pytest.param(initiative(1, value_score=3), {}, 3.0, "value score", id="no business case lines"),
    pytest.param(initiative(1, value_score=None), {}, None, "none", id="no value at all"),
]


@pytest.mark.parametrize(("record", "found", "value", "source"), VALUES)
def test_value_comes_from_benefits_when_there_are_any_else_the_score(record, found, value, source):
    assert value_of(record, found, LARGEST) == (value, source)


SCORES = [
    pytest.param(5.0, 10.0, 5.0, id="value 5 for 10 person-weeks"),
    pytest.param(4.0, 20.0, 2.0, id="value 4 for 20 person-weeks"),
    pytest.param(3.0, 0.5, 30.0, id="under 1 person-week counts as 1"),
    pytest.param(None, 10.0, None, id="no value, no score"),
]


@pytest.mark.parametrize(("value", "effort", "score"), SCORES)
def test_score_is_value_per_ten_person_weeks(value, effort, score):
    assert wsjf_score(value, effort) == score


def test_ranking_puts_the_best_value_per_effort_first_and_unvalued_work_last():
    records = [
        initiative(1, title="Platform", value_score=5, effort=40),
        initiative(2, title="Lapse alerts", value_score=4, effort=4),
        initiative(3, title="Unsized", value_score=None, effort=2),
        initiative(4, title="Campaign lists", value_score=3, effort=6),
    ]
    ranked = prioritise(records, {})
    assert [p.initiative["title"] for p in ranked] == ["Lapse alerts", "Campaign lists", "Platform", "Unsized"]
    assert [p.rank for p in ranked] == [1, 2, 3, 4]
    # Quick wins: value 4+ and effort at or under the median effort (5 person-weeks here).
    assert [p.initiative["title"] for p in ranked if p.quick_win] == ["Lapse alerts"]


def test_pilot_takes_quick_wins_first_within_both_caps_and_only_work_that_can_start():
    records = [
        initiative(1, value_score=5, effort=4),  # quick win
        initiative(2, value_score=4, effort=5, depends_on_ids=[9]),  # quick win, but waits for unpiloted work
        initiative(3, value_score=3, effort=2),  # best score after the quick wins
        initiative(4, value_score=5, effort=3, status="parked"),  # parked: never piloted
        initiative(5, value_score=2, effort=30),
        initiative(9, value_score=1, effort=50),
    ]
    proposal = propose_pilot(prioritise(records, {}), max_initiatives=3, max_effort=10)
    assert proposal.ids == (1, 3)
    assert proposal.effort == 6


def test_pilot_accepts_work_whose_prerequisite_is_done_or_in_the_pilot_but_not_done_work():
    records = [
        initiative(1, value_score=5, effort=4, status="done"),
        initiative(2, value_score=5, effort=4, depends_on_ids=[1]),
        initiative(3, value_score=4, effort=4, depends_on_ids=[2]),
    ]
    assert propose_pilot(prioritise(records, {}), max_initiatives=3, max_effort=12).ids == (2, 3)


def test_wave_one_over_either_cap_is_named():
    records = [initiative(n, wave=1, effort=15) for n in (1, 2, 3)] + [initiative(4, wave=1, status="parked")]
    load = wave_load(records, 1)
    assert (load.count, load.effort) == (3, 45)
    assert pilot_breaches(load, max_initiatives=2, max_effort=40) == [
        "wave 1 holds 3 initiatives; the pilot cap is 2",
        "wave 1 holds 45 person-weeks; the pilot cap is 40",
    ]
    assert pilot_breaches(load, max_initiatives=3, max_effort=45) == []
