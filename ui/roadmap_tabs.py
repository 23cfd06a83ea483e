"""The roadmap's other tabs: priorities and the pilot wave, gates and checks, capacity and settings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import streamlit as st

from models.labels import DATE_TEXT, plural
from models.workspace import Workspace
from strategy.charts.capacity import capacity_chart
from strategy.charts.priorities import priority_chart
from strategy.deliver.initiatives import PILOT_WAVE, apply_pilot
from strategy.deliver.prioritise import (
    SCORE_FORMULA,
    SCORE_NOTE,
    pilot_breaches,
    propose_pilot,
    quick_win_effort,
    wave_load,
)
from strategy.deliver.roadmap import Roadmap
from strategy.deliver.roadmap_checks import Gate
from strategy.store.workspaces import update_workspace
from ui.common import actor, attempt, chart, engine, field_error, plain

ERROR = "roadmap_error"
MET = {True: "met", False: "not yet", None: "not measured yet"}
STARTED = frozenset({"in_progress", "done"})


def _ranking_rows(roadmap: Roadmap) -> list[dict[str, str]]:
    return [
        {
            "Rank": str(p.rank),
            "Initiative": p.initiative["title"],
            "Quick win": "yes" if p.quick_win else "",
            "Value (1-5)": "—" if p.value is None else f"{p.value:.1f}",
            "Value from": p.source,
            "Effort (person-weeks)": f"{float(p.initiative['effort']):g}",
            "Score": "—" if p.score is None else f"{p.score:.1f}",
            "Wave": str(p.initiative["wave"] or "—"),
        }
        for p in roadmap.ranked
    ]


def _make_pilot(workspace_id: int, ids: Sequence[int]) -> None:
    attempt(
        lambda: apply_pilot(engine(), workspace_id, ids, actor=actor()),
        "The proposed pilot is now wave 1; the rest of the old wave 1 moved to wave 2.",
        ERROR,
    )


def _pilot_load(initiatives: Sequence[Mapping[str, Any]], current: Workspace) -> None:
    load = wave_load(initiatives, PILOT_WAVE)
    count, effort = st.columns(2)
    count.metric(f"Wave 1 initiatives (cap {current.pilot_max_initiatives})", load.count)
    effort.metric(f"Wave 1 person-weeks (cap {current.pilot_max_effort:g})", f"{load.effort:g}")
    for breach in pilot_breaches(load, current.pilot_max_initiatives, current.pilot_max_effort):
        st.warning(f"Too big for a pilot: {breach}.", icon=":material/warning:")


def _pilot(roadmap: Roadmap, current: Workspace) -> None:
    """Wave 1 against its caps; while it has not started, the pilot the ranking proposes."""
    st.header("Wave 1 is the pilot: start small")
    initiatives = [p.initiative for p in roadmap.ranked]
    _pilot_load(initiatives, current)
    wave_one = [i for i in initiatives if i["wave"] == PILOT_WAVE]
    started = [i for i in wave_one if i["status"] in STARTED]
    if started:
        done = sum(i["status"] == "done" for i in wave_one)
        st.success(f"The pilot is under way: {done} of {len(wave_one)} initiatives done.", icon=":material/flag:")
        return
    proposal = propose_pilot(roadmap.ranked, current.pilot_max_initiatives, current.pilot_max_effort)
    if not proposal.ids:
        st.info("No initiative fits the pilot caps yet: give initiatives a value score or raise the caps.")
        return
    titles = {p.initiative["id"]: p.initiative["title"] for p in roadmap.ranked}
    st.markdown(
        f"**Proposed pilot** ({plural(len(proposal.ids), 'initiative')}, {proposal.effort:g} person-weeks): quick wins "
        "first, then the best scores, only work whose prerequisites are done or in the pilot too."
    )
    st.markdown("\n".join(f"- {plain(titles[i])}" for i in proposal.ids))
    if set(proposal.ids) != {i["id"] for i in wave_one}:
        st.button("Make this the pilot (wave 1)", on_click=_make_pilot, args=(current.id, proposal.ids))
    else:
        st.caption("Wave 1 holds exactly the proposed pilot.")


def priorities_tab(roadmap: Roadmap, current: Workspace) -> None:
    st.markdown(f"**{SCORE_FORMULA}** — {SCORE_NOTE}")
    left, right = st.columns([3, 2], gap="large")
    with left:
        threshold = quick_win_effort([p.initiative for p in roadmap.ranked])
        chart(priority_chart(roadmap.ranked, threshold), key="roadmap_priority")
        st.caption(
            f"Each circle is an initiative, numbered by rank. Quick wins (green): value 4 or more for at most "
            f"{threshold:g} person-weeks (the median effort)."
        )
    with right:
        _pilot(roadmap, current)
    st.header("Ranking")
    st.table(_ranking_rows(roadmap), hide_index=True, border="horizontal")


def _gate(gate: Gate) -> None:
    verdict = "open" if gate.open else "not open yet"
    st.header(f"Before wave {gate.wave} starts — gate {verdict}")
    if not gate.kpis:
        st.info(
            f"Wave {gate.previous_wave} serves no objective with KPI targets: nothing to prove before wave {gate.wave}."
        )
        return
    st.caption(f"The KPI targets of the objectives wave {gate.previous_wave} serves, leading indicators first.")
    st.table(
        [
            {
                "KPI": k.kpi["name"],
                "Objective": k.objective_title,
                "Target": f"{k.kpi['target']:g} {k.kpi['unit']}".strip()
                + (f" by {k.kpi['target_date']:%b %Y}" if k.kpi["target_date"] else ""),
                "Latest": "—" if k.latest is None else f"{k.latest:g} ({k.measured_on:{DATE_TEXT}})",
                "Met?": MET[k.met],
            }
            for k in gate.kpis
        ],
        hide_index=True,
        border="horizontal",
    )


def gates_tab(roadmap: Roadmap) -> None:
    st.header("Objectives due before their work ends")
    if not roadmap.late:
        st.success("Every objective's due date leaves room for the initiatives that serve it.")
    for late in roadmap.late:
        st.error(
            f"**{plain(late.objective['title'])}** is due on {late.due:{DATE_TEXT}}, but "
            f"{plain(', '.join(repr(t) for t in late.initiatives))} ends on {late.finish:{DATE_TEXT}} "
            f"({late.days_late} days later). Bring the work forward or move the due date.",
            icon=":material/event_busy:",
        )
    if not roadmap.gates:
        st.info("Gates appear between waves once initiatives are placed in at least two waves.")
    for gate in roadmap.gates:
        _gate(gate)


def _save_settings(current: Workspace) -> None:
    s = st.session_state
    changes = {
        "capacity_per_quarter": s.rm_capacity,
        "pilot_max_initiatives": s.rm_pilot_count,
        "pilot_max_effort": s.rm_pilot_effort,
    }
    attempt(
        lambda: update_workspace(engine(), current.id or 0, changes, expected_version=current.version, actor=actor()),
        "Roadmap settings saved: the schedule below uses them.",
        ERROR,
    )


def capacity_tab(roadmap: Roadmap, current: Workspace) -> None:
    st.header("Planned effort per quarter")
    chart(
        capacity_chart(roadmap.schedule.load, roadmap.schedule.capacity, roadmap.plan_start, roadmap.plan_end),
        key="roadmap_capacity",
    )
    over = [q for q, load in roadmap.schedule.load.items() if load > roadmap.schedule.capacity + 1e-9]
    verdict = (
        f"{plural(len(over), 'quarter')} over capacity (red): see the checks above the tabs."
        if over
        else "No quarter is planned over capacity."
    )
    st.caption(f"Each initiative's effort is spread evenly over its weeks. {verdict}")
    with st.form(f"roadmap_settings_{current.version}", border=True):
        st.header("Roadmap settings")
        capacity, count, effort = st.columns(3)
        # No browser bounds (it refuses without a word): the workspace's bounds refuse in words, by the field.
        capacity.number_input(
            "Capacity per quarter (person-weeks)",
            value=current.capacity_per_quarter,
            step=5.0,
            key="rm_capacity",
            help="What the programme team can deliver in one quarter.",
        )
        count.number_input(
            "Pilot: at most this many initiatives", value=current.pilot_max_initiatives, step=1, key="rm_pilot_count"
        )
        effort.number_input(
            "Pilot: at most this effort (person-weeks)", value=current.pilot_max_effort, step=5.0, key="rm_pilot_effort"
        )
        for place, name in (
            (capacity, "capacity_per_quarter"),
            (count, "pilot_max_initiatives"),
            (effort, "pilot_max_effort"),
        ):
            field_error(ERROR, name, place)
        st.form_submit_button("Save roadmap settings", type="primary", on_click=_save_settings, args=(current,))
