"""Charts as PNG images through kaleido and Debian's Chromium, one browser kept warm for the process."""

from __future__ import annotations

import atexit
import hashlib
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO

import kaleido
from PIL import Image

from models.settings import get_settings
from strategy.brief.content import Brief, Chart
from strategy.errors import ChartFailed

Progress = Callable[[float, str], None]


_started_with: list[float] = []  # the time limit this process's warm browser was started with, if any


def chart_timeout_s() -> float:
    return get_settings().chart_timeout_s


@contextmanager
def warm_browser() -> Iterator[None]:
    """One browser for every chart of every brief this process makes (a cold start costs ~2 s a chart,
    and starting one per brief ~2 s a brief); it stops when the process ends. Each chart it draws is
    given at most chart_timeout_s seconds."""
    limit = chart_timeout_s()
    if _started_with and _started_with[0] != limit:
        _stop()
    if not _started_with:
        kaleido.start_sync_server(silence_warnings=True, timeout=limit)
        _started_with.append(limit)
    yield


def _stop() -> None:
    """Stop the warm browser; the next brief starts a fresh one (after a failed chart, or a new limit)."""
    if _started_with:
        kaleido.stop_sync_server(silence_warnings=True)
        _started_with.clear()


atexit.register(_stop)


# Drawn charts by what they show: the same figure at the same size is the same PNG, so a brief made
# again, or in another format, from unchanged records draws no chart twice. Bounded: ~30 KB a chart.
_drawn: OrderedDict[str, bytes] = OrderedDict()
DRAWN_KEPT = 128


def forget_drawn() -> None:
    _drawn.clear()


def chart_png(chart: Chart) -> bytes:
    """The chart as PNG bytes (drawn once per figure and size), or ChartFailed naming it (a render
    past the time limit included)."""
    key = hashlib.sha256(f"{chart.width}x{chart.height}:{chart.figure.to_json()}".encode()).hexdigest()
    if key in _drawn:
        _drawn.move_to_end(key)
        return _drawn[key]
    png = _draw(chart)
    _drawn[key] = png
    if len(_drawn) > DRAWN_KEPT:
        _drawn.popitem(last=False)
    return png


def _draw(chart: Chart) -> bytes:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "kopts ignored when using a server"
            png = chart.figure.to_image(format="png", width=chart.width, height=chart.height, scale=1)
    except Exception as exc:
        _stop()  # a render that failed or timed out may leave the browser mid-page
        raise ChartFailed(
            f"the chart '{chart.title}' could not be drawn within {chart_timeout_s():g} s "
            f"({type(exc).__name__}); check its dates and amounts, or leave its section out"
        ) from exc
    return in_palette(png)


def in_palette(png: bytes) -> bytes:
    """The PNG with a 256-colour palette: a chart's few colours and their anti-aliased edges fit in it,
    and the file is a third the size, which every format carries (the Markdown inline, as base64)."""
    image = Image.open(BytesIO(png)).convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def render_charts(brief: Brief, progress: Progress | None = None) -> dict[int, bytes]:
    """PNG bytes of every chart in the brief, keyed by id(chart)."""
    charts = brief.charts()
    images: dict[int, bytes] = {}
    with warm_browser():
        for done, chart in enumerate(charts, start=1):
            images[id(chart)] = chart_png(chart)
            if progress:
                progress(done / max(len(charts), 1), f"chart {done} of {len(charts)}: {chart.title}")
    return images
