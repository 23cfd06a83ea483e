"""A table editor over one kind of record: bulk edits saved through the services, all or nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from strategy.store.records import apply_table_edits
from strategy.store.table_edits import diff_table, records_frame
from ui.common import actor, attempt, engine, records, show_pending_error


def record_table_editor(
    kind: str,
    workspace_id: int,
    fields: Sequence[str],
    *,
    key: str,
    column_config: Mapping[str, Any] | None = None,
    label: str = "Save table changes",
) -> None:
    """Edit, add and delete rows; nothing is written until Save, and a bad row keeps the edits."""
    current = records(kind, workspace_id)
    error_key = f"{key}_error"
    show_pending_error(error_key)
    edited = st.data_editor(
        records_frame(current, fields),
        key=f"{key}_{workspace_id}",
        num_rows="dynamic",
        width="stretch",
        column_config={"id": None, **(column_config or {})},
        hide_index=True,
    )

    def save() -> None:
        edits = diff_table(current, edited, fields)
        if not edits:
            st.session_state[error_key] = None
            return
        done = attempt(
            lambda: apply_table_edits(engine(), kind, workspace_id, edits, actor=actor()),
            f"Saved {len(edits.added)} new, {len(edits.edited)} changed, {len(edits.deleted)} deleted.",
            error_key,
        )
        if done:
            st.session_state.pop(f"{key}_{workspace_id}", None)

    st.button(label, key=f"{key}_save", on_click=save, type="primary")
