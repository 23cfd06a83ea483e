"""Roadmap: the prioritised, iterative delivery plan as a live view of the records — a Gantt over
the whole plan, swimlanes, priorities and the pilot, gates between waves, capacity — and the
schedule stored when a person asks for it."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import streamlit as st

from models.labels import DATE_TEXT, MISSING, plural
from strategy.charts.roadmap import VISIBLE_ROWS, gantt_chart, swimlane_chart
from strategy.cycles import DependencyCycle
from strategy.deliver.roadmap import (
    STATUS_LABELS,
    Roadmap,
    RoadmapItem,
    build_roadmap,
    lanes_by_department,
    lanes_by_objective,
)
from strategy.deliver.roadmap_store import store_schedule
from ui.common import (
    actor,
    all_records,
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
from ui.health_notes import health_notes
from ui.layout import phone_only, wide_only
from ui.roadmap_forms import ERROR, dependency_forms, pin_form
from ui.roadmap_tabs import capacity_tab, gates_tab, priorities_tab

COLOUR_BY = {"objective": "Objective", "status": "Status"}
LANES_BY = {"objective": "Objective", "department": "Department"}
MAX_BOXES = 3

current = workspace()
ws_id = current.id or 0
today = date.today()
recs = all_records(ws_id)
initiatives = records("initiative", ws_id)

st.title("Roadmap")
st.caption(
    "Start small, iterate, and let the business lead: the pilot wave first, each next wave once the "
    "previous one has met its targets. Drawn from the stored records on every change."
)
with st.container():
    show_flash()
    show_pending_error(ERROR)
health_notes("HEALTH-PILOT")


def _store() -> None:
    attempt(
        lambda: store_schedule(engine(), ws_id, actor=actor(), today=today),
        "Schedule stored: every initiative's scheduled start and end now match the roadmap.",
        ERROR,
    )


def _headline(roadmap: Roadmap) -> None:
    ends = max((i.end for i in roadmap.items), default=None)
    peak = max(roadmap.schedule.load.values(), default=0.0)
    cols = st.columns(5)
    cols[0].metric("Initiatives scheduled", len(roadmap.items), help=f"{len(roadmap.parked)} parked, out of the plan")
    cols[1].metric("Last work ends", "—" if ends is None else f"{ends:%b %Y}")
    cols[2].metric("On the critical path", len(roadmap.critical_ids))
    cols[3].metric("Objectives at risk", len(roadmap.late), help="Due before the work that serves them ends")
    cols[4].metric("Busiest quarter", f"{peak:.0f} / {roadmap.schedule.capacity:g}", help="person-weeks / capacity")


def _stored_state(roadmap: Roadmap) -> None:
    unsaved = roadmap.unsaved
    if not unsaved:
        st.caption("✓ The stored schedule matches this roadmap.")
        return
    names = ", ".join(f"'{i.initiative['title']}'" for i in unsaved[:3]) + (" …" if len(unsaved) > 3 else "")
    note, button = st.columns([4, 1], vertical_alignment="center")
    if all(i.initiative["scheduled_start"] is None for i in roadmap.items):
        note.info(
            "This schedule has not been stored yet. Storing it gives each initiative its start and end "
            "dates, so the brief, the exports and everyone else use the same dates."
        )
    else:
        note.warning(
            f"The plan changed since the schedule was stored: {plural(len(unsaved), 'initiative')} would "
            f"move ({names}). Store this schedule so the brief and everyone else see the new dates."
        )
    button.button("Store this schedule", type="primary", on_click=_store, width="stretch")


def _schedule_rows(items: list[RoadmapItem]) -> list[dict[str, str]]:
    return [
        {
            "Wave": str(i.initiative["wave"] or "—"),
            "Initiative": i.initiative["title"],
            "Start": f"{i.start:{DATE_TEXT}}",
            "End": f"{i.end:{DATE_TEXT}}",
            "Critical path": "yes" if i.critical else f"slack {i.slack_days // 7} wk",
            "Status": STATUS_LABELS[i.initiative["status"]],
            "Pinned": "pinned" if i.initiative["pinned_start"] else "",
        }
        for i in items
    ]


ALL_WAVES = -1


def _wave_filter(roadmap: Roadmap) -> int:
    """A long plan is drawn a wave at a time (the first by default), so the chart stays quick and readable."""
    if len(roadmap.items) <= VISIBLE_ROWS:
        return ALL_WAVES
    waves = sorted({i.initiative["wave"] or 0 for i in roadmap.items})
    return int(
        st.selectbox(
            "Wave",
            [ALL_WAVES, *waves],
            index=1,
            format_func=lambda w: "All waves" if w == ALL_WAVES else f"Wave {w or '–'}",
            key="roadmap_wave",
        )
    )


def _phone_list(items: list[RoadmapItem]) -> list[tuple[str, str]]:
    """The Gantt for a phone: each wave's initiatives in start order, with their dates."""
    waves = []
    for wave in sorted({i.initiative["wave"] or 0 for i in items}):
        lines = [
            f"- {plain(i.initiative['title'])}: {i.start:{DATE_TEXT}} to {i.end:{DATE_TEXT}}"
            + (" · critical path" if i.critical else "")
            for i in items
            if (i.initiative["wave"] or 0) == wave
        ]
        waves.append((f"**Wave {wave or '–'}**", "\n".join(lines)))
    return waves


def _rows_in_view(items: list[RoadmapItem]) -> tuple[list[RoadmapItem], int]:
    """VISIBLE_ROWS rows at a time, readable from the back of the room; the page picked, the first by default."""
    if len(items) <= VISIBLE_ROWS:
        return items, 0
    pages = -(-len(items) // VISIBLE_ROWS)
    if st.session_state.get("roadmap_rows", 0) >= pages:  # another wave has fewer rows: back to its first
        st.session_state.pop("roadmap_rows", None)
    shown = int(
        st.selectbox(
            "Rows",
            range(pages),
            format_func=lambda n: f"{n * VISIBLE_ROWS + 1}–{min((n + 1) * VISIBLE_ROWS, len(items))} of {len(items)}",
            key="roadmap_rows",
        )
    )
    return items[shown * VISIBLE_ROWS : (shown + 1) * VISIBLE_ROWS], shown


def _gantt_figure(roadmap: Roadmap, items: list[RoadmapItem], colour: str, whole: bool) -> go.Figure:
    """The rows in view; their objectives' due dates (every objective's when the whole plan is drawn)."""
    served = {o for i in items for o in i.initiative["objective_ids"]}
    objectives = recs["objective"] if whole else [o for o in recs["objective"] if o["id"] in served]
    # Part of the plan spans its own dates (and its objectives' due dates), so its bars read at full width.
    dues = [o["due_date"] for o in objectives if o.get("due_date")]
    return gantt_chart(
        items,
        objectives,
        roadmap.late,
        colour_by="status" if colour == "status" else "objective",
        plan_start=roadmap.plan_start if whole else min(i.start for i in items),
        plan_end=roadmap.plan_end if whole else max([*(i.end for i in items), *dues]),
        today=today,
    )


def _gantt_tab(roadmap: Roadmap) -> None:
    left, middle, right = st.columns([2, 1, 1], vertical_alignment="bottom")
    colour = left.radio(
        "Colour by", list(COLOUR_BY), format_func=COLOUR_BY.__getitem__, horizontal=True, key="roadmap_colour"
    )
    with middle:
        wave = _wave_filter(roadmap)
    in_wave = [i for i in roadmap.items if wave == ALL_WAVES or (i.initiative["wave"] or 0) == wave]
    with right:
        items, page = _rows_in_view(in_wave)
    whole = len(items) == len(roadmap.items)
    key = f"gantt:{colour}:{wave}:{page}:{today}"
    figure = derived(key, ws_id, lambda: _gantt_figure(roadmap, items, colour, whole))
    with wide_only("gantt"):
        chart(figure, key="roadmap_gantt")
        if not whole:
            st.caption(
                f"{len(items)} of {len(roadmap.items)} initiatives: pick a wave and rows above. "
                "Below the rows: the due dates of the objectives they serve (drag the chart up)."
            )
        st.caption("Thick outline: the critical path. Diamonds: objective due dates (⚠ when the work ends later).")
    with phone_only("gantt"):
        for heading, lines in derived(f"gantt:phone:{wave}:{page}:{today}", ws_id, lambda: _phone_list(items)):
            st.markdown(heading)
            st.markdown(lines)
    shown = initiatives if wave == ALL_WAVES else [i.initiative for i in in_wave]
    dependency_forms(ws_id, initiatives, shown)
    pin_form(ws_id, shown)
    # The wave the chart shows: the dates are formatted once per data version, not per row on every rerun.
    rows = derived(f"gantt:rows:{wave}:{today}", ws_id, lambda: _schedule_rows(in_wave))
    st.dataframe(rows, hide_index=True, width="stretch", placeholder=MISSING)


def _swimlane_tab(roadmap: Roadmap) -> None:
    by = st.radio("Lanes by", list(LANES_BY), format_func=LANES_BY.__getitem__, horizontal=True, key="roadmap_lanes")

    def figure() -> go.Figure:
        if by == "objective":
            lanes = lanes_by_objective(roadmap.items, recs["objective"])
        else:
            lanes = lanes_by_department(roadmap.items, recs["stakeholder"])
        return swimlane_chart(lanes, plan_start=roadmap.plan_start, plan_end=roadmap.plan_end, today=today)

    chart(derived(f"lanes:{by}:{today}", ws_id, figure), key="roadmap_lanes_chart")


def _issues(issues: tuple[str, ...]) -> None:
    """A few warnings as boxes; many as one box and a table, so the Gantt stays in view."""
    if len(issues) <= MAX_BOXES:
        for issue in issues:
            st.warning(issue, icon=":material/warning:")
        return
    st.warning(f"{len(issues)} scheduling warnings, listed below the chart.", icon=":material/warning:")


try:
    roadmap = derived(f"roadmap:{today}", ws_id, lambda: build_roadmap(current, recs, today))
except DependencyCycle as cycle:
    st.error(f"The roadmap cannot be scheduled: {cycle.errors[0].message}.", icon=":material/error:")
    dependency_forms(ws_id, initiatives)
    st.stop()
if not roadmap.items:
    st.info("No initiatives to schedule yet: add them on the **Initiatives** page.")
    st.stop()
_headline(roadmap)
_stored_state(roadmap)
_issues(roadmap.issues)
# Only the open tab runs (on_change="rerun"): a click costs one tab, not five.
gantt, lanes, priorities, gates, capacity = st.tabs(
    ["Gantt", "Swimlanes", "Priorities and pilot", "Gates and checks", "Capacity and settings"],
    key="roadmap_tabs",
    on_change="rerun",
)
if gantt.open:
    with gantt:
        _gantt_tab(roadmap)
if lanes.open:
    with lanes:
        _swimlane_tab(roadmap)
if priorities.open:
    with priorities:
        priorities_tab(roadmap, current)
if gates.open:
    with gates:
        gates_tab(roadmap)
if capacity.open:
    with capacity:
        capacity_tab(roadmap, current)
if len(roadmap.issues) > MAX_BOXES:
    st.header("Scheduling warnings")
    st.dataframe(
        [{"Warning": issue} for issue in roadmap.issues], hide_index=True, width="stretch", placeholder=MISSING
    )
