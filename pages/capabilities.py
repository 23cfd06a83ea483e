"""Capabilities: rate each dimension of a lens today and as needed (1-5), see the gaps, and turn a gap
into a roadmap initiative in one step."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from strategy.charts.define import gap_radar
from strategy.define.capabilities import (
    DEFAULT_LENS,
    LENSES,
    Gap,
    gap_summary,
    gaps,
    initiative_from_gap,
    initiatives_by_capability,
    rating_edits,
    ratings,
)
from strategy.deliver.initiatives import create_initiative
from strategy.store.records import apply_table_edits
from ui.common import (
    actor,
    at_most,
    attempt,
    chart,
    derived,
    engine,
    plain,
    records,
    show_flash,
    show_pending_error,
    workspace,
)
from ui.edit_forms import open_form, save_form
from ui.health_notes import health_notes
from ui.history import row_history

ERROR = "capabilities_error"
SCALE = "1 = absent · 2 = ad hoc · 3 = defined · 4 = managed · 5 = leading practice"

current = workspace()
ws_id = current.id or 0
capabilities = records("capability", ws_id)


RATING_FIELDS = ("current", "target", "notes")


def _rows(lens: str) -> list[Mapping[str, Any]]:
    """One row per dimension of the lens: the stored rating, or the defaults for one not yet rated."""
    stored = {c["dimension"]: c for c in ratings(capabilities, lens)}
    rows = [
        stored.get(d) or {"id": None, "version": 0, "dimension": d, "current": 2, "target": 4, "notes": ""}
        for d in LENSES[lens].dimensions
    ]
    return rows + [c for d, c in stored.items() if d not in LENSES[lens].dimensions]


def _open(lens: str) -> str:
    """The lens's ratings form, its widgets keyed prefix_dimension|field."""
    rows = _rows(lens)
    values = {f"{r['dimension']}|{f}": r[f] for r in rows for f in RATING_FIELDS}
    version = tuple((r["dimension"], r["id"], r["version"]) for r in rows)
    return open_form(f"ratings_{lens}", values, version)


def _save_ratings(lens: str, prefix: str) -> None:
    def save(changes: dict[str, Any], version: Any) -> None:
        rated = {dimension: (record_id, v) for dimension, record_id, v in version if record_id is not None}
        submitted: dict[str, dict[str, Any]] = {}
        for dimension, _, _ in version:
            if dimension in rated:
                submitted[dimension] = {f: changes[k] for f in RATING_FIELDS if (k := f"{dimension}|{f}") in changes}
            else:  # rated for the first time: store what the form shows
                submitted[dimension] = {f: st.session_state[f"{prefix}_{dimension}|{f}"] for f in RATING_FIELDS}
        apply_table_edits(engine(), "capability", ws_id, rating_edits(lens, rated, submitted), actor=actor())

    first_time = any(row["id"] is None for row in _rows(lens))
    save_form(f"ratings_{lens}", save, "Ratings saved.", ERROR, even_unchanged=first_time)


def _create_initiative(gap: Gap, lens: str) -> None:
    data = initiative_from_gap(gap, lens)
    attempt(
        lambda: create_initiative(engine(), ws_id, data, actor=actor()),
        f"Initiative '{data['title']}' added to the roadmap as proposed.",
        ERROR,
    )


def _ratings_form(lens: str) -> None:
    prefix = _open(lens)
    with st.form(f"ratings_{lens}", border=True):
        st.caption(SCALE)
        for row in _rows(lens):
            dimension = row["dimension"]
            name, today, target, notes = st.columns([3, 2, 2, 4], vertical_alignment="center")
            rated = "" if row["id"] else " · _not rated yet_"
            name.markdown(f"**{dimension.capitalize()}**{rated}")
            name.caption(LENSES[lens].dimensions.get(dimension, ""))
            today.slider("Today", 1, 5, key=f"{prefix}_{dimension}|current")
            target.slider("Target", 1, 5, key=f"{prefix}_{dimension}|target")
            notes.text_input("Notes", validate=at_most(2000), key=f"{prefix}_{dimension}|notes")
        st.form_submit_button("Save ratings", type="primary", on_click=_save_ratings, args=(lens, prefix))


def _gap_list(lens: str) -> None:
    linked = initiatives_by_capability(records("initiative", ws_id))
    summary = gap_summary(capabilities, lens)
    if summary.message and summary.rated and not summary.unrated:
        st.success(summary.message, icon=":material/check_circle:")
    elif summary.message:  # nothing or not everything rated: no verdict on the presets
        st.info(summary.message, icon=":material/tune:")
    for gap in summary.open:
        with st.container(border=True):
            text, action = st.columns([4, 2], vertical_alignment="center")
            text.markdown(f"### {gap.dimension.capitalize()} · {gap.current} → {gap.target} (gap {gap.size})")
            existing = linked.get(gap.capability_id, [])
            if existing:
                text.caption("Already in the roadmap: " + "; ".join(plain(i["title"]) for i in existing))
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
health_notes("HEALTH-CAPABILITY")
lens = (
    st.radio("Lens", list(LENSES), format_func=lambda k: LENSES[k].label, horizontal=True, key="capability_lens")
    or DEFAULT_LENS
)
found = gaps(capabilities, lens)
form_side, chart_side = st.columns([6, 5])
with form_side:
    _ratings_form(lens)
    rated = [{**row, "dimension": row["dimension"].capitalize()} for row in _rows(lens) if row["id"]]
    row_history("capability", rated, "dimension", ERROR)
with chart_side:
    if len(found) >= 3:
        chart(derived(f"capabilities:radar:{lens}", ws_id, lambda: gap_radar(found)), key=f"gap_radar_{lens}")
        st.caption("The space between the two shapes is the gap to close.")
    else:
        st.info("Rate at least three dimensions to see the gap chart.")
st.header("Gaps, largest first")
_gap_list(lens)
