"""Actual adoption per plan month, from active and licensed users or from the adoption rate KPI."""

from __future__ import annotations

from datetime import date

from strategy.sustain.adoption import adoption_actuals

START = date(2026, 1, 1)


def test_active_over_licensed_users_wins_over_the_rate_and_months_count_from_the_plan_start():
    kpis = [
        {"id": 1, "library_key": "licensed_users"},
        {"id": 2, "library_key": "active_users"},
        {"id": 3, "library_key": "adoption_rate"},
    ]
    actuals = [
        {"kpi_id": 1, "measured_on": date(2026, 2, 28), "value": 200},
        {"kpi_id": 2, "measured_on": date(2026, 2, 27), "value": 90},
        {"kpi_id": 3, "measured_on": date(2026, 2, 28), "value": 70},
        {"kpi_id": 1, "measured_on": date(2025, 12, 28), "value": 200},
        {"kpi_id": 2, "measured_on": date(2025, 12, 28), "value": 50},
    ]
    assert adoption_actuals(kpis, actuals, START) == {2: 0.45}
    assert adoption_actuals(kpis[2:], actuals, START) == {2: 0.7}
    assert adoption_actuals([], actuals, START) == {}
