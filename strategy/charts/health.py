"""The health check at a glance: one bar per rule, coloured by its verdict."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from strategy.charts.style import BAD, GOOD, WARN, projector_layout
from strategy.health.runner import WEIGHT, Finding

COLOUR = {"pass": GOOD, "warn": WARN, "fail": BAD}


def health_chart(findings: Sequence[Finding]) -> go.Figure:
    ordered = list(reversed(findings))
    figure = go.Figure(
        go.Bar(
            x=[100 * WEIGHT[f.status] or 4 for f in ordered],
            y=[f.title for f in ordered],
            orientation="h",
            marker_color=[COLOUR[f.status] for f in ordered],
            text=[f.status.upper() for f in ordered],
            textposition="inside",
            insidetextanchor="start",
            hovertext=[f.evidence for f in ordered],
            hoverinfo="text",
        )
    )
    figure.update_xaxes(visible=False, range=[0, 100])
    return projector_layout(figure, height=60 * len(findings) + 60)
