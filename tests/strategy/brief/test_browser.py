"""The warm browser draws charts several at once without reloading its page: its images are byte for
byte those kaleido draws on its own (a fresh page for every figure)."""

from __future__ import annotations

import kaleido
import plotly.graph_objects as go

from strategy.brief.browser import Browser

OPTS = {"format": "png", "width": 400, "height": 300, "scale": 1}


def figures() -> list[go.Figure]:
    """Charts that differ in kind, data and colour: a mix-up between tabs would show."""
    return [
        go.Figure(go.Bar(x=["Pilot", "Wave 2"], y=[3, 5], marker_color="#0b5cad")),
        go.Figure(go.Scatter(x=[1, 2, 3], y=[3, 1, 2], mode="lines+markers", line_color="#c92a2a")),
        go.Figure(go.Pie(labels=["Costs", "Benefits"], values=[40, 60])),
    ]


def drawn_by_kaleido_alone(tmp_path) -> list[bytes]:
    paths = [tmp_path / f"alone-{n}.png" for n in range(len(figures()))]
    specs = [{"fig": fig, "path": path, "opts": OPTS} for fig, path in zip(figures(), paths, strict=True)]
    kaleido.write_fig_from_object_sync(specs, kopts={"mathjax": False}, cancel_on_error=True)
    return [path.read_bytes() for path in paths]


def test_charts_drawn_one_after_another_on_one_page_are_those_kaleido_draws_alone(tmp_path):
    expected = drawn_by_kaleido_alone(tmp_path)
    warm = Browser(timeout=30)
    try:
        drawing = [warm.draw(fig, 400, 300, then=lambda png: png) for fig in figures() * 3]
        assert [future.result(timeout=120) for future in drawing] == expected * 3
    finally:
        warm.close()
