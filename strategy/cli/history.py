"""`python -m strategy purge-bin`: empty the recycle bin of records deleted long enough ago."""

from __future__ import annotations

from typing import Annotated

import typer

from strategy.cli.app import app, open_engine
from strategy.errors import FieldError, InvalidInput


@app.command("purge-bin")
def purge_bin(
    days: Annotated[
        int | None,
        typer.Option("--days", help="purge records deleted more than this many days ago (default: the setting)"),
    ] = None,
) -> None:
    """Delete for good the recycle bin's records older than WORKBENCH_RECYCLE_BIN_DAYS (or --days)."""
    from strategy.store.recycle_bin import purge_bin as purge

    if days is not None and days < 0:
        raise InvalidInput([FieldError("days", "must be 0 or more (the age, in days, of what to purge)")])
    purged = purge(open_engine(), days=days)
    typer.echo(f"purged {purged} deleted record{'' if purged == 1 else 's'} from the recycle bin")
