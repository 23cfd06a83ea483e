"""Tracking charts: the lag is shifted, axes run from baseline to target, the weakest conversion stands out."""

from __future__ import annotations

from datetime import date

from strategy.charts.tracking import funnel_chart, lead_lag_chart, status_grid
from strategy.sustain.funnel import funnel_report
from strategy.sustain.tracking import KpiStatus

LEADING = {"id": 1, "name": "Contacted", "unit": "members", "lag_months": 6, "baseline": 0, "target": 4000}
LAGGING = {"id": 2, "name": "Renewal rate", "unit": "%", "baseline": 71, "target": 78}


def test_the_leading_kpi_is_shifted_by_its_lag_and_the_lagging_axis_spans_its_target():
    actuals = {
        1: [{"measured_on": date(2026, 1, 28), "value": 100}],
        2: [{"measured_on": date(2026, 1, 28), "value": 71.2}],
    }
    figure = lead_lag_chart(LEADING, LAGGING, actuals)
    assert str(figure.data[0].x[0]) == "2026-07-28" and str(figure.data[1].x[0]) == "2026-01-28"
    low, high = figure.layout.yaxis2.range
    assert low < 71 and high > 78


def test_the_status_grid_draws_one_tile_per_kpi_coloured_by_status():
    statuses = [
        KpiStatus(1, "Renewal rate", 10, "lagging", "off track", "TRACK-STATUS", "behind"),
        KpiStatus(2, "Contacted", 10, "leading", "on track", "TRACK-STATUS", "ahead"),
    ]
    figure = status_grid(statuses, {10: "Keep members"})
    drawn = {trace.name: len(trace.x) for trace in figure.data}
    assert drawn["off track"] == 1 and drawn["on track"] == 1 and drawn["stale"] == 0


def test_the_weakest_conversion_is_drawn_thickest():
    stages = [
        {"id": 1, "name": "Joined", "position": 1, "kpi_id": 1},
        {"id": 2, "name": "Bought", "position": 2, "kpi_id": 2},
        {"id": 3, "name": "Again", "position": 3, "kpi_id": 3},
    ]
    actuals = [{"kpi_id": k, "measured_on": date(2026, 1, 28), "value": v} for k, v in ((1, 100), (2, 30), (3, 27))]
    figure = funnel_chart(funnel_report(stages, actuals))
    assert figure.data[0].name.endswith("(weakest)") and figure.data[0].line.width > figure.data[1].line.width
