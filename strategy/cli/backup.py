"""`python -m strategy backup` and `restore`: a SQLite file copy or a portable JSON bundle."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from strategy.cli.app import actor, app, open_engine

SQLITE_SUFFIXES = {".db", ".sqlite", ".sqlite3"}


@app.command()
def backup(out: Annotated[Path, typer.Option("--out", help="FILE.json (any database) or FILE.db (SQLite)")]) -> None:
    """Back up every workspace: a .db file is SQLite's online copy (safe while the app runs), a .json
    file the portable bundle any database can restore."""
    from strategy.store.backup import backup_json, backup_sqlite

    engine = open_engine()
    if out.suffix in SQLITE_SUFFIXES:
        backup_sqlite(engine, out)
    else:
        out.write_text(backup_json(engine), encoding="utf-8")
    typer.echo(f"wrote {out}")


@app.command()
def restore(file: Annotated[Path, typer.Argument(help="a backup written by `backup`")]) -> None:
    """Restore a backup: a .db file replaces the SQLite database's content; a .json bundle adds its
    workspaces (refused if a name is taken)."""
    from strategy.store.backup import restore_json, restore_sqlite

    engine = open_engine()
    if file.suffix in SQLITE_SUFFIXES:
        restore_sqlite(engine, file)
        typer.echo(f"restored the database from {file}")
        return
    restored = restore_json(engine, file.read_bytes(), actor=actor())
    typer.echo(f"restored {len(restored)} workspaces: {', '.join(w.name for w in restored)}")
