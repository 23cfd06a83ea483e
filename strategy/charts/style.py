"""One look for every chart: large type that reads from the back of a room, colours that keep white
labels (and themselves, as text on white) at a contrast of at least 4.5:1."""

from __future__ import annotations

import plotly.graph_objects as go

FONT_SIZE = 20  # tick labels and axis titles; legends 2 px smaller, nothing below 16 px
PALETTE = ["#0b5cad", "#c4420c", "#237032", "#862e9c", "#a85200", "#0c7285", "#c2255c", "#495057"]
GOOD, WARN, BAD, MUTED = "#237032", "#a85200", "#c92a2a", "#5c636a"


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
        hoverlabel=dict(font=dict(size=FONT_SIZE - 2)),
    )
    figure.update_xaxes(automargin=True)
    figure.update_yaxes(automargin=True)
    return figure


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast between two '#rrggbb' colours (1 to 21; text needs 4.5)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
