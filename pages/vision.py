"""Vision: the 3-5 year destination leaders set in answer to the need: statement, plan window,
ordered priorities, guiding principles and the measurable objectives that make it concrete."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import suppress
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from models.labels import DATE_INPUT, DATE_TEXT, number_text
from strategy.charts.vision import coverage_chart
from strategy.deliver.plan_window import plan_end
from strategy.discover.reorder import move_record
from strategy.discover.vision import next_position, ordered, priority_coverage, uncovered_needs, unserved_priorities
from strategy.store.records import create_record, save_singleton
from strategy.store.workspaces import update_workspace
from ui.common import (
    actor,
    at_most,
    attempt,
    chart,
    derived,
    engine,
    plain,
    presenting,
    records,
    show_flash,
    show_pending_error,
    workspace,
)
from ui.entry import apply_focus, id_table_editor, open_for_editing, reopen, request_focus
from ui.health_notes import health_notes
from ui.history import history_panel

ERROR = "vision_error"
LISTS = {  # kind -> (field shown, heading, input label, button label)
    "priority": ("title", "Strategic priorities, in order", "New priority", "Add priority"),
    "principle": ("text", "Guiding principles", "New guiding principle", "Add principle"),
}

current = workspace()
ws_id = current.id or 0
vision = next(iter(records("vision", ws_id)), None)
priorities = ordered(records("priority", ws_id))
needs = records("need", ws_id)
objectives = records("objective", ws_id)


VISION_KEYS = (f"vi_statement_{ws_id}", f"vi_destination_{ws_id}")
WINDOW_KEYS = (f"vi_start_{ws_id}", f"vi_horizon_{ws_id}")
VISION_OPENED, WINDOW_OPENED = f"vi_opened_{ws_id}", f"vi_window_opened_{ws_id}"


def _save_window() -> None:
    s = st.session_state
    changes = {"plan_start": s[WINDOW_KEYS[0]], "horizon_years": s[WINDOW_KEYS[1]]}
    if attempt(
        lambda: update_workspace(engine(), ws_id, changes, expected_version=s[WINDOW_OPENED], actor=actor()),
        "Plan window saved.",
        ERROR,
    ):
        reopen(WINDOW_KEYS, WINDOW_OPENED)


def _save_vision() -> None:
    s = st.session_state
    data = {"statement": s[VISION_KEYS[0]], "destination": s[VISION_KEYS[1]]}
    if attempt(
        lambda: save_singleton(engine(), "vision", ws_id, data, expected_version=s[VISION_OPENED], actor=actor()),
        "Vision saved.",
        ERROR,
    ):
        reopen(VISION_KEYS, VISION_OPENED)


def _add(kind: str) -> None:
    field = LISTS[kind][0]
    text = st.session_state[f"vi_new_{kind}"].strip()
    data: dict[str, Any] = {field: text, "position": next_position(records(kind, ws_id))}
    if kind == "priority":
        data["description"] = st.session_state.vi_new_priority_description
    if attempt(lambda: create_record(engine(), kind, ws_id, data, actor=actor()), f"Added '{text}'.", ERROR):
        st.session_state[f"vi_new_{kind}"] = ""
        st.session_state.pop("vi_new_priority_description", None)
        request_focus(f"vi_add_{kind}")


def _move(kind: str, record_id: int, step: int) -> None:
    rows = records(kind, ws_id)
    attempt(lambda: move_record(engine(), kind, ws_id, rows, record_id, step, actor=actor()), "Order saved.", ERROR)


def _stale_notice(keys: tuple[str, ...], opened_key: str, opened: int | None, stored: int | None) -> None:
    if opened != stored:
        st.warning("Someone saved this after you opened it: saving now would be refused.")
        st.button(
            "Discard my edits and load theirs", key=f"reload_{opened_key}", on_click=reopen, args=(keys, opened_key)
        )


def _vision_form() -> None:
    stored = vision["version"] if vision else None
    opened = open_for_editing(
        dict(zip(VISION_KEYS, (vision["statement"], vision["destination"]) if vision else ("", ""), strict=True)),
        VISION_OPENED,
        stored,
    )
    if presenting() and vision:  # the form is hidden on the projector; the room reads the vision itself
        st.header("Vision statement")
        st.markdown(f"**{plain(vision['statement'])}**")
        st.markdown(plain(vision["destination"]))
    with st.form("vision_statement", border=True):
        st.header("Vision statement")
        st.text_area("Where the organisation will be, in one or two sentences", key=VISION_KEYS[0], height=150)
        st.text_area(
            "The destination, in measurable terms",
            key=VISION_KEYS[1],
            height=150,
            help="Name the numbers that will show you arrived; the objectives below make them SMART.",
        )
        st.form_submit_button("Save vision", type="primary", on_click=_save_vision)
    _stale_notice(VISION_KEYS, VISION_OPENED, opened, stored)
    if vision:
        history_panel("vision", vision["id"], ERROR)


def _window_form() -> None:
    opened = open_for_editing(
        dict(zip(WINDOW_KEYS, (current.plan_start, current.horizon_years), strict=True)), WINDOW_OPENED, current.version
    )
    with st.form("plan_window", border=True):
        st.header("Plan window")
        left, right = st.columns(2)
        left.date_input("Plan start", key=WINDOW_KEYS[0], format=DATE_INPUT)
        right.radio(
            "Horizon (years)",
            [3, 4, 5],
            key=WINDOW_KEYS[1],
            horizontal=True,
            help="Leaders think in a 3-5 year plan, not the problem of the day.",
        )
        end = plan_end(current.plan_start, current.horizon_years)
        st.caption(f"Stored: {current.plan_start:{DATE_TEXT}} → {end:{DATE_TEXT}} ({current.horizon_years} years)")
        st.form_submit_button("Save plan window", on_click=_save_window)
    _stale_notice(WINDOW_KEYS, WINDOW_OPENED, opened, current.version)


def _ordered_list(kind: str) -> None:
    """The list in one element, and one move control for the row picked: two buttons and a row of
    columns per item made every click cost a dozen widgets."""
    field, heading, label, button = LISTS[kind]
    rows = ordered(records(kind, ws_id))
    st.header(heading)
    st.markdown("  \n".join(f"**{index + 1}.** {plain(row[field])}" for index, row in enumerate(rows)))
    if len(rows) > 1:
        ids = [row["id"] for row in rows]
        names = {row["id"]: f"{index + 1}. {row[field]}" for index, row in enumerate(rows)}
        which, up, down = st.columns([8, 1, 1], vertical_alignment="bottom")
        picked = which.selectbox("Move", ids, format_func=names.__getitem__, key=f"move_{kind}")
        up.button(
            "↑", key=f"up_{kind}", on_click=_move, args=(kind, picked, -1), disabled=picked == ids[0], help="Move up"
        )
        down.button(
            "↓",
            key=f"down_{kind}",
            on_click=_move,
            args=(kind, picked, 1),
            disabled=picked == ids[-1],
            help="Move down",
        )
    with st.form(f"vi_add_{kind}", border=False):
        st.text_input(label, key=f"vi_new_{kind}", validate=at_most(120 if kind == "priority" else 500))
        if kind == "priority":
            st.text_input("What it means (optional)", key="vi_new_priority_description", validate=at_most(2000))
        st.form_submit_button(button, on_click=_add, args=(kind,))
    apply_focus(f"vi_add_{kind}", label)


def _coverage() -> None:
    st.header("Does the vision answer the need?")
    covers = priority_coverage(priorities, needs, objectives)
    _coverage_verdict(unserved_priorities(priorities, objectives), uncovered_needs(needs, priorities))
    if covers:
        chart(derived("vision:coverage", ws_id, lambda: coverage_chart(covers)), key="vision_coverage")


def _coverage_verdict(unserved: Sequence[Mapping[str, Any]], loose: Sequence[Mapping[str, Any]]) -> None:
    if not priorities:
        st.info("Add the strategic priorities first; each need then points at the priority it belongs to.")
    if unserved:
        st.warning(
            "No objective serves these priorities yet: " + "; ".join(f"**{plain(p['title'])}**" for p in unserved)
        )
    if loose:
        st.warning(
            "No priority covers these needs: "
            + "; ".join(f"**{plain(n['title'])}** ({plain(n['department'])})" for n in loose)
        )
    if priorities and not unserved and not loose:
        st.success("Every priority has an objective and every need sits under a priority.")


def _objectives() -> None:
    st.header("The destination as measurable objectives")
    titles = {p["id"]: p["title"] for p in priorities}
    if not objectives:
        st.info("No objectives yet: turn each priority into SMART objectives on the Objectives page.")
    else:
        st.table(
            derived("vision:objectives", ws_id, lambda: _objective_rows(titles)),
            hide_index=True,
            border="horizontal",
        )
    with suppress(StreamlitAPIException):  # the objectives page is not part of the app yet
        st.page_link(
            "pages/objectives.py",
            label="Edit the objectives",
            icon=":material/flag:",
            query_params=dict(st.query_params),
        )


def _objective_rows(titles: Mapping[int, str]) -> list[dict[str, str]]:
    return [
        {
            "Objective": o["title"],
            "From → to": f"{number_text(o['baseline'])} → {number_text(o['target'])} {o['unit']}"
            if o["baseline"] is not None and o["target"] is not None
            else "—",
            "By": f"{o['due_date']:%b %Y}" if o["due_date"] else "—",
            "Priority": titles.get(o["priority_id"], "—"),
        }
        for o in objectives
    ]


st.title("Vision")
st.caption("A destination made of priorities, guiding principles and measurable objectives, answering the need.")
show_flash()
show_pending_error(ERROR)
health_notes("HEALTH-VISION")
left, right = st.columns(2, gap="large")
with left:
    _vision_form()
    _window_form()
with right:
    _ordered_list("priority")
    _ordered_list("principle")
_coverage()
_objectives()

# A collapsed table costs nothing: its editor runs only while it is open (on_change="rerun").
table = st.expander("Edit priorities and principles in a table", key="vision_tables_open", on_change="rerun")
if table.open:
    with table:
        id_table_editor(
            "priority",
            ws_id,
            ["position", "title", "description"],
            key="priorities_table",
            column_config={
                "position": st.column_config.NumberColumn("Order", min_value=0, step=1),
                "title": st.column_config.TextColumn("Priority", required=True, max_chars=120),
                "description": st.column_config.TextColumn("What it means", max_chars=2000),
            },
            label="Save priorities",
        )
        id_table_editor(
            "principle",
            ws_id,
            ["position", "text"],
            key="principles_table",
            column_config={
                "position": st.column_config.NumberColumn("Order", min_value=0, step=1),
                "text": st.column_config.TextColumn("Principle", required=True, max_chars=500),
            },
            label="Save principles",
        )
