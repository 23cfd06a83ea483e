"""Turn what a table editor returns into record changes: rows added, cells changed, rows deleted."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

from strategy.edits import TableEdits


def _plain(value: Any) -> Any:
    """Editor cells come back as numpy/pandas scalars and NaN; records hold plain Python values."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date()
    if hasattr(value, "item"):
        return value.item()
    return value


def records_frame(records: Sequence[Mapping[str, Any]], fields: Sequence[str]) -> pd.DataFrame:
    """The records as a frame: an id column (empty on rows a person adds) and the editable fields."""
    columns = ["id", *fields]
    return pd.DataFrame([{name: r[name] for name in columns} for r in records], columns=columns)


def diff_table(records: Sequence[Mapping[str, Any]], edited: pd.DataFrame, fields: Sequence[str]) -> TableEdits:
    """Compare the editor's frame with the records it was built from (new rows have no id)."""
    by_id = {r["id"]: r for r in records}
    edits = TableEdits()
    seen: set[int] = set()
    for _, row in edited.iterrows():
        values = {name: _plain(row[name]) for name in fields if name in row}
        record_id = _plain(row.get("id"))
        if record_id in by_id:
            seen.add(record_id)
            original = by_id[record_id]
            changes = {k: v for k, v in values.items() if not _same(original.get(k), v)}
            if changes:
                edits.edited[record_id] = (original["version"], changes)
        elif any(v not in (None, "") for v in values.values()):
            edits.added.append({k: v for k, v in values.items() if v is not None})
    edits.deleted.update({rid: r["version"] for rid, r in by_id.items() if rid not in seen})
    return edits


def _same(before: Any, after: Any) -> bool:
    if isinstance(before, date) and isinstance(after, str):
        return before.isoformat() == after
    if isinstance(before, int | float) and isinstance(after, int | float) and not isinstance(before, bool):
        return math.isclose(before, after, rel_tol=1e-12, abs_tol=1e-12)
    return bool(before == after)
