"""Entry point of `python -m strategy`; each module below adds its commands to the one app."""

from strategy.cli import backup, brief, case, check, discover, health, roadmap, workspaces  # noqa: F401
from strategy.cli.app import app

if __name__ == "__main__":
    app()
