"""Quick changes from the roadmap itself, so the room sees the Gantt move: add or remove a
dependency, pin or unpin a start. Each goes through the initiative service."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import streamlit as st

from models.labels import DATE_INPUT, DATE_TEXT
from strategy.deliver.initiatives import add_dependency, update_initiative
from ui.common import actor, attempt, engine

ERROR = "roadmap_error"
Record = Mapping[str, Any]


def _title(by_id: Mapping[int, Record]) -> Any:
    return lambda i: by_id[i]["title"] if i in by_id else "—"


def _add_dependency(workspace_id: int, by_id: Mapping[int, Record]) -> None:
    s = st.session_state
    waiting, first = s.rm_dep_from, s.rm_dep_to
    if waiting is None or first is None:
        return
    attempt(
        lambda: add_dependency(
            engine(), workspace_id, waiting, first, expected_version=by_id[waiting]["version"], actor=actor()
        ),
        f"'{by_id[waiting]['title']}' now waits for '{by_id[first]['title']}'.",
        ERROR,
    )


def _remove_dependency(workspace_id: int, by_id: Mapping[int, Record]) -> None:
    pair = st.session_state.rm_dep_remove
    if pair is None:
        return
    waiting, first = pair
    record = by_id[waiting]
    kept = [d for d in record["depends_on_ids"] if d != first]
    attempt(
        lambda: update_initiative(
            engine(), workspace_id, waiting, {"depends_on_ids": kept}, expected_version=record["version"], actor=actor()
        ),
        f"'{record['title']}' no longer waits for '{by_id[first]['title']}'.",
        ERROR,
    )


def _pin(workspace_id: int, by_id: Mapping[int, Record], day: date | None) -> None:
    chosen = st.session_state.rm_pin_which
    if chosen is None:
        return
    record = by_id[chosen]
    message = f"'{record['title']}' pinned to start on {day:{DATE_TEXT}}." if day else f"'{record['title']}' unpinned."
    attempt(
        lambda: update_initiative(
            engine(), workspace_id, chosen, {"pinned_start": day}, expected_version=record["version"], actor=actor()
        ),
        message,
        ERROR,
    )


def dependency_forms(workspace_id: int, initiatives: Sequence[Record], shown: Sequence[Record] | None = None) -> None:
    """Add a dependency (refused by name if it closes a ring) or remove one. With `shown` (the wave the
    Gantt shows), the initiative that waits is picked from those: four lists of 1,000 titles, sent on
    every click, were a third of the page's cost at a large programme's size."""
    by_id = {i["id"]: i for i in initiatives}
    waiting = {i["id"]: i for i in shown} if shown is not None else by_id
    pairs = [(i["id"], d) for i in waiting.values() for d in i["depends_on_ids"] if d in by_id]
    add, remove = st.columns(2, gap="large")
    with add, st.form("rm_add_dependency", border=True):
        st.markdown("**Add a dependency**")
        st.selectbox(
            "Initiative",
            list(waiting),
            index=None,
            format_func=_title(by_id),
            key="rm_dep_from",
            placeholder="Pick the initiative that waits",
        )
        st.selectbox(
            "waits for",
            list(by_id),
            index=None,
            format_func=_title(by_id),
            key="rm_dep_to",
            placeholder="Pick what must end first",
        )
        st.form_submit_button("Add dependency", type="primary", on_click=_add_dependency, args=(workspace_id, by_id))
    with remove, st.form("rm_remove_dependency", border=True):
        st.markdown("**Remove a dependency**")
        st.selectbox(
            "Dependency",
            pairs,
            index=None,
            format_func=lambda p: f"{by_id[p[0]]['title']} waits for {by_id[p[1]]['title']}",
            key="rm_dep_remove",
            placeholder="Pick a dependency",
        )
        st.form_submit_button("Remove dependency", on_click=_remove_dependency, args=(workspace_id, by_id))


def pin_form(workspace_id: int, initiatives: Sequence[Record]) -> None:
    """Pin an initiative's start by hand, or let the scheduler place it again (pass those the Gantt shows)."""
    by_id = {i["id"]: i for i in initiatives}
    with st.form("rm_pin", border=True):
        st.markdown("**Pin a start by hand** — the scheduler keeps it and plans the rest around it")
        which, day = st.columns(2)
        which.selectbox(
            "Initiative",
            list(by_id),
            index=None,
            format_func=_title(by_id),
            key="rm_pin_which",
            placeholder="Pick an initiative",
        )
        day.date_input("Start on", key="rm_pin_day", format=DATE_INPUT)
        pin, unpin = st.columns(2)
        pin.form_submit_button(
            "Pin start", on_click=lambda: _pin(workspace_id, by_id, st.session_state.rm_pin_day), width="stretch"
        )
        unpin.form_submit_button("Remove pin", on_click=lambda: _pin(workspace_id, by_id, None), width="stretch")
