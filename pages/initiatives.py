"""Initiatives: the delivery work of the plan — add or edit one in a form, see where it sits in the
live roadmap, or change many at once in the table. Every save goes through the initiative service."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from models.labels import DATE_INPUT, DATE_TEXT
from strategy.deliver.initiatives import create_initiative, update_initiative
from strategy.deliver.roadmap import STATUS_LABELS, Roadmap, build_roadmap
from strategy.errors import WorkbenchError
from ui.common import (
    actor,
    all_records,
    at_most,
    attempt,
    derived,
    engine,
    field_error,
    records,
    show_flash,
    show_pending_error,
    workspace,
)
from ui.entry import apply_focus, open_for_editing, reopen, request_focus
from ui.history import history_panel
from ui.initiative_table import initiative_table
from ui.layout import editing

ERROR = "initiatives_error"
NEW = 0  # the picker's "new initiative" choice
TITLE_LABEL = "Initiative title"
FIELDS = (
    "title",
    "description",
    "objective_ids",
    "owner_id",
    "capability_id",
    "effort",
    "duration_weeks",
    "earliest_start",
    "status",
    "wave",
    "value_score",
    "pinned_start",
    "depends_on_ids",
)
BLANK: dict[str, Any] = dict.fromkeys(FIELDS) | {
    "title": "",
    "description": "",
    "objective_ids": [],
    "depends_on_ids": [],
    "effort": 4.0,
    "duration_weeks": 6,
    "status": "proposed",
}

current = workspace()
ws_id = current.id or 0
initiatives = records("initiative", ws_id)
by_id = {i["id"]: i for i in initiatives}
stakeholders = records("stakeholder", ws_id)
related: dict[str, dict[int, str]] = {
    "stakeholder": {s["id"]: f"{s['name']} ({s['department']})" for s in stakeholders},
    "capability": {c["id"]: f"{c['dimension'].capitalize()} ({c['lens']})" for c in records("capability", ws_id)},
    "objective": {o["id"]: o["title"] for o in records("objective", ws_id)},
}


def key(pick: int, field: str) -> str:
    return f"init_{pick}_{field}"


def opened_key(pick: int) -> str:
    return f"init_{pick}_opened"


def _typed(pick: int) -> dict[str, Any]:
    data = {field: st.session_state[key(pick, field)] for field in FIELDS}
    data["title"] = (data["title"] or "").strip()
    return data


def _save(pick: int) -> None:
    data = _typed(pick)
    keys = [key(pick, field) for field in FIELDS]
    if pick == NEW:
        if attempt(
            lambda: create_initiative(engine(), ws_id, data, actor=actor()),
            f"Initiative '{data['title']}' added.",
            ERROR,
        ):
            reopen(keys, opened_key(pick))
            request_focus("initiative_form")
        return
    expected = st.session_state[opened_key(pick)]
    if attempt(
        lambda: update_initiative(engine(), ws_id, pick, data, expected_version=expected, actor=actor()),
        f"Initiative '{data['title']}' saved.",
        ERROR,
    ):
        reopen(keys, opened_key(pick))


def _choices(options: dict[int, str]) -> list[int | None]:
    return [None, *options]


def _named(options: dict[int, str]) -> Any:
    return lambda i: "— none —" if i is None else options.get(i, f"#{i}")


def _plan_fields(pick: int) -> None:
    # No browser bounds: a browser refuses an out-of-range number without a word; the initiative's own
    # bounds refuse it on submit and say why under the field.
    effort, weeks, wave = st.columns(3)
    effort.number_input("Effort (person-weeks)", step=1.0, key=key(pick, "effort"))
    weeks.number_input("Duration (weeks)", step=1, key=key(pick, "duration_weeks"))
    wave.number_input("Wave (1 = the pilot)", step=1, key=key(pick, "wave"), placeholder="not yet")
    for place, name in ((effort, "effort"), (weeks, "duration_weeks"), (wave, "wave")):
        field_error(ERROR, name, place)
    status, value = st.columns(2)
    status.selectbox("Status", list(STATUS_LABELS), format_func=STATUS_LABELS.__getitem__, key=key(pick, "status"))
    value.selectbox(
        "Value score (1-5)",
        [None, 1, 2, 3, 4, 5],
        format_func=lambda v: "— not scored —" if v is None else str(v),
        key=key(pick, "value_score"),
        help="Used to rank it when the business case has no benefit lines attached to it.",
    )
    earliest, pinned = st.columns(2)
    earliest.date_input("Earliest start (optional)", key=key(pick, "earliest_start"), format=DATE_INPUT)
    pinned.date_input(
        "Pin the start (optional)",
        key=key(pick, "pinned_start"),
        format=DATE_INPUT,
        help="The scheduler keeps a pinned start exactly and plans the rest around it.",
    )


def _form(pick: int) -> None:
    record = by_id.get(pick)
    values = {key(pick, f): (record[f] if record else BLANK[f]) for f in FIELDS}
    opened = open_for_editing(values, opened_key(pick), record["version"] if record else None)
    others = {i: t["title"] for i, t in by_id.items() if i != pick}
    with st.form(f"initiative_form_{pick}", border=True):
        st.text_input(TITLE_LABEL, key=key(pick, "title"), validate=at_most(120), placeholder="e.g. Lapse-risk alerts")
        field_error(ERROR, "title")
        st.multiselect(
            "Objectives it serves",
            list(related["objective"]),
            format_func=_named(related["objective"]),
            key=key(pick, "objective_ids"),
        )
        owner, capability = st.columns(2)
        owner.selectbox(
            "Owner (a business leader)",
            _choices(related["stakeholder"]),
            format_func=_named(related["stakeholder"]),
            key=key(pick, "owner_id"),
        )
        capability.selectbox(
            "Capability gap it closes",
            _choices(related["capability"]),
            format_func=_named(related["capability"]),
            key=key(pick, "capability_id"),
        )
        _plan_fields(pick)
        st.multiselect(
            "Waits for (must end first)", list(others), format_func=_named(others), key=key(pick, "depends_on_ids")
        )
        st.text_area("Description", key=key(pick, "description"), height=90)
        field_error(ERROR, "description")
        label = "Add initiative" if pick == NEW else "Save initiative"
        st.form_submit_button(label, type="primary", on_click=_save, args=(pick,))
    if record and opened != record["version"]:
        st.warning("Someone saved this initiative after you opened it: saving now would be refused.")
        st.button("Discard my edits and load theirs", on_click=reopen, args=(list(values), opened_key(pick)))
    if pick == NEW:
        apply_focus("initiative_form", TITLE_LABEL)
    else:
        history_panel("initiative", pick, ERROR)


def _live_roadmap() -> Roadmap | None:
    try:
        today = date.today()  # the same cached roadmap the Roadmap page draws
        return derived(f"roadmap:{today}", ws_id, lambda: build_roadmap(current, all_records(ws_id), today))
    except WorkbenchError as error:
        st.error(f"The roadmap cannot be drawn: {error}", icon=":material/error:")
        return None


def _in_the_plan(pick: int, roadmap: Roadmap | None) -> None:
    """Where the picked initiative sits in the live roadmap, in words and figures."""
    if roadmap is None or pick == NEW:
        st.markdown(
            "**How the roadmap uses these fields.** Effort is spread evenly over the duration and every "
            "quarter's total stays within the capacity set on the roadmap. An initiative starts once "
            "everything it waits for has ended, not before its earliest start, and once the previous wave "
            "has ended. Wave 1 is the pilot: keep it small. Value comes from the business case when benefit "
            "lines are attached to the initiative, otherwise from its value score."
        )
        return
    item = next((i for i in roadmap.items if i.initiative["id"] == pick), None)
    ranked = next((p for p in roadmap.ranked if p.initiative["id"] == pick), None)
    if item is None or ranked is None:
        st.info("Parked: this initiative is out of the plan until its status changes.")
        return
    start, end = st.columns(2)
    start.metric("Scheduled start", f"{item.start:{DATE_TEXT}}")
    end.metric("Scheduled end", f"{item.end:{DATE_TEXT}}")
    score = "no value yet" if ranked.score is None else f"score {ranked.score:.1f}, value from the {ranked.source}"
    st.markdown(f"**Priority:** rank {ranked.rank} of {len(roadmap.ranked)} ({score})")
    slack = (
        "On the critical path: any delay moves the programme's end."
        if item.critical
        else (f"Slack: {item.slack_days // 7} weeks before it delays anything.")
    )
    waited_by = [i["title"] for i in initiatives if pick in i["depends_on_ids"]]
    st.markdown(f"{slack}  \n**Waited for by:** {', '.join(waited_by) or 'nothing'}")


st.title("Initiatives")
st.caption(
    "The work that delivers the objectives. Start small, iterate, and let the business lead: every "
    "initiative has a business owner and serves an objective."
)
with st.container():
    show_flash()
    show_pending_error(ERROR)
names = {NEW: "+ New initiative", **{i: f"{t['title']}" for i, t in by_id.items()}}
if st.session_state.get(f"init_pick_{ws_id}") not in names:  # deleted meanwhile: back to a new one
    st.session_state.pop(f"init_pick_{ws_id}", None)
left, right = editing("initiative_form").columns([3, 2], gap="large")
with left:
    pick = st.selectbox("Add or edit", list(names), format_func=names.__getitem__, key=f"init_pick_{ws_id}")
    _form(pick)
with right:
    st.header("In the live roadmap")
    _in_the_plan(pick, _live_roadmap())

st.header(f"All initiatives ({len(initiatives)})")
if not initiatives:
    first = "" if related["objective"] else " Objectives come first: add one on **Objectives (SMART)**."
    st.info(
        "No initiatives yet. Add the first with the form above: a small pilot in wave 1, owned by a "
        f"business leader and serving an objective.{first}",
        icon=":material/arrow_upward:",
    )
editing("initiative_table_hint").caption(
    "Change any cell, add rows at the bottom, delete with the row's checkbox; Save writes all or nothing."
)
initiative_table(ws_id, initiatives, related)
