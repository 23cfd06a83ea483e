"""Entry point of `python -m strategy`; each module below adds its commands to the one app."""

from strategy import cli, cli_brief, cli_case, cli_check, cli_discover, cli_health, cli_roadmap  # noqa: F401
from strategy.cli_app import app

if __name__ == "__main__":
    app()
