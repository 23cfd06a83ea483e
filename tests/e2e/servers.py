"""Streamlit servers for the browser tests: the benchmark's own implementation (strategy/cli/live_app.py),
so tests and the benchmark start the app, and launch Chromium, the same way."""

from __future__ import annotations

from strategy.cli.live_app import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    app_env,
    app_on,
    chromium_installed,
    free_port,
    memory_mb,
    running_apps,
    running_servers,
)

__all__ = [
    "CHROMIUM",
    "CHROMIUM_FLAGS",
    "app_env",
    "app_on",
    "chromium_installed",
    "free_port",
    "memory_mb",
    "running_apps",
    "running_servers",
]
