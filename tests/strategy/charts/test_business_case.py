"""The business case's charts show the stored figures, legibly, and survive empty cases."""

from __future__ import annotations

import pytest

from strategy.charts.business_case import (
    cash_flow_chart,
    initiative_value_chart,
    npv_histogram,
    scenario_chart,
    tornado_chart,
    waterfall_chart,
)
from strategy.charts.style import FONT_SIZE
from strategy.plan.business_case import evaluate_case, value_by_category
from strategy.plan.montecarlo import npv_distribution, tornado
from strategy.plan.scenarios import compare_scenarios
from tests.factories_case import SETTINGS_3Y, benefit_line, cost_line

COSTS = [
    cost_line(100_000, name="Licences", low=90_000, high=130_000),
    cost_line(20_000, name="Team", category="internal_staff", recurrence="recurring", start_year=1),
]
BENEFITS = [benefit_line(150_000, name="Quotes", low=100_000, high=200_000)]
FIGURES = evaluate_case(SETTINGS_3Y, COSTS, BENEFITS)


def test_cash_flow_chart_shows_benefits_up_costs_down_and_the_cumulative_line():
    figure = cash_flow_chart(FIGURES, "EUR")
    benefits, costs, cumulative = figure.data
    assert list(benefits.y) == [row.benefits for row in FIGURES.table]
    assert list(costs.y) == [-row.costs for row in FIGURES.table]
    assert list(cumulative.y) == [row.cumulative_net for row in FIGURES.table]
    assert [a.text for a in figure.layout.annotations][-1] == "€" + f"{FIGURES.table[-1].cumulative_net / 1000:.0f}k"
    assert figure.layout.font.size == FONT_SIZE


def test_waterfall_runs_from_each_cost_category_through_benefits_to_npv():
    figure = waterfall_chart(value_by_category(SETTINGS_3Y, COSTS, BENEFITS), FIGURES.npv, "EUR")
    (waterfall,) = figure.data
    assert list(waterfall.measure) == ["relative", "relative", "relative", "total"]
    assert sum(waterfall.x[:-1]) == pytest.approx(FIGURES.npv) and waterfall.x[-1] == FIGURES.npv
    assert list(waterfall.y) == ["− Licences", "− Internal staff", "+ Productivity", "NPV"]


def test_histogram_bars_are_shares_of_runs_red_below_zero():
    result = npv_distribution(SETTINGS_3Y, COSTS, BENEFITS, seed=3)
    (bars,) = npv_histogram(result, "EUR").data
    assert sum(bars.y) == pytest.approx(100)
    assert all((colour == "#c92a2a") == (centre <= 0) for colour, centre in zip(bars.marker.color, bars.x, strict=True))


def test_tornado_bars_span_from_low_to_high_around_the_base_npv():
    bars = tornado(SETTINGS_3Y, COSTS, BENEFITS)
    at_low, at_high = tornado_chart(bars, FIGURES.npv, "EUR").data
    assert at_low.base == FIGURES.npv
    top = len(bars) - 1  # widest bar is drawn last, on top
    assert FIGURES.npv + at_high.x[top] == pytest.approx(bars[0].npv_at_high)
    assert at_low.y[top] == "Quotes (benefit)"


def test_scenario_chart_groups_benefits_costs_and_npv_per_scenario():
    outcomes = compare_scenarios(SETTINGS_3Y, COSTS, BENEFITS, [{"name": "Ambitious", "benefit_factor": 1.2}])
    benefits, costs, npv = scenario_chart(outcomes, "EUR").data
    assert list(benefits.y) == [o.figures.pv_benefits for o in outcomes]
    assert list(costs.y) == [o.figures.pv_costs for o in outcomes]
    assert list(npv.x) == ["Base case (workspace settings)", "Ambitious"]
    assert list(npv.y) == [o.figures.npv for o in outcomes]


def test_initiative_chart_ranks_by_npv_and_labels_each_one():
    figure = initiative_value_chart([("Pilot", 100.0, 300.0), ("Win-back", 500.0, 50.0)], "GBP")
    assert list(figure.data[0].y) == ["Pilot", "Win-back"]  # best NPV drawn last = on top
    assert [a.text for a in figure.layout.annotations] == ["NPV −£200", "NPV £450"]


def test_charts_of_an_empty_case_still_draw():
    empty = evaluate_case(SETTINGS_3Y, [], [])
    assert len(cash_flow_chart(empty, "EUR").data[0].y) == 4
    assert list(waterfall_chart([], 0.0, "EUR").data[0].y) == ["NPV"]
    assert tornado_chart([], 0.0, "EUR").data[0].y == ()
