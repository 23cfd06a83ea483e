"""Waiting for Streamlit to finish the rerun an interaction started, before the next one."""

from __future__ import annotations

from playwright.sync_api import Page

IDLE = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  return app !== null && app.getAttribute('data-test-script-state') !== 'running';
}"""


def settle(page: Page, timeout: float = 30_000) -> None:
    """Give the rerun a moment to start, then wait until the script is no longer running."""
    page.wait_for_timeout(300)
    page.wait_for_function(IDLE, timeout=timeout)
