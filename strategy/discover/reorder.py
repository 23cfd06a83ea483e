"""Move a priority or principle up or down its list, saving every changed position at once."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine

from strategy.discover.vision import Row, moved_positions
from strategy.edits import TableEdits
from strategy.store.records import apply_table_edits


def move_record(
    engine: Engine, kind: str, workspace_id: int, rows: Sequence[Row], record_id: int, step: int, *, actor: str
) -> None:
    """Move a priority or principle up or down the list; every changed position is saved in one go."""
    wanted = moved_positions(rows, record_id, step)
    edits = TableEdits(
        edited={
            r["id"]: (r["version"], {"position": wanted[r["id"]]}) for r in rows if r["position"] != wanted[r["id"]]
        }
    )
    if edits:
        apply_table_edits(engine, kind, workspace_id, edits, actor=actor)
