"""Charts for sustaining the plan: how data decays, and where change requests stand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from models.labels import value_label
from strategy.charts.style import projector_layout
from strategy.sustain.decay import accurate_share

Record = Mapping[str, Any]
STATUS_ORDER = ("submitted", "approved", "wish_list", "rejected", "implemented")
STATUS_COLOURS = {
    "submitted": "#a85200",
    "approved": "#237032",
    "wish_list": "#0c7285",
    "rejected": "#c92a2a",
    "implemented": "#495057",
}


def decay_chart(datasets: Sequence[Record], years: int = 5) -> go.Figure:
    """Share of each dataset still accurate, year by year, if nobody cleans it."""
    figure = go.Figure()
    for dataset in datasets:
        shares = [accurate_share(dataset["annual_decay_rate"], t) * 100 for t in range(years + 1)]
        figure.add_trace(
            go.Scatter(
                x=list(range(years + 1)), y=shares, mode="lines+markers", name=dataset["name"], line=dict(width=4)
            )
        )
    figure.add_hline(y=50, line_dash="dot", annotation_text="half-life", annotation_position="bottom right")
    figure.update_xaxes(title="years without housekeeping", dtick=1)
    figure.update_yaxes(title="records still accurate (%)", range=[0, 102])
    return projector_layout(figure, height=460)


def change_status_chart(changes: Sequence[Record]) -> go.Figure:
    counts = Counter(change["status"] for change in changes)
    statuses = [s for s in STATUS_ORDER if counts[s]]
    figure = go.Figure(
        go.Bar(
            x=[value_label(s) for s in statuses],
            y=[counts[s] for s in statuses],
            marker_color=[STATUS_COLOURS[s] for s in statuses],
            text=[counts[s] for s in statuses],
            textposition="outside",
        )
    )
    figure.update_yaxes(title="change requests", dtick=1)
    return projector_layout(figure, height=380)
