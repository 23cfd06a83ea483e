"""The initiatives table editor: every field, objectives and dependencies as pick lists, saved all
or nothing through the initiative service (which refuses a dependency cycle or an overfull pilot)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from models.labels import DATE_COLUMN, MISSING
from strategy.deliver.initiatives import save_initiative_table
from strategy.deliver.roadmap import STATUS_LABELS
from strategy.store.table_edits import diff_table, records_frame
from ui.common import actor, attempt, derived, engine, show_pending_error
from ui.paging import rows_in_view

FIELDS = [
    "title",
    "status",
    "wave",
    "effort",
    "duration_weeks",
    "earliest_start",
    "pinned_start",
    "value_score",
    "owner_id",
    "capability_id",
    "objective_ids",
    "depends_on_ids",
    "description",
]
ID_COLUMNS = ("owner_id", "capability_id")
LIST_COLUMNS = ("objective_ids", "depends_on_ids")


def editor_frame(current: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Records as the grid shows them: reference ids whole, link lists as lists of id strings
    (the multiselect column works on strings)."""
    frame = records_frame(current, FIELDS)
    for name in ID_COLUMNS:
        frame[name] = pd.Series([None if pd.isna(v) else int(v) for v in frame[name]], index=frame.index, dtype=object)
    for name in LIST_COLUMNS:
        frame[name] = pd.Series([[str(v) for v in ids] for ids in frame[name]], index=frame.index, dtype=object)
    return frame


def from_editor(frame: pd.DataFrame) -> pd.DataFrame:
    """The grid back as record values: ids as ints or None, link lists as sorted lists of ints."""
    shaped = frame.copy()
    for name in ID_COLUMNS:
        shaped[name] = pd.Series(
            [None if pd.isna(v) else int(v) for v in shaped[name]], index=shaped.index, dtype=object
        )
    for name in LIST_COLUMNS:
        shaped[name] = pd.Series(
            [sorted(int(v) for v in (ids if ids is not None and not _missing(ids) else [])) for ids in shaped[name]],
            index=shaped.index,
            dtype=object,
        )
    return shaped


def _missing(value: Any) -> bool:
    return isinstance(value, float) and pd.isna(value)


def _label(options: Mapping[Any, str]) -> Callable[[Any], str]:
    return lambda value: options.get(value, str(value))


def _columns(related: Mapping[str, Mapping[int, str]], initiatives: Mapping[int, str]) -> dict[str, Any]:
    cc = st.column_config
    pick = {str(k): v for k, v in initiatives.items()}
    objectives = {str(k): v for k, v in related["objective"].items()}
    return {
        "title": cc.TextColumn("Initiative", required=True, max_chars=120, width="large"),
        "status": cc.SelectboxColumn(
            "Status", options=list(STATUS_LABELS), default="proposed", required=True, format_func=_label(STATUS_LABELS)
        ),
        "wave": cc.NumberColumn("Wave", min_value=1, max_value=20, step=1),
        "effort": cc.NumberColumn("Effort (person-weeks)", min_value=0, max_value=10_000, default=4.0),
        "duration_weeks": cc.NumberColumn("Weeks", min_value=1, max_value=260, step=1, default=6),
        "earliest_start": cc.DateColumn("Earliest start", format=DATE_COLUMN),
        "pinned_start": cc.DateColumn("Pinned start", format=DATE_COLUMN),
        "value_score": cc.NumberColumn("Value (1-5)", min_value=1, max_value=5, step=1),
        "owner_id": cc.SelectboxColumn(
            "Owner", options=list(related["stakeholder"]), format_func=_label(related["stakeholder"])
        ),
        "capability_id": cc.SelectboxColumn(
            "Capability", options=list(related["capability"]), format_func=_label(related["capability"])
        ),
        "objective_ids": cc.MultiselectColumn("Objectives", options=list(objectives), format_func=_label(objectives)),
        "depends_on_ids": cc.MultiselectColumn("Waits for", options=list(pick), format_func=_label(pick)),
        "description": cc.TextColumn("Description", max_chars=2000),
    }


def initiative_table(
    workspace_id: int, current: Sequence[Mapping[str, Any]], related: Mapping[str, Mapping[int, str]]
) -> None:
    """Edit, add and delete initiatives; nothing is written until Save, and a refused save keeps the edits.
    A long table shows a page at a time (ui.paging); every initiative stays a choice under "Waits for"."""
    error_key = "initiative_table_error"
    show_pending_error(error_key)
    columns = derived(
        "initiative_table:columns", workspace_id, lambda: _columns(related, {i["id"]: i["title"] for i in current})
    )
    current, view = rows_in_view(current, "initiative_table")
    editor_key = f"initiative_table_{workspace_id}{view}"
    edited = st.data_editor(
        derived(f"initiative_table:frame{view}", workspace_id, lambda: editor_frame(current)),
        key=editor_key,
        num_rows="dynamic",
        width="stretch",
        column_config={"id": None, **columns},
        hide_index=True,
        placeholder=MISSING,
    )

    def save() -> None:
        edits = diff_table(current, from_editor(edited), FIELDS)
        if not edits:
            return
        done = attempt(
            lambda: save_initiative_table(engine(), workspace_id, edits, actor=actor()),
            f"Saved {len(edits.added)} new, {len(edits.edited)} changed, {len(edits.deleted)} deleted initiatives.",
            error_key,
        )
        if done:
            st.session_state.pop(editor_key, None)

    st.button("Save table changes", key="initiative_table_save", on_click=save, type="primary")
