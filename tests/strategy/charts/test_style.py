"""The one chart look: type large enough for the room, colours that stay legible."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from strategy.charts import style
from strategy.charts.style import FONT_SIZE, contrast_ratio, projector_layout

STATUS_COLOURS = {"good": style.GOOD, "warn": style.WARN, "bad": style.BAD, "muted": style.MUTED}


def test_contrast_ratio_matches_the_wcag_extremes():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)


@pytest.mark.parametrize("colour", style.PALETTE + list(STATUS_COLOURS.values()))
def test_every_chart_colour_carries_white_labels_and_reads_as_text_on_white(colour: str):
    assert contrast_ratio(colour, "#ffffff") >= 4.5


def test_chart_text_is_at_least_16_px_and_axis_text_at_least_18():
    figure = projector_layout(go.Figure(go.Bar(x=["a"], y=[1])), title="A title")
    assert figure.layout.font.size >= 18 and FONT_SIZE >= 18
    assert figure.layout.legend.font.size >= 16 and figure.layout.hoverlabel.font.size >= 16
    assert figure.layout.title.font.size > FONT_SIZE
