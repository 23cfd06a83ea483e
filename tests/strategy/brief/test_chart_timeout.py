"""Every chart render is bounded: one that cannot finish is reported by name, not waited for."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import pytest

from strategy.brief import images
from strategy.brief.content import Brief, Chart, Section
from strategy.errors import ChartFailed


def brief_with(*charts: Chart) -> Brief:
    return Brief("Brief", "Org", date(2026, 11, 23), 1, (Section("s", "Section", charts),))


def test_a_chart_past_its_time_limit_is_named_and_the_brief_stops(monkeypatch):
    monkeypatch.setattr(images, "chart_timeout_s", lambda: 0.001)
    slow = Chart("Roadmap Gantt", go.Figure(go.Bar(x=[1, 2], y=[3, 4])))
    with pytest.raises(ChartFailed, match=r"the chart 'Roadmap Gantt' could not be drawn within 0.001 s"):
        images.render_charts(brief_with(slow))


def test_charts_within_the_limit_are_drawn():
    chart = Chart("Capacity", go.Figure(go.Bar(x=[1, 2], y=[3, 4])), width=400, height=300)
    drawn = images.render_charts(brief_with(chart))
    assert drawn[id(chart)].startswith(b"\x89PNG")


def test_a_browser_that_cannot_start_is_reported_by_the_chart_it_was_to_draw(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    images._stop()
    chart = Chart("Cash flow by year", go.Figure(go.Bar(x=[1, 2], y=[3, 4])))
    try:
        with pytest.raises(ChartFailed, match=r"the chart 'Cash flow by year' could not be drawn"):
            images.render_charts(brief_with(chart))
    finally:
        images._stop()
