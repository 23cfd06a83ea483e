"""A record's history where it is edited: who, when and what changed, in words, with an Undo for the
newest change. Collapsed it costs nothing: the history is read only while it is open."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from models.labels import DATE_TEXT, value_text
from strategy.deliver.initiatives import whole_set_rules
from strategy.store.history import record_history
from strategy.store.undo import undo_change
from ui.common import actor, attempt, engine, flash, plain, workspace

# The rules over every record of a kind that its own saves apply (no dependency ring, pilot caps).
WHOLE_SET_RULES = {"initiative": whole_set_rules}


def _undo(kind: str, workspace_id: int, event_id: int, error_key: str) -> None:
    said: list[str] = []

    def undo() -> None:
        said.append(undo_change(engine(), workspace_id, event_id, actor=actor(), check=WHOLE_SET_RULES.get(kind)))

    if attempt(undo, "Undone.", error_key):
        flash(said[0])


def history_panel(kind: str, record_id: int, error_key: str, *, label: str = "History") -> None:
    """An expander listing the record's newest changes; the newest has an Undo (refused, in words, if
    the record moved on since)."""
    panel = st.expander(label, icon=":material/history:", key=f"history_{kind}_{record_id}", on_change="rerun")
    if not panel.open:
        return
    with panel:
        entries = record_history(engine(), kind, record_id)
        if not entries:
            st.caption("No recorded changes yet.")
        for number, entry in enumerate(entries):
            when = f"{entry.at:{DATE_TEXT} %H:%M} UTC"
            lines = "  \n".join(plain(line) for line in entry.lines)
            st.markdown(f"**{plain(entry.actor)}** · {when}  \n{lines}")
            if number == 0:
                st.button(
                    "Undo this change",
                    key=f"undo_{kind}_{record_id}_{entry.event_id}",
                    icon=":material/undo:",
                    on_click=_undo,
                    args=(kind, workspace().id or 0, entry.event_id, error_key),
                )


def row_history(kind: str, rows: Sequence[Mapping[str, Any]], title_field: str, error_key: str) -> None:
    """Below a table editor: pick one row to see its history (one record read, not one per row)."""
    if not rows:
        return
    titles = {int(r["id"]): _title(title_field, r[title_field]) for r in rows}
    picked = st.selectbox(
        "History of a row",
        list(titles),
        format_func=titles.__getitem__,
        index=None,
        key=f"history_pick_{kind}",
        placeholder="Pick a row to see who changed what",
    )
    if picked is not None:
        history_panel(kind, picked, error_key, label=f"History of '{plain(titles[picked])}'")


def _title(field: str, value: object) -> str:
    return value if isinstance(value, str) else value_text(field, value)
