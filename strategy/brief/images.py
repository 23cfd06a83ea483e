"""Charts as PNG images through kaleido and Debian's Chromium: one browser kept warm for the process,
started before the brief's records are read, drawing each section's charts while the next sections are
built (export.py)."""

from __future__ import annotations

import atexit
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from io import BytesIO

from PIL import Image

from models.settings import get_settings
from strategy.brief.browser import Browser
from strategy.brief.content import Brief, Chart
from strategy.errors import ChartFailed

Progress = Callable[[float, str], None]
START_S = 60.0  # time allowed for Chromium to open, on top of each chart's own limit

_lock = threading.Lock()
_browser: list[Browser] = []  # this process's warm browser, if started


def chart_timeout_s() -> float:
    return get_settings().chart_timeout_s


def warm_up() -> Browser:
    """The process's browser, started now if it is not running (or was started with another time
    limit); it opens in the background, so a caller goes on building while Chromium starts."""
    limit = chart_timeout_s()
    with _lock:
        if _browser and _browser[0].timeout != limit:
            _browser.pop().close()
        if not _browser:
            _browser.append(Browser(timeout=limit))
        return _browser[0]


def _stop() -> None:
    """Stop the warm browser; the next brief starts a fresh one (after a failed chart, or at exit)."""
    with _lock:
        if _browser:
            _browser.pop().close()


atexit.register(_stop)


# Drawn charts by what they show: the same figure at the same size is the same PNG, so a brief made
# again, or in another format, from unchanged records draws no chart twice. Bounded: ~30 KB a chart.
_drawn: OrderedDict[str, bytes] = OrderedDict()
DRAWN_KEPT = 128


def forget_drawn() -> None:
    with _lock:
        _drawn.clear()


def chart_key(chart: Chart, kind: str = "png") -> str:
    return hashlib.sha256(f"{kind}:{chart.width}x{chart.height}:{chart.figure.to_json()}".encode()).hexdigest()


def _remember(key: str, png: bytes) -> None:
    with _lock:
        _drawn[key] = png
        if len(_drawn) > DRAWN_KEPT:
            _drawn.popitem(last=False)


def _already_drawn(key: str) -> bytes | None:
    with _lock:
        if key in _drawn:
            _drawn.move_to_end(key)
            return _drawn[key]
    return None


def in_palette(png: bytes) -> bytes:
    """The PNG with a 256-colour palette: a chart's few colours and their anti-aliased edges fit in it,
    and the file is a third the size, which every format carries (the Markdown inline, as base64). The
    fast octree keeps flat colours exactly and takes ~7 ms a chart (median cut with optimize: ~40 ms)."""
    image = Image.open(BytesIO(png)).convert("RGB")
    quantized = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = BytesIO()
    quantized.save(out, format="PNG")
    return out.getvalue()


def as_drawn(image: bytes) -> bytes:
    return image


# What each kind of image goes through once drawn: a PNG into its palette, an SVG as plotly.js wrote it.
FINISH: dict[str, Callable[[bytes], bytes]] = {"png": in_palette, "svg": as_drawn}


def _start_drawing(chart: Chart, kind: str) -> Future[bytes]:
    """The chart handed to the warm browser; its Future holds the finished image."""
    return warm_up().draw(chart.figure, chart.width, chart.height, then=FINISH[kind], kind=kind)


class Drawing:
    """A brief's charts being drawn as `kind` images (png, or svg where the format shows vector images:
    Chromium draws an SVG in ~60 % of a PNG's time), added as their sections are built, collected when
    the file is written. A chart drawn before (same figure, size and kind) is not drawn again."""

    def __init__(self, kind: str = "png") -> None:
        if kind not in FINISH:
            raise ValueError(f"charts are drawn as {' or '.join(FINISH)}, not {kind!r}")
        self.kind = kind
        self._charts: list[tuple[Chart, str, Future[bytes] | bytes]] = []
        self._started: dict[str, Future[bytes]] = {}

    def add(self, charts: Iterable[Chart]) -> None:
        for chart in charts:
            key = chart_key(chart, self.kind)
            done = _already_drawn(key)
            if done is None and key not in self._started:
                self._started[key] = _start_drawing(chart, self.kind)
            self._charts.append((chart, key, done if done is not None else self._started[key]))

    def collect(self, progress: Progress | None = None) -> dict[int, bytes]:
        """The image of every chart added, keyed by id(chart); ChartFailed names the first that could
        not be drawn within its time limit (and the browser is restarted for the next brief)."""
        deadline = time.monotonic() + START_S + chart_timeout_s() * len(self._started)
        images: dict[int, bytes] = {}
        for done, (chart, key, drawing) in enumerate(self._charts, start=1):
            images[id(chart)] = drawing if isinstance(drawing, bytes) else self._wait(chart, key, drawing, deadline)
            if progress:
                progress(done / len(self._charts), f"chart {done} of {len(self._charts)}: {chart.title}")
        return images

    def _wait(self, chart: Chart, key: str, drawing: Future[bytes], deadline: float) -> bytes:
        try:
            png = drawing.result(timeout=max(0.0, deadline - time.monotonic()))
        except Exception as exc:
            _stop()  # a render that failed or timed out may leave the browser mid-page
            raise ChartFailed(
                f"the chart '{chart.title}' could not be drawn within {chart_timeout_s():g} s "
                f"({type(exc).__name__}); check its dates and amounts, or leave its section out"
            ) from exc
        _remember(key, png)
        return png


def render_charts(brief: Brief, progress: Progress | None = None, kind: str = "png") -> dict[int, bytes]:
    """The image of every chart in the brief, keyed by id(chart)."""
    drawing = Drawing(kind)
    drawing.add(brief.charts())
    return drawing.collect(progress)
