"""The influence/interest grid: every stakeholder placed by their stake, the four quadrants named,
champions, sponsors and people who have left told apart at a glance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from strategy.charts.style import FONT_SIZE, MUTED, projector_layout
from strategy.discover.people import HIGH, QUADRANTS

SPLIT = HIGH - 0.5
STACK_STEP = 0.28
MAX_OFFSET = 0.42  # a stack never leaves its cell
QUADRANT_TINT = {
    "Manage closely": "#fff4e6",
    "Keep satisfied": "#e7f5ff",
    "Keep informed": "#ebfbee",
    "Monitor": "#f8f9fa",
}
GROUPS = (  # (legend name, colour, symbol, who belongs)
    ("Sponsor", "#862e9c", "star", lambda p: p["is_sponsor"]),
    ("Champion", "#0b5cad", "circle", lambda p: p["is_champion"]),
    ("Power user", "#0c7285", "square", lambda p: p["is_power_user"]),
    ("Other stakeholder", "#495057", "circle-open", lambda p: True),
)


def _group(person: Mapping[str, Any]) -> str:
    if not person["active"]:
        return "Left"
    return next(name for name, _, _, belongs in GROUPS if belongs(person))


def _positions(people: Sequence[Mapping[str, Any]]) -> dict[int, tuple[float, float]]:
    """Each person's point; people sharing a cell are stacked (within the cell) so names stay apart."""
    cells: dict[tuple[int, int], list[Mapping[str, Any]]] = {}
    for person in people:
        cells.setdefault((person["interest"], person["influence"]), []).append(person)
    placed: dict[int, tuple[float, float]] = {}
    for (interest, influence), members in cells.items():
        step = min(STACK_STEP, 2 * MAX_OFFSET / max(len(members) - 1, 1))
        start = -(len(members) - 1) * step / 2
        for index, person in enumerate(sorted(members, key=lambda p: p["name"])):
            placed[person["id"]] = (interest - 0.35, influence + start + index * step)
    return placed


def _quadrant_shapes(figure: go.Figure) -> None:
    corners = {
        (True, True): (SPLIT, 5.5, SPLIT, 5.5),
        (True, False): (0.5, SPLIT, SPLIT, 5.5),
        (False, True): (SPLIT, 5.5, 0.5, SPLIT),
        (False, False): (0.5, SPLIT, 0.5, SPLIT),
    }
    for (high_influence, high_interest), name in QUADRANTS.items():
        x0, x1, y0, y1 = corners[(high_influence, high_interest)]
        figure.add_shape(
            type="rect", x0=x0, x1=x1, y0=y0, y1=y1, fillcolor=QUADRANT_TINT[name], line=dict(width=0), layer="below"
        )
        figure.add_annotation(
            x=x1 - 0.05,
            y=y1 - 0.05,
            text=f"<b>{name}</b>",
            showarrow=False,
            xanchor="right",
            yanchor="top",
            font=dict(size=FONT_SIZE + 2, color="#343a40"),
        )


def stakeholder_grid(people: Sequence[Mapping[str, Any]]) -> go.Figure:
    """x = interest, y = influence (1-5); the upper-right quadrant holds those to manage closely."""
    figure = go.Figure()
    _quadrant_shapes(figure)
    placed = _positions(people)
    styles = {name: (colour, symbol) for name, colour, symbol, _ in GROUPS} | {"Left": (MUTED, "x")}
    for name, (colour, symbol) in styles.items():
        members = [p for p in people if _group(p) == name]
        if not members:
            continue
        figure.add_trace(
            go.Scatter(
                name=name,
                x=[placed[p["id"]][0] for p in members],
                y=[placed[p["id"]][1] for p in members],
                mode="markers+text",
                marker=dict(color=colour, symbol=symbol, size=20, line=dict(width=2, color=colour)),
                text=[p["name"] + (" (left)" if not p["active"] else "") for p in members],
                textposition="middle right",
                textfont=dict(size=FONT_SIZE - 2, color=MUTED if name == "Left" else "#212529"),
                hovertext=[f"{p['name']} — {p['role'] or 'no role'}, {p['department']}" for p in members],
                hoverinfo="text",
            )
        )
    axis = dict(range=[0.5, 5.5], tickvals=[1, 2, 3, 4, 5], showgrid=False, zeroline=False)
    figure.update_xaxes(title="interest in the programme", **axis)
    figure.update_yaxes(title="influence over it", **axis)
    figure.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return projector_layout(figure, height=800)
