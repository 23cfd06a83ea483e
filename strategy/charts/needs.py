"""The needs chart: every need placed by its score on its department's row, pains and opportunities
told apart by colour and shape, each marked with its rank so the room can find it in the list."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from strategy.charts.style import FONT_SIZE, projector_layout
from strategy.discover.needs import KIND_LABELS, MAX_SCORE, RankedNeed, department_totals

KIND_STYLE = {"pain": ("#c92a2a", "circle"), "opportunity": ("#237032", "diamond")}
ROW_HEIGHT = 90
STACK_STEP = 0.22  # vertical offset between needs sharing a department and a score
MAX_OFFSET = 0.4  # never further than this from the department's row


def _offsets(ranked: Sequence[RankedNeed]) -> dict[int, float]:
    """Spread needs with the same department and score apart so none hides another, staying in their row."""
    spots: dict[tuple[str, int], list[int]] = {}
    for item in ranked:
        spots.setdefault((str(item.need["department"]), round(item.score)), []).append(item.rank)
    offsets: dict[int, float] = {}
    for ranks in spots.values():
        step = min(STACK_STEP, 2 * MAX_OFFSET / max(len(ranks) - 1, 1))
        start = -step * (len(ranks) - 1) / 2
        offsets.update({rank: start + index * step for index, rank in enumerate(ranks)})
    return offsets


def needs_chart(ranked: Sequence[RankedNeed]) -> go.Figure:
    """A dot plot: x = score, one row per department (the heaviest on top)."""
    departments = list(department_totals(ranked))
    row = {d: len(departments) - 1 - i for i, d in enumerate(departments)}
    offsets = _offsets(ranked)
    figure = go.Figure()
    for kind, (colour, symbol) in KIND_STYLE.items():
        items = [r for r in ranked if r.need["kind"] == kind]
        figure.add_trace(
            go.Scatter(
                name=KIND_LABELS[kind],
                x=[r.score for r in items],
                y=[row[str(r.need["department"])] + offsets[r.rank] for r in items],
                mode="markers+text",
                marker=dict(color=colour, symbol=symbol, size=34, line=dict(color="white", width=2)),
                text=[str(r.rank) for r in items],
                textfont=dict(color="white", size=FONT_SIZE - 2),
                hovertext=[f"#{r.rank} {r.need['title']} — score {r.score:g}" for r in items],
                hoverinfo="text",
            )
        )
    figure.update_yaxes(
        tickvals=list(row.values()),
        ticktext=list(row),
        range=[-0.7, max(len(departments) - 0.3, 0.7)],
        showgrid=True,
        gridcolor="#dee2e6",
        zeroline=False,
    )
    figure.update_xaxes(title="score (higher = more pressing)", range=[0, MAX_SCORE + 1], gridcolor="#e9ecef")
    figure.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return projector_layout(figure, height=max(320, ROW_HEIGHT * len(departments) + 160))
