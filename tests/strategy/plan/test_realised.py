"""Realised benefits: the case with actual adoption for the months passed, against a hand-made table."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strategy.plan.business_case import CaseSettings
from strategy.plan.realised import realised_benefits

SETTINGS = CaseSettings(
    horizon_years=3, discount_rate=0.10, benefit_risk=0.0, cost_risk=0.0, adoption_ramp=(0.5, 0.8, 1.0)
)
COSTS = [{"name": "Build", "likely": 100.0, "start_year": 0, "recurrence": "one_off"}]
BENEFITS = [
    {"name": "Renewals", "likely": 120.0, "start_year": 1, "adoption_dependent": True},
    {"name": "Legacy retired", "likely": 12.0, "start_year": 2, "adoption_dependent": False},
]


def test_a_year_at_half_the_planned_adoption_against_the_hand_computed_table():
    # Year 1 passed at 25 % adoption instead of 50 %; years 2 and 3 as planned.
    #  year  benefits (forecast)      benefits (plan)       discount
    #   0    0        cost 100        0        cost 100     1
    #   1    120×0.25 = 30            120×0.5 = 60          1.1
    #   2    120×0.8 + 12 = 108       108                   1.21
    #   3    120×1.0 + 12 = 132       132                   1.331
    # forecast NPV = −100 + 30/1.1 + 108/1.21 + 132/1.331 = 27.2727 + 89.2562 + 99.1736 − 100 = 115.7025
    # approved NPV = −100 + 60/1.1 + 108/1.21 + 132/1.331 = 54.5455 + 89.2562 + 99.1736 − 100 = 142.9752
    found = realised_benefits(SETTINGS, COSTS, BENEFITS, {m: 0.25 for m in range(1, 13)}, passed=12)
    assert found.forecast_npv == pytest.approx(115.7025, abs=1e-3)
    assert found.approved_npv == pytest.approx(142.9752, abs=1e-3)
    assert (found.realised_to_date, found.planned_to_date) == (pytest.approx(30.0), pytest.approx(60.0))
    assert [line.behind for line in found.lines] == [True, False]


def test_a_passed_month_without_an_actual_carries_the_latest_one_forward():
    found = realised_benefits(SETTINGS, COSTS, BENEFITS, {1: 0.2, 4: 0.3}, passed=6)
    assert found.monthly_adoption[:7] == (0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.5)
    assert found.yearly_adoption[0] == pytest.approx((0.6 + 0.9 + 0.5 * 6) / 12)


@settings(deadline=None)  # a shared two-core machine: timings vary, the property does not
@given(passed=st.integers(0, 36), risk=st.floats(0, 0.5), rate=st.floats(0, 0.3))
def test_actual_adoption_on_the_ramp_realises_exactly_the_plan(passed, risk, rate):
    settings = CaseSettings(3, rate, risk, 0.05, (0.4, 0.65, 0.8))
    on_plan = {m: settings.adoption_ramp[(m - 1) // 12] for m in range(1, 37)}
    found = realised_benefits(settings, COSTS, BENEFITS, on_plan, passed)
    assert found.forecast_npv == pytest.approx(found.approved_npv, rel=1e-9, abs=1e-9)
    assert found.realised_to_date == pytest.approx(found.planned_to_date, rel=1e-9, abs=1e-9)
    assert not any(line.behind for line in found.lines)
