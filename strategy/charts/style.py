"""One look for every chart: large type that reads from the back of a room."""

from __future__ import annotations

import plotly.graph_objects as go

FONT_SIZE = 18
PALETTE = ["#0b5cad", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#1098ad", "#c2255c", "#495057"]
GOOD, WARN, BAD, MUTED = "#2b8a3e", "#e67700", "#c92a2a", "#868e96"


def projector_layout(figure: go.Figure, *, title: str | None = None, height: int = 480) -> go.Figure:
    figure.update_layout(
        title=dict(text=title, font=dict(size=FONT_SIZE + 6)) if title else None,
        font=dict(size=FONT_SIZE, family="DejaVu Sans, Arial, sans-serif"),
        height=height,
        margin=dict(l=20, r=20, t=70 if title else 20, b=20),
        colorway=PALETTE,
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend=dict(font=dict(size=FONT_SIZE - 2)),
    )
    figure.update_xaxes(automargin=True)
    figure.update_yaxes(automargin=True)
    return figure
