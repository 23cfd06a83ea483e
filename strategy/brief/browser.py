"""One Chromium for every chart this process draws: kaleido's renderer kept open on an event loop of its
own, so a brief's charts are drawn (on the second core) while its other sections are built.

kaleido's own sync server draws one figure per call and reloads the tab's page (plotly.js with it) after
every figure: measured here, the reload is ~55 ms of Chromium's CPU a chart against ~5 ms for the drawing.
plotly.js purges each figure it draws, so the page here is never reloaded: the images are byte for byte
the same (tests/strategy/brief/test_browser.py), and the renderer's memory levels off (~263 MB over 16
large briefs, 256 charts) where reloading every 16 or 50 charts grew it to 522 or 426 MB.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import kaleido

TABS = 1  # one tab: drawing is cheap without the reloads, and a second costs ~150 MB for no time saved


class _Kaleido(kaleido.Kaleido):
    """kaleido, without the page reload after every figure."""

    async def _return_kaleido_tab(self, tab: Any) -> None:
        await self.tabs_ready.put(tab)


class Browser:
    """A Chromium with TABS tab(s) on a background event loop. Starting returns at once (the browser opens
    while the caller goes on); draw() returns a Future of the PNG, drawn when a tab is free; each figure
    is given at most `timeout` seconds once its tab starts on it."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="chart-browser", daemon=True)
        self._thread.start()
        self._opened: Future[_Kaleido] = asyncio.run_coroutine_threadsafe(self._open(), self._loop)

    async def _open(self) -> _Kaleido:
        """Chromium opened with its tab(s); no Chromium found, or one that fails to start, is this
        future's error, so each chart drawn reports it by name."""
        opened = _Kaleido(n=TABS, timeout=self.timeout, mathjax=False)  # no MathJax: no fetch from a CDN
        return await opened.__aenter__()  # type: ignore[return-value]

    def wait_open(self, timeout: float) -> None:
        """Return once Chromium and its tab(s) are open (or raise why they could not be)."""
        self._opened.result(timeout=timeout)

    def draw(
        self, figure: Any, width: int, height: int, then: Callable[[bytes], bytes], kind: str = "png"
    ) -> Future[bytes]:
        """The figure as a `kind` image (png or svg) at width x height, passed through `then` off the
        caller's thread."""
        opts = {"format": kind, "width": width, "height": height, "scale": 1}
        return asyncio.run_coroutine_threadsafe(self._draw(figure, opts, then), self._loop)

    async def _draw(self, figure: Any, opts: dict[str, Any], then: Callable[[bytes], bytes]) -> bytes:
        opened = await asyncio.wrap_future(self._opened)
        png = await opened.calc_fig(figure, opts=opts)  # type: ignore[arg-type]
        return await asyncio.to_thread(then, png)

    def close(self, wait_s: float = 10.0) -> None:
        """Close Chromium and stop the loop (a browser that failed to open just stops); a browser that
        will not close cleanly is left to exit with the process."""
        with contextlib.suppress(Exception):
            opened = self._opened.result(timeout=wait_s)
            closing = asyncio.run_coroutine_threadsafe(opened.__aexit__(None, None, None), self._loop)
            closing.result(timeout=wait_s)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=wait_s)
