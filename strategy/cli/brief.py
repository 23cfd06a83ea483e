"""`python -m strategy brief`: export the strategy brief as PDF, PowerPoint, Word or Markdown, or the
business case as an Excel workbook with live formulas (`--format xlsx`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from strategy.brief.names import FORMAT_KEYS, SECTION_KEYS
from strategy.cli.app import app, open_engine, user_errors, workspace_arg


@app.command()
def brief(
    workspace: Annotated[str, typer.Argument(help="workspace name or id")],
    fmt: Annotated[str, typer.Option("--format", help=f"one of {', '.join(FORMAT_KEYS)}")] = "pdf",
    out: Annotated[Path | None, typer.Option("--out", help="file to write (default: a name from the title)")] = None,
    section: Annotated[
        list[str] | None, typer.Option("--section", help=f"repeat to pick: {', '.join(SECTION_KEYS)}")
    ] = None,
) -> None:
    """Write the strategy brief an executive can forward to the board."""
    from strategy.brief.export import export_brief  # the renderers load only for this command

    engine = open_engine()
    found = workspace_arg(engine, workspace)
    with user_errors():
        made = export_brief(engine, found.id or 0, fmt, sections=section or SECTION_KEYS)
        target = out or Path(made.filename)
        target.write_bytes(made.content)
    typer.echo(f"wrote {target} ({len(made.content) / 1024:.0f} KiB)")
