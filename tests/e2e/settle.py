"""Waiting for Streamlit to finish the rerun an interaction started, before the next one."""

from __future__ import annotations

from playwright.sync_api import Page

from strategy.cli.browser_probe import IDLE


def settle(page: Page, timeout: float = 30_000) -> None:
    """Give the rerun a moment to start, then wait until it has ended: the script state is 'notRunning'
    and no element is still faded as stale (the benchmark's test of the same; any state but 'running'
    used to pass, a rerun asked for and not yet started among them)."""
    page.wait_for_timeout(300)
    page.wait_for_function(IDLE, timeout=timeout)
