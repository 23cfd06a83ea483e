"""The foundation commands: init, list, import, export, schema."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from models.labels import day_text
from models.settings import LOCAL_ONLY, get_settings, is_local_address
from strategy.cli.app import BAD_INPUT, actor, app, emit_json, open_engine, user_errors, workspace_arg
from strategy.store.database import ensure_database
from strategy.store.workspaces import list_workspaces


@app.command()
def init() -> None:
    """Create or upgrade the database; load the sample strategy into an empty one."""
    address = os.environ.get("STREAMLIT_SERVER_ADDRESS")
    if address is not None and get_settings().accounts == "off" and not is_local_address(address):
        typer.echo(f"error: STREAMLIT_SERVER_ADDRESS is {address!r}, but {LOCAL_ONLY}", err=True)
        raise typer.Exit(BAD_INPUT)
    engine, loaded = ensure_database()
    if loaded is not None:
        typer.echo(f"loaded the sample strategy as workspace {loaded.id}: {loaded.name}")
    typer.echo(f"database ready: {engine.url.render_as_string(hide_password=True)}")


@app.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="print id and name of each workspace as JSON")] = False,
    archived: Annotated[bool, typer.Option("--archived", help="include archived workspaces")] = False,
) -> None:
    """List the workspaces."""
    found = list_workspaces(open_engine(), include_archived=archived)
    if as_json:
        emit_json([{"id": w.id, "name": w.name} for w in found])
        return
    for workspace in found:
        state = " (archived)" if workspace.archived else ""
        plan = f"{day_text(workspace.plan_start)} + {workspace.horizon_years} years"
        typer.echo(f"{workspace.id}\t{workspace.name}{state}\t{plan}")


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="a workspace JSON file (see `schema`)")],
    name: Annotated[str | None, typer.Option(help="import under this name instead of the one in the file")] = None,
) -> None:
    """Import a workspace; prints the new workspace's id. Nothing is written if anything is wrong."""
    from strategy.store.interchange import import_document, parse_document  # the format loads only when used

    engine = open_engine()
    with user_errors():
        document = parse_document(file.read_bytes())
        workspace = import_document(engine, document, actor=actor(), name=name)
    typer.echo(workspace.id)


@app.command()
def export(
    workspace: Annotated[str, typer.Argument(help="workspace name or id")],
    out: Annotated[Path, typer.Option("--out", help="where to write the JSON file")],
) -> None:
    """Export a workspace to a JSON file in the import format."""
    from strategy.store.interchange import export_json

    engine = open_engine()
    found = workspace_arg(engine, workspace)
    with user_errors():
        out.write_text(export_json(engine, found.id or 0, actor=actor()), encoding="utf-8")
    typer.echo(f"wrote {out}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the import/export format."""
    from strategy.store.interchange_format import WorkspaceDocument

    typer.echo(json.dumps(WorkspaceDocument.model_json_schema(), indent=2))
