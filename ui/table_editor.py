"""A table editor over one kind of record: bulk edits saved through the services, all or nothing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from models.labels import COUNTS, DATE_COLUMN, MISSING, SHARES, date_fields, field_label
from models.registry import entity
from strategy.store.records import apply_table_edits
from strategy.store.table_edits import diff_table, records_frame
from ui.common import actor, attempt, derived, engine, records, show_pending_error
from ui.history import row_history
from ui.paging import rows_in_view


def record_table_editor(
    kind: str,
    workspace_id: int,
    fields: Sequence[str],
    *,
    key: str,
    column_config: Mapping[str, Any] | None = None,
    label: str = "Save table changes",
) -> None:
    """Edit, add and delete rows; nothing is written until Save, and a bad row keeps the edits.
    A long table shows a page of rows at a time (ui.paging); a save touches only the rows shown."""
    error_key = f"{key}_error"
    show_pending_error(error_key)
    current, view = rows_in_view(records(kind, workspace_id), key)
    editor_key = f"{key}_{workspace_id}{view}"
    edited = st.data_editor(
        derived(f"frame:{kind}:{key}{view}:{','.join(fields)}", workspace_id, lambda: records_frame(current, fields)),
        key=editor_key,
        num_rows="dynamic",
        width="stretch",
        column_config={"id": None, **labelled_columns(fields, column_config or {})},
        hide_index=True,
        placeholder=MISSING,
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
            st.session_state.pop(editor_key, None)

    st.button(label, key=f"{key}_save", on_click=save, type="primary")
    row_history(kind, current, entity(kind).title_field, error_key)


def labelled_columns(fields: Sequence[str], column_config: Mapping[str, Any]) -> dict[str, Any]:
    """Every column headed by its field's label ('Requested by', not `requested_by`), keeping the
    caller's column settings and any label the caller chose."""
    labelled: dict[str, Any] = {}
    for name in fields:
        config = column_config.get(name)
        if config is None:
            labelled[name] = _default_column(name)
        elif isinstance(config, dict) and not config.get("label"):
            labelled[name] = {**config, "label": field_label(name)}
        else:
            labelled[name] = config
    return {**column_config, **labelled}


def _default_column(name: str) -> Any:
    """A share as a percentage, a count with separators, anything else headed by its label."""
    if name in SHARES:
        return st.column_config.NumberColumn(field_label(name), format="percent", min_value=0.0, max_value=1.0)
    if name in COUNTS:
        return st.column_config.NumberColumn(field_label(name), format="localized", min_value=0)
    if name in date_fields():
        return st.column_config.DateColumn(field_label(name), format=DATE_COLUMN)
    return field_label(name)
