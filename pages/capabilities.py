"""Capabilities: rate each dimension of a lens today and as needed (1-5), see the gaps, and turn a gap
into a roadmap initiative in one step."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from pages._common import actor, attempt, chart, engine, records, show_flash, show_pending_error, workspace
from strategy.capabilities import (
    DEFAULT_LENS,
    LENSES,
    Gap,
    gaps,
    initiative_from_gap,
    initiatives_by_capability,
    rating_edits,
    ratings,
)
from strategy.charts.define import gap_radar
from strategy.records import apply_table_edits, create_record

ERROR = "capabilities_error"
SCALE = "1 = absent · 2 = ad hoc · 3 = defined · 4 = managed · 5 = leading practice"

current = workspace()
ws_id = current.id or 0
capabilities = records("capability", ws_id)


def _rows(lens: str) -> list[Mapping[str, Any]]:
    """One row per dimension of the lens: the stored rating, or the defaults for one not yet rated."""
    stored = {c["dimension"]: c for c in ratings(capabilities, lens)}
    rows = [
        stored.get(d) or {"id": None, "version": 0, "dimension": d, "current": 2, "target": 4, "notes": ""}
        for d in LENSES[lens].dimensions
    ]
    return rows + [c for d, c in stored.items() if d not in LENSES[lens].dimensions]


def _key(lens: str, row: Mapping[str, Any], field: str) -> str:
    # The record's version is in the key: a save refreshes the widgets, a refused save keeps what was typed.
    return f"cap_{lens}_{row['dimension']}_{row['id']}_{row['version']}_{field}"


def _save_ratings(lens: str) -> None:
    s = st.session_state
    submitted = {
        row["dimension"]: {field: s[_key(lens, row, field)] for field in ("current", "target", "notes")}
        for row in _rows(lens)
    }
    edits = rating_edits(capabilities, lens, submitted)
    if edits:
        attempt(
            lambda: apply_table_edits(engine(), "capability", ws_id, edits, actor=actor()),
            f"Saved {len(edits.added) + len(edits.edited)} ratings.",
            ERROR,
        )


def _create_initiative(gap: Gap, lens: str) -> None:
    data = initiative_from_gap(gap, lens)
    attempt(
        lambda: create_record(engine(), "initiative", ws_id, data, actor=actor()),
        f"Initiative '{data['title']}' added to the roadmap as proposed.",
        ERROR,
    )


def _ratings_form(lens: str) -> None:
    with st.form(f"ratings_{lens}", border=True):
        st.caption(SCALE)
        for row in _rows(lens):
            name, today, target, notes = st.columns([3, 2, 2, 4], vertical_alignment="center")
            rated = "" if row["id"] else " · _not rated yet_"
            name.markdown(f"**{row['dimension'].capitalize()}**{rated}")
            name.caption(LENSES[lens].dimensions.get(row["dimension"], ""))
            today.slider("Today", 1, 5, int(row["current"]), key=_key(lens, row, "current"))
            target.slider("Target", 1, 5, int(row["target"]), key=_key(lens, row, "target"))
            notes.text_input("Notes", row["notes"], max_chars=2000, key=_key(lens, row, "notes"))
        st.form_submit_button("Save ratings", type="primary", on_click=_save_ratings, args=(lens,))


def _gap_list(found: list[Gap], lens: str) -> None:
    linked = initiatives_by_capability(records("initiative", ws_id))
    open_gaps = [g for g in found if g.size > 0]
    if not open_gaps:
        st.success("No gaps: every rated dimension is at its target.")
    for gap in open_gaps:
        with st.container(border=True):
            text, action = st.columns([4, 2], vertical_alignment="center")
            text.markdown(f"### {gap.dimension.capitalize()} · {gap.current} → {gap.target} (gap {gap.size})")
            existing = linked.get(gap.capability_id, [])
            if existing:
                text.caption("Already in the roadmap: " + "; ".join(i["title"] for i in existing))
            action.button(
                "Turn into an initiative" if not existing else "Add another initiative",
                key=f"initiative_{gap.capability_id}",
                icon=":material/add_task:",
                on_click=_create_initiative,
                args=(gap, lens),
                width="stretch",
            )


st.title("Capabilities")
st.caption(
    "Rate what the organisation can do today and what the vision needs, outside-in. Culture, people, "
    "process and technology is the default lens; Gartner's eight building blocks give a finer one."
)
show_flash()
show_pending_error(ERROR)
lens = (
    st.radio("Lens", list(LENSES), format_func=lambda k: LENSES[k].label, horizontal=True, key="capability_lens")
    or DEFAULT_LENS
)
found = gaps(capabilities, lens)
form_side, chart_side = st.columns([6, 5])
with form_side:
    _ratings_form(lens)
with chart_side:
    if len(found) >= 3:
        chart(gap_radar(found), key=f"gap_radar_{lens}")
        st.caption("The space between the two shapes is the gap to close.")
    else:
        st.info("Rate at least three dimensions to see the gap chart.")
st.subheader("Gaps, largest first")
_gap_list(found, lens)
