"""History & baselines: the recycle bin with restore, named baselines compared as a diff by section,
and the workspace's recent changes in words."""

from __future__ import annotations

from typing import Any

import streamlit as st

from models.labels import DATE_TEXT
from models.registry import entity
from models.settings import get_settings
from strategy.store.baselines import baseline_document, list_baselines, save_baseline
from strategy.store.history import workspace_history
from strategy.store.recycle_bin import list_bin, restore_from_bin
from strategy.sustain.baseline_diff import SectionDiff, compare_documents
from ui.common import actor, at_most, attempt, engine, plain, show_flash, show_pending_error, workspace
from ui.history import WHOLE_SET_RULES

ERROR = "history_error"
NOW = 0  # the "compare with" choice meaning the workspace as it is now

current = workspace()
ws_id = current.id or 0


def _restore(entry_id: int, kind: str, what: str) -> None:
    attempt(
        lambda: restore_from_bin(engine(), ws_id, entry_id, actor=actor(), check=WHOLE_SET_RULES.get(kind)),
        f"{what} restored: it is back where it was, with its links.",
        ERROR,
    )


def _recycle_bin() -> None:
    st.header("Recycle bin")
    days = get_settings().recycle_bin_days
    st.caption(f"Deleted records stay here for {days} days; a restore runs the same checks as a new record.")
    entries = list_bin(engine(), ws_id)
    if not entries:
        st.info("The recycle bin is empty.")
    for entry in entries[:50]:
        what = f"{entity(entry.kind).label} '{entry.title}'"
        text, button = st.columns([5, 1], vertical_alignment="center")
        text.markdown(f"**{plain(what)}** · deleted by {plain(entry.deleted_by)} on {entry.deleted_at:{DATE_TEXT}}")
        button.button("Restore", key=f"restore_{entry.id}", on_click=_restore, args=(entry.id, entry.kind, what))


def _save_baseline() -> None:
    name = st.session_state.get("baseline_name", "")
    if attempt(lambda: save_baseline(engine(), ws_id, name, actor=actor()), f"Baseline '{name.strip()}' saved.", ERROR):
        st.session_state["baseline_name"] = ""


def _show_diff(diff: list[SectionDiff]) -> None:
    if not diff:
        st.success("Nothing moved between these two versions.", icon=":material/check_circle:")
    for section in diff:
        st.subheader(section.section)
        lines = [f"- **Added:** {plain(t)}" for t in section.added]
        lines += [f"- **Removed:** {plain(t)}" for t in section.removed]
        lines += [f"- {plain(line)}" for line in section.changed]
        st.markdown("\n".join(lines))


def _baselines() -> None:
    st.header("Baselines")
    st.caption("A baseline is a named snapshot of the whole strategy, e.g. what the board approved.")
    with st.form("save_baseline", border=True):
        st.text_input(
            "Baseline name", key="baseline_name", validate=at_most(120), placeholder="e.g. Board approved, March"
        )
        st.form_submit_button("Save baseline", type="primary", on_click=_save_baseline)
    saved = list_baselines(engine(), ws_id)
    if not saved:
        st.info("No baselines yet: save one to compare later versions against it.")
        return
    # Who saved a baseline goes under its picker: in the picker it pushed the date out of sight.
    by_id = {b.id or 0: b for b in saved}
    names = {i: f"{b.name} · {b.saved_at:{DATE_TEXT}}" for i, b in by_id.items()}
    older, newer = st.columns(2)
    old = older.selectbox("Compare", list(names), format_func=names.__getitem__, key="baseline_old")
    older.caption(f"Saved by {by_id[old].saved_by}.")
    new = newer.selectbox(
        "with",
        [NOW, *names],
        format_func=lambda i: "Now (the workspace as it is)" if i == NOW else names[i],
        key="baseline_new",
    )
    newer.caption("The records as they are now." if new == NOW else f"Saved by {by_id[new].saved_by}.")
    documents: dict[str, Any] = {
        "old": baseline_document(engine(), ws_id, old),
        "new": baseline_document(engine(), ws_id, None if new == NOW else new),
    }
    _show_diff(compare_documents(documents["old"], documents["new"]))


def _recent_changes() -> None:
    st.header("Recent changes")
    entries = workspace_history(engine(), ws_id, limit=30)
    st.dataframe(
        [
            {
                "When": f"{e.at:{DATE_TEXT} %H:%M}",
                "Who": e.actor,
                "What": e.subject,
                "Change": "; ".join(e.lines),
            }
            for e in entries
        ],
        hide_index=True,
        width="stretch",
    )


st.title("History & baselines")
st.caption("Restore what was deleted, see what moved since a baseline, and who changed what lately.")
show_flash()
show_pending_error(ERROR)
# One section under another, each the page's width: side by side, the baseline names in the two
# pickers were cut at 1280 px and the Restore buttons squeezed.
_recycle_bin()
_baselines()
_recent_changes()
