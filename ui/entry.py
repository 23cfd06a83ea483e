"""Fast entry for a room: focus back on the first field after a save, and a table editor whose
reference columns (e.g. a need's priority) stay whole ids rather than pandas floats."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from models.labels import MISSING
from models.registry import entity
from strategy.store.records import apply_table_edits
from strategy.store.table_edits import diff_table, records_frame
from ui.common import actor, attempt, derived, engine, records, show_pending_error
from ui.history import row_history
from ui.paging import rows_in_view

FOCUS_SCRIPT = """<script>
(() => {{
  /* request {nonce} */
  let tries = 0;
  const focus = () => {{
    const field = document.querySelector({selector});
    if (field) {{ field.focus(); field.setSelectionRange?.(0, field.value.length); }}
    else if (tries++ < 60) {{ setTimeout(focus, 50); }}
  }};
  setTimeout(focus, 80);
}})();
</script>"""


def request_focus(form_key: str) -> None:
    """Call from a save callback: the next run puts the cursor back in the form's first field."""
    count = st.session_state.get(f"_focus_n_{form_key}", 0) + 1
    st.session_state[f"_focus_n_{form_key}"] = count
    st.session_state[f"_focus_{form_key}"] = count


def apply_focus(form_key: str, label: str) -> None:
    """Render after the form: focus the input labelled `label` if a save asked for it."""
    nonce = st.session_state.pop(f"_focus_{form_key}", None)
    if nonce is None:
        return
    selector = json.dumps(f'input[aria-label="{label}"], textarea[aria-label="{label}"]')
    st.html(FOCUS_SCRIPT.format(nonce=nonce, selector=selector), unsafe_allow_javascript=True)


def _whole_ids(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Reference columns as Python ints or None (pandas turns an int column with gaps into floats)."""
    shaped = frame.copy()
    for name in columns:
        if name in shaped:
            shaped[name] = pd.Series(
                [None if pd.isna(v) else int(v) for v in shaped[name]], index=shaped.index, dtype=object
            )
    return shaped


def id_table_editor(
    kind: str,
    workspace_id: int,
    fields: Sequence[str],
    *,
    key: str,
    column_config: Mapping[str, Any],
    id_columns: Sequence[str] = (),
    label: str = "Save table changes",
) -> None:
    """Edit, add and delete rows; saved all or nothing through the services; a refused save keeps the edits."""
    error_key = f"{key}_error"
    show_pending_error(error_key)
    current, view = rows_in_view(records(kind, workspace_id), key)
    editor_key = f"{key}_{workspace_id}{view}"
    frame = derived(
        f"frame:{kind}:{key}{view}:{','.join(fields)}",
        workspace_id,
        lambda: _whole_ids(records_frame(current, fields), id_columns),
    )
    edited = st.data_editor(
        frame,
        key=editor_key,
        num_rows="dynamic",
        width="stretch",
        column_config={"id": None, **column_config},
        hide_index=True,
        placeholder=MISSING,
    )

    def save() -> None:
        edits = diff_table(current, _whole_ids(edited, id_columns), fields)
        if not edits:
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


def open_for_editing(values: Mapping[str, Any], opened_key: str, version: int | None) -> int | None:
    """Fill a form's widgets from the stored values unless the person is already editing them, and
    return the version they opened, so a save after someone else's is refused rather than lost."""
    state = st.session_state
    if opened_key not in state or any(key not in state for key in values):
        state.update(values)
        state[opened_key] = version
    return state[opened_key]


def reopen(keys: Sequence[str], opened_key: str) -> None:
    """Forget what is in a form so the next run loads the stored values again."""
    for key in (*keys, opened_key):
        st.session_state.pop(key, None)
