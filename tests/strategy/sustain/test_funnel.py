"""The funnel: conversion between neighbouring stages and the weakest one to improve next."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from strategy.sustain.funnel import funnel_report

STAGES = [
    {"id": 1, "name": "Leads", "position": 1, "kpi_id": 10},
    {"id": 2, "name": "Qualified", "position": 2, "kpi_id": 11},
    {"id": 3, "name": "Won", "position": 3, "kpi_id": 12},
]


def counts(kpi_id, values, year=2026):
    return [{"kpi_id": kpi_id, "measured_on": date(year, m, 28), "value": v} for m, v in enumerate(values, 1)]


def test_conversion_per_month_and_the_weakest_stage():
    actuals = counts(10, [1000, 1000, 800]) + counts(11, [500, 400, 400]) + counts(12, [300, 300, 200])
    report = funnel_report(STAGES, actuals, window=6)
    leads, qualified = report.conversions
    assert leads.by_month == {(2026, 1): 0.5, (2026, 2): 0.4, (2026, 3): 0.5}
    assert round(qualified.recent, 4) == round((0.6 + 0.75 + 0.5) / 3, 4)
    assert report.weakest == leads and report.stages == ("Leads", "Qualified", "Won")


def test_only_the_latest_window_counts_and_the_order_is_by_position():
    actuals = counts(10, [100] * 6) + counts(11, [10, 10, 90, 90, 90, 90]) + counts(12, [50] * 6)
    shuffled = [STAGES[2], STAGES[0], STAGES[1]]
    report = funnel_report(shuffled, actuals, window=2)
    assert report.conversions[0].recent == 0.9 and report.weakest is not None
    assert report.weakest.from_stage == "Qualified"


def test_a_funnel_without_actuals_names_no_weakest_stage():
    assert funnel_report(STAGES, [], window=6).weakest is None


@settings(deadline=None)  # a shared two-core machine: timings vary, the property does not
@given(
    st.lists(st.integers(1, 10_000), min_size=3, max_size=3), st.lists(st.integers(0, 10_000), min_size=3, max_size=3)
)
def test_the_weakest_conversion_is_never_above_another(top, middle):
    actuals = counts(10, top) + counts(11, middle) + counts(12, [m // 2 for m in middle])
    report = funnel_report(STAGES, actuals)
    assert report.weakest is not None
    assert all(report.weakest.recent <= c.recent for c in report.conversions if c.recent is not None)
