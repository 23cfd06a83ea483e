"""The deterministic business case against a hand-worked example and numpy-financial."""

from __future__ import annotations

from dataclasses import replace

import numpy_financial as npf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.workspace import WorkspaceBase
from strategy.plan.business_case import (
    CaseSettings,
    InitiativeEconomics,
    adoption_share,
    evaluate_case,
    initiative_economics,
    internal_rate_of_return,
    payback_months,
    value_by_category,
)
from tests.factories_case import SETTINGS_3Y, benefit_line, cost_line

# The hand-worked case (3 years, 10 % rate, 10 % benefit haircut, 5 % cost uplift, ramp 40/65/80 %):
#   licences 100,000 one-off in year 0      -> 105,000 in year 0
#   support 20,000 recurring from year 1    -> 21,000 in years 1-3
#   faster quotes 100,000, adoption-bound   -> 36,000 / 58,500 / 72,000 in years 1-3
#   fewer lost renewals 50,000 from year 2  -> 45,000 in years 2-3
HAND_COSTS = [
    cost_line(100_000, name="Licences"),
    cost_line(20_000, name="Support", recurrence="recurring", start_year=1),
]
HAND_BENEFITS = [
    benefit_line(100_000, name="Faster quotes"),
    benefit_line(50_000, name="Fewer lost renewals", start_year=2, adoption_dependent=False),
]
HAND_BENEFIT_FLOWS = [0, 36_000, 103_500, 117_000]
HAND_COST_FLOWS = [105_000, 21_000, 21_000, 21_000]
HAND_CUMULATIVE = [-105_000, -90_000, -7_500, 88_500]
HAND_PV_BENEFITS = 36_000 / 1.1 + 103_500 / 1.1**2 + 117_000 / 1.1**3  # 206,168.29
HAND_PV_COSTS = 105_000 + 21_000 / 1.1 + 21_000 / 1.1**2 + 21_000 / 1.1**3  # 157,223.89
HAND_PAYBACK_MONTHS = 24 + 12 * 7_500 / 96_000  # turns in year 3: 24.94 months


@pytest.fixture(scope="module")
def hand_case():
    return evaluate_case(SETTINGS_3Y, HAND_COSTS, HAND_BENEFITS)


def test_yearly_table_matches_the_hand_worked_flows(hand_case):
    assert [row.benefits for row in hand_case.table] == pytest.approx(HAND_BENEFIT_FLOWS)
    assert [row.costs for row in hand_case.table] == pytest.approx(HAND_COST_FLOWS)
    assert [row.cumulative_net for row in hand_case.table] == pytest.approx(HAND_CUMULATIVE)


def test_headline_figures_match_the_hand_worked_case(hand_case):
    assert hand_case.pv_benefits == pytest.approx(HAND_PV_BENEFITS)
    assert hand_case.pv_costs == pytest.approx(HAND_PV_COSTS)
    assert hand_case.npv == pytest.approx(HAND_PV_BENEFITS - HAND_PV_COSTS)  # 48,944.40
    assert hand_case.roi == pytest.approx((HAND_PV_BENEFITS - HAND_PV_COSTS) / HAND_PV_COSTS)
    assert hand_case.benefit_cost_ratio == pytest.approx(HAND_PV_BENEFITS / HAND_PV_COSTS)
    assert hand_case.payback_months == pytest.approx(HAND_PAYBACK_MONTHS)


def test_hand_built_table_agrees_with_numpy_financial(hand_case):
    net = [row.net for row in hand_case.table]
    assert sum(row.discounted_net for row in hand_case.table) == pytest.approx(npf.npv(0.10, net))
    assert hand_case.npv == pytest.approx(npf.npv(0.10, net))
    assert npf.npv(hand_case.irr, net) == pytest.approx(0, abs=1e-6)
    assert hand_case.irr == pytest.approx(0.2949, abs=1e-4)


RAMP = (0.40, 0.65, 0.80)
ADOPTION_CASES = [
    pytest.param(0, 0.0, id="year 0 has no adoption"),
    pytest.param(1, 0.40, id="year 1 is the first share"),
    pytest.param(3, 0.80, id="year 3 is the third share"),
    pytest.param(5, 0.80, id="a short ramp repeats its last share"),
]


@pytest.mark.parametrize(("year", "share"), ADOPTION_CASES)
def test_adoption_share_by_year(year, share):
    assert adoption_share(RAMP, year) == share


PAYBACK_CASES = [
    pytest.param([-100, 50, 50, 50], 24.0, id="turns exactly at the end of year 2"),
    pytest.param([-100, 25, 150], 12 + 12 * 75 / 150, id="interpolated within year 2"),
    pytest.param([-100, 200], 6.0, id="half way through year 1"),
    pytest.param([-100, 10, 10, 10], None, id="never within the horizon"),
    pytest.param([0, 10, 10], 0.0, id="never negative pays back at once"),
    pytest.param([0, -50, 100], 12 + 12 * 50 / 100, id="costs that start in year 1"),
]


@pytest.mark.parametrize(("net", "months"), PAYBACK_CASES)
def test_payback_months(net, months):
    assert payback_months(net) == (pytest.approx(months) if months is not None else None)


def test_a_case_without_costs_has_no_roi_rather_than_a_division_error():
    figures = evaluate_case(SETTINGS_3Y, [], [benefit_line(10_000)])
    assert (figures.roi, figures.benefit_cost_ratio, figures.pv_costs, figures.irr) == (None, None, 0.0, None)
    assert figures.npv > 0


def test_a_case_whose_flows_never_turn_positive_has_no_irr():
    figures = evaluate_case(SETTINGS_3Y, [cost_line(1_000)], [])
    assert (figures.irr, figures.payback_months, figures.npv) == (None, None, pytest.approx(-1_050))


def workspace(**overrides) -> WorkspaceBase:
    data = {"name": "W", "plan_start": "2026-01-01", "horizon_years": 3, "adoption_ramp": [0.40, 0.65, 0.80]}
    return WorkspaceBase.model_validate(data | overrides)


def test_initiative_economics_sums_only_each_initiatives_own_lines():
    costs = [*(c | {"initiative_id": 7} for c in HAND_COSTS), cost_line(5_000, initiative_id=None)]
    benefits = [*(b | {"initiative_id": 7} for b in HAND_BENEFITS), benefit_line(8_000, initiative_id=9)]
    economics = initiative_economics(workspace(), costs, benefits)
    assert set(economics) == {7, 9}
    assert economics[7].pv_benefits == pytest.approx(HAND_PV_BENEFITS)
    assert economics[7].pv_costs == pytest.approx(HAND_PV_COSTS)
    assert economics[7].npv == pytest.approx(HAND_PV_BENEFITS - HAND_PV_COSTS)
    assert isinstance(economics[7], InitiativeEconomics)
    assert economics[9].pv_costs == 0.0
    assert economics[9].npv == pytest.approx(economics[9].pv_benefits)


def test_initiative_economics_uses_the_workspace_settings():
    lines = [benefit_line(10_000, initiative_id=1, adoption_dependent=False)]
    cheap_money = initiative_economics(workspace(discount_rate=0.0, benefit_risk=0.0), [], lines)
    assert cheap_money[1].pv_benefits == pytest.approx(30_000)
    assert initiative_economics(workspace(), [], []) == {}


def test_settings_default_to_the_issue_values():
    assert CaseSettings(horizon_years=5) == CaseSettings(5, 0.10, 0.10, 0.05, (0.40, 0.65, 0.80, 0.85, 0.85))


def test_present_values_by_category_add_up_to_the_case(hand_case):
    values = value_by_category(SETTINGS_3Y, HAND_COSTS, HAND_BENEFITS)
    assert sum(v.present_value for v in values if v.kind == "cost") == pytest.approx(hand_case.pv_costs)
    assert sum(v.present_value for v in values if v.kind == "benefit") == pytest.approx(hand_case.pv_benefits)
    assert {(v.kind, v.category) for v in values} == {("cost", "licences"), ("benefit", "productivity")}


# --- properties ------------------------------------------------------------------------------

AMOUNT = st.floats(min_value=0, max_value=5_000_000, allow_nan=False)
YEAR = st.integers(min_value=1, max_value=3)
RATE = st.floats(min_value=-0.45, max_value=0.95, allow_nan=False)
benefit_lines = st.lists(
    st.builds(
        lambda likely, year, adoption: benefit_line(likely, start_year=year, adoption_dependent=adoption),
        AMOUNT,
        YEAR,
        st.booleans(),
    ),
    max_size=6,
)
cost_lines = st.lists(
    st.builds(
        lambda likely, year, recurrence: cost_line(likely, start_year=year, recurrence=recurrence),
        AMOUNT,
        st.integers(0, 3),
        st.sampled_from(["one_off", "recurring"]),
    ),
    max_size=6,
)
initial_costs = st.lists(st.builds(cost_line, AMOUNT), min_size=1, max_size=4)


@given(initial_costs, benefit_lines, RATE, RATE)
def test_npv_falls_as_the_discount_rate_rises_for_a_conventional_investment(costs, benefits, rate_a, rate_b):
    """Money out in year 0, money in afterwards: a higher rate never makes the case better."""
    low_rate, high_rate = sorted((rate_a, rate_b))
    at_low = evaluate_case(replace(SETTINGS_3Y, discount_rate=low_rate), costs, benefits).npv
    at_high = evaluate_case(replace(SETTINGS_3Y, discount_rate=high_rate), costs, benefits).npv
    assert at_high <= at_low + 1e-6 * max(1.0, abs(at_low))


def scaled(lines, k):
    return [line | {"low": line["low"] * k, "likely": line["likely"] * k, "high": line["high"] * k} for line in lines]


@given(cost_lines, benefit_lines, st.floats(min_value=0, max_value=1_000, allow_nan=False))
def test_scaling_every_amount_by_k_scales_npv_by_k(costs, benefits, k):
    npv = evaluate_case(SETTINGS_3Y, costs, benefits).npv
    scaled_npv = evaluate_case(SETTINGS_3Y, scaled(costs, k), scaled(benefits, k)).npv
    size = sum(line["likely"] for line in costs + benefits) * max(k, 1.0)
    assert scaled_npv == pytest.approx(k * npv, rel=1e-9, abs=1e-9 * max(size, 1.0))


@given(cost_lines, benefit_lines)
def test_hand_built_table_always_agrees_with_numpy_financial(costs, benefits):
    figures = evaluate_case(SETTINGS_3Y, costs, benefits)
    net = [row.net for row in figures.table]
    size = max(1.0, sum(abs(x) for x in net))
    assert sum(row.discounted_net for row in figures.table) == pytest.approx(figures.npv, abs=1e-9 * size)
    assert npf.npv(SETTINGS_3Y.discount_rate, net) == pytest.approx(figures.npv, abs=1e-9 * size)


IRR_CASES = [
    pytest.param([-100, 39, 59, 55, 20], 0.28095, id="numpy-financial's textbook example"),
    pytest.param([-100, 110], 0.10, id="one year at ten percent"),
    pytest.param([-100, 0, 0, 74], -0.0955, id="a loss has a negative IRR"),
    pytest.param([-100, 0, 0], None, id="never turns: no IRR"),
    pytest.param([0, 10, 10], None, id="never negative: no IRR"),
    pytest.param([-1.05, 2e-309, 2e-309, 2e-309], None, id="flows at the float limit: no IRR, no crash"),
]


@pytest.mark.parametrize(("net", "expected"), IRR_CASES)
def test_internal_rate_of_return(net, expected):
    found = internal_rate_of_return(net)
    assert found == (None if expected is None else pytest.approx(expected, abs=1e-4))
