"""The room's dot votes as one bar chart, largest on top, readable from the back of the room."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from strategy.charts.style import FONT_SIZE, PALETTE, projector_layout


def vote_totals_chart(choices: Sequence[tuple[int, str]], totals: Mapping[int, int], *, top: int = 10) -> go.Figure:
    """Votes per choice (the `top` most voted), every bar labelled with its count."""
    ranked = sorted(choices, key=lambda choice: (-totals.get(choice[0], 0), choice[1].casefold()))[:top]
    ranked.reverse()  # plotly draws the first bar at the bottom
    counts = [totals.get(choice_id, 0) for choice_id, _ in ranked]
    figure = go.Figure(
        go.Bar(
            x=counts,
            y=[_literal(title) for _, title in ranked],
            orientation="h",
            marker_color=PALETTE[0],
            text=counts,
            textposition="outside",
            textfont=dict(size=FONT_SIZE + 8),
            hovertext=[html.escape(title) for _, title in ranked],
            cliponaxis=False,
        )
    )
    figure.update_xaxes(visible=False, range=[0, max([*counts, 1]) * 1.2])
    figure.update_yaxes(tickfont=dict(size=FONT_SIZE + 6))
    return projector_layout(figure, height=max(360, 64 * len(ranked) + 60))


def _literal(title: str) -> str:
    """Plotly reads <b>, <br> and entities in text as markup: escape, so the room sees what was typed."""
    return html.escape(title if len(title) <= 48 else title[:47] + "…")
