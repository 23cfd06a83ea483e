"""Value against effort: where each initiative sits, and the corner where the quick wins are."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from strategy.charts.style import FONT_SIZE, GOOD, projector_layout
from strategy.deliver.prioritise import QUICK_WIN_VALUE, Prioritised

GRID = "#dee2e6"


def priority_chart(ranked: Sequence[Prioritised], quick_win_effort: float) -> go.Figure:
    """Value against effort: every initiative marked with its rank; quick wins in the shaded corner."""
    scored = [p for p in ranked if p.value is not None]
    efforts = [float(p.initiative["effort"]) for p in scored]
    right = max([quick_win_effort * 2, *efforts, 1.0]) * 1.1
    figure = go.Figure()
    figure.add_shape(
        type="rect",
        x0=0,
        x1=quick_win_effort,
        y0=QUICK_WIN_VALUE,
        y1=5.4,
        line_width=0,
        fillcolor="rgba(43,138,62,0.14)",
        layer="below",
    )
    figure.add_annotation(
        x=0,
        y=5.4,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        text="Quick wins",
        font=dict(size=FONT_SIZE + 2, color=GOOD),
    )
    figure.add_scatter(
        x=efforts,
        y=[p.value for p in scored],
        mode="markers+text",
        text=[str(p.rank) for p in scored],
        textfont=dict(color="white", size=FONT_SIZE - 2),
        marker=dict(
            size=38, color=[GOOD if p.quick_win else "#0b5cad" for p in scored], line=dict(color="white", width=2)
        ),
        hovertext=[f"#{p.rank} {p.initiative['title']} — score {p.score:.1f}" for p in scored],
        hoverinfo="text",
    )
    figure.update_xaxes(title="effort (person-weeks)", range=[0, right], gridcolor=GRID)
    figure.update_yaxes(title="value (1-5)", range=[0.5, 5.5], dtick=1, gridcolor=GRID)
    figure.update_layout(showlegend=False)
    return projector_layout(figure, height=480)
