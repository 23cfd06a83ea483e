"""Named scenarios: overrides of the settings and factors on the amounts, compared side by side."""

from __future__ import annotations

from dataclasses import replace

import pytest

from strategy.plan.business_case import evaluate_case
from strategy.plan.scenarios import BASE_NAME, compare_scenarios, evaluate_scenario, scenario_settings
from tests.factories_case import SETTINGS_3Y, benefit_line, cost_line

COSTS = [cost_line(100_000), cost_line(20_000, name="Support", recurrence="recurring", start_year=1)]
BENEFITS = [benefit_line(90_000)]
CONSERVATIVE = {
    "name": "Conservative",
    "discount_rate": 0.12,
    "benefit_risk": 0.25,
    "cost_risk": None,
    "benefit_factor": 0.85,
    "cost_factor": 1.1,
}
EXPECTED = {
    "name": "Expected",
    "discount_rate": None,
    "benefit_risk": None,
    "cost_risk": None,
    "benefit_factor": 1.0,
    "cost_factor": 1.0,
}


def test_overrides_replace_only_the_settings_they_name():
    settings = scenario_settings(SETTINGS_3Y, CONSERVATIVE)
    assert (settings.discount_rate, settings.benefit_risk, settings.cost_risk) == (0.12, 0.25, SETTINGS_3Y.cost_risk)
    assert settings.adoption_ramp == SETTINGS_3Y.adoption_ramp


def test_factors_scale_the_amounts_before_the_risk_adjustments():
    outcome = evaluate_scenario(SETTINGS_3Y, COSTS, BENEFITS, CONSERVATIVE)
    by_hand = evaluate_case(
        replace(SETTINGS_3Y, discount_rate=0.12, benefit_risk=0.25),
        [cost_line(110_000), cost_line(22_000, name="Support", recurrence="recurring", start_year=1)],
        [benefit_line(90_000 * 0.85)],
    )
    assert outcome.figures.npv == pytest.approx(by_hand.npv)
    assert outcome.figures.pv_costs == pytest.approx(
        1.1 * evaluate_case(replace(SETTINGS_3Y, discount_rate=0.12), COSTS, []).pv_costs
    )


def test_the_comparison_leads_with_the_base_case_unless_a_scenario_already_is_it():
    with_base = compare_scenarios(SETTINGS_3Y, COSTS, BENEFITS, [CONSERVATIVE])
    assert [o.name for o in with_base] == [BASE_NAME, "Conservative"]
    assert with_base[0].figures == evaluate_case(SETTINGS_3Y, COSTS, BENEFITS)
    assert [o.name for o in compare_scenarios(SETTINGS_3Y, COSTS, BENEFITS, [CONSERVATIVE, EXPECTED])] == [
        "Conservative",
        "Expected",
    ]


def test_a_harsher_scenario_never_beats_the_base_case():
    base, conservative = compare_scenarios(SETTINGS_3Y, COSTS, BENEFITS, [CONSERVATIVE])
    assert conservative.figures.npv < base.figures.npv
