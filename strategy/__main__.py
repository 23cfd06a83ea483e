"""Entry point of `python -m strategy`; each module below adds its commands to the one app, and
`--help` lists them in this order: the workspace commands, then the journey's."""

import importlib

from strategy.cli.app import app

for topic in (
    "workspaces",
    "users",
    "backup",
    "history",
    "discover",
    "check",
    "case",
    "roadmap",
    "health",
    "track",
    "brief",
    "bench",
):
    importlib.import_module(f"strategy.cli.{topic}")

if __name__ == "__main__":
    app()
