"""The load the schedule puts on each quarter, against the programme's capacity."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import plotly.graph_objects as go

from strategy.charts.style import BAD, FONT_SIZE, projector_layout
from strategy.deliver.schedule import quarter_label, quarter_of

GRID = "#dee2e6"


def capacity_chart(load: Mapping[int, float], capacity: float, plan_start: date, plan_end: date) -> go.Figure:
    """Person-weeks planned in each quarter of the plan (and any it spills into) against the capacity
    line; a quarter over it is red, so free room shows as well as crowding."""
    touched = [*load, quarter_of(plan_start), quarter_of(plan_end)]
    quarters = list(range(min(touched), max(touched) + 1))
    values = [load.get(q, 0.0) for q in quarters]
    figure = go.Figure()
    figure.add_bar(
        x=[quarter_label(q).replace(" ", "<br>") for q in quarters],
        y=values,
        marker_color=[BAD if v > capacity + 1e-9 else "#0b5cad" for v in values],
        text=[f"{v:.0f}" if v else "" for v in values],
        textposition="outside",
        textfont=dict(size=FONT_SIZE),
        cliponaxis=False,
        name="Planned load",
        hovertemplate="%{x}: %{y:.1f} person-weeks<extra></extra>",
    )
    figure.add_hline(y=capacity, line=dict(color=BAD, width=3, dash="dash"))
    figure.add_annotation(
        x=1,
        xref="paper",
        xanchor="right",
        y=capacity,
        yanchor="bottom",
        showarrow=False,
        text=f"capacity {capacity:g} person-weeks",
        font=dict(size=FONT_SIZE, color=BAD),
    )
    figure.update_yaxes(title="person-weeks", range=[0, max([capacity, *values]) * 1.25], gridcolor=GRID)
    figure.update_layout(showlegend=False)
    return projector_layout(figure, height=440)
