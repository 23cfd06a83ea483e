"""Entry point of `python -m strategy`; each module below adds its commands to the one app."""

from strategy import cli, cli_brief, cli_health  # noqa: F401
from strategy import cli_case  # noqa: F401
from strategy import cli_check  # noqa: F401
from strategy import cli_discover  # noqa: F401
from strategy import cli_roadmap  # noqa: F401
from strategy.cli_app import app

if __name__ == "__main__":
    app()
