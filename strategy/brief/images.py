"""Charts as PNG images through kaleido and Debian's Chromium, kept warm for one brief."""

from __future__ import annotations

import atexit
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import kaleido

from strategy.brief.content import Brief, Chart

Progress = Callable[[float, str], None]


_warm: list[bool] = []  # whether this process's browser is started


@contextmanager
def warm_browser() -> Iterator[None]:
    """One browser for every chart of every brief this process makes (a cold start costs ~2 s a chart,
    and starting one per brief ~2 s a brief); it stops when the process ends."""
    if not _warm:
        kaleido.start_sync_server(silence_warnings=True)
        atexit.register(kaleido.stop_sync_server, silence_warnings=True)
        _warm.append(True)
    yield


def chart_png(chart: Chart) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "kopts ignored when using a server"
        return chart.figure.to_image(format="png", width=chart.width, height=chart.height, scale=1)


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
