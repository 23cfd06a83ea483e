"""The journey-progress chart on the home page."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from strategy.charts.style import BAD, GOOD, WARN, projector_layout
from strategy.progress import StepProgress


def progress_colour(score: float) -> str:
    return GOOD if score >= 0.99 else WARN if score >= 0.5 else BAD


def progress_chart(steps: Sequence[StepProgress]) -> go.Figure:
    """Horizontal bars, one per step, first step on top."""
    ordered = list(reversed(steps))
    figure = go.Figure(
        go.Bar(
            x=[round(s.score * 100) for s in ordered],
            y=[s.step for s in ordered],
            orientation="h",
            marker_color=[progress_colour(s.score) for s in ordered],
            text=[f"{s.score:.0%}" for s in ordered],
            textposition="outside",
            hovertext=[s.evidence for s in ordered],
            hoverinfo="text",
        )
    )
    figure.update_xaxes(range=[0, 112], title="complete (%)", showgrid=True, gridcolor="#e9ecef")
    return projector_layout(figure, height=70 * len(steps) + 80)
