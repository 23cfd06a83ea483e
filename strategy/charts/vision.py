"""The vision-coverage chart: for each priority, the needs it answers and the objectives serving it,
so a priority with needs but no objective stands out from across the room."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from strategy.charts.style import BAD, PALETTE, projector_layout
from strategy.discover.vision import PriorityCoverage

LABEL_WIDTH = 38


def _label(cover: PriorityCoverage) -> str:
    title = str(cover.priority["title"])
    short = title if len(title) <= LABEL_WIDTH else title[: LABEL_WIDTH - 1] + "…"
    text = f"{cover.priority['position']}. {short}"
    return text if cover.served else f"<span style='color:{BAD}'><b>{text}</b></span>"


def coverage_chart(covers: Sequence[PriorityCoverage]) -> go.Figure:
    """Grouped horizontal bars, first priority on top; unserved priorities labelled in red."""
    ordered = list(reversed(covers))
    labels = [_label(c) for c in ordered]
    figure = go.Figure(
        [
            go.Bar(
                name="Needs it answers",
                y=labels,
                x=[len(c.needs) for c in ordered],
                orientation="h",
                marker_color=PALETTE[1],
                text=[len(c.needs) for c in ordered],
                textposition="outside",
            ),
            go.Bar(
                name="Objectives serving it",
                y=labels,
                x=[len(c.objectives) for c in ordered],
                orientation="h",
                marker_color=PALETTE[0],
                text=[len(c.objectives) or "none" for c in ordered],
                textposition="outside",
            ),
        ]
    )
    most = max([1, *(max(len(c.needs), len(c.objectives)) for c in covers)])
    figure.update_xaxes(title="count", range=[0, most + 1], dtick=1, gridcolor="#e9ecef")
    figure.update_layout(barmode="group", legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return projector_layout(figure, height=max(300, 110 * len(covers) + 140))
